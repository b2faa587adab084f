package dev.jgvm.core.plugin;

import dev.jgvm.core.config.Settings.MirrorConfig;
import dev.jgvm.core.error.ConfigException;
import dev.jgvm.core.spi.MirrorTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TomlTableTest {
    private final MirrorTable corp = TomlTable.mirror(new MirrorConfig("corp", "folder", "file:///srv/go/",
            Map.of("name", "corp", "type", "folder", "url", "file:///srv/go/", "index", "index.json", "empty", "",
                    "strict", true, "tags", List.of("a", "b"), "mixed", List.of("a", 1L))));

    @Test
    void givesTheCommonKeysAndTypedValues() {
        assertEquals("corp", corp.name());
        assertEquals("folder", corp.type());
        assertEquals("file:///srv/go/", corp.url());
        assertEquals(Optional.of("index.json"), corp.string("index"));
        assertEquals(Optional.empty(), corp.string("empty"));
        assertEquals(Optional.empty(), corp.string("absent"));
        assertEquals(Optional.of(true), corp.bool("strict"));
        assertEquals(List.of("a", "b"), corp.list("tags"));
        assertEquals(List.of(), corp.list("absent"));
    }

    @Test
    void aValueOfTheWrongTypeIsAConfigErrorNamingTheMirrorAndTheKey() {
        ConfigException list = assertThrows(ConfigException.class, () -> corp.list("mixed"));
        ConfigException bool = assertThrows(ConfigException.class, () -> corp.bool("index"));
        ConfigException string = assertThrows(ConfigException.class, () -> corp.string("tags"));

        assertEquals("[[mirror]] 'corp': 'mixed' must be an array of strings", list.getMessage());
        assertEquals("[[mirror]] 'corp': 'index' must be true or false", bool.getMessage());
        assertEquals("[[mirror]] 'corp': 'tags' must be a string", string.getMessage());
        assertEquals(2, list.exitCode().code());
    }
}
