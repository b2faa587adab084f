package dev.jgvm.core.plugin;

import dev.jgvm.core.spi.PluginCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheDirectoryTest {
    @TempDir Path root;

    @Test
    void writesAndReadsFilesUnderTheCap() throws IOException {
        PluginCache cache = CacheDirectory.of(root, "folder");

        cache.write("listing.json", "[]");

        assertEquals(root.resolve("folder"), cache.dir());
        assertEquals(Optional.of("[]"), cache.read("listing.json", 2));
        assertEquals(Optional.empty(), cache.read("listing.json", 1));
        assertEquals(Optional.empty(), cache.read("absent", 10));
    }

    @Test
    void aDirectoryIsFilledOnceAndAFailedFillLeavesNothing() throws IOException {
        PluginCache cache = CacheDirectory.of(root, "bundle");

        IOException failed = assertThrows(IOException.class, () -> cache.directory("b1", d -> {
            Files.writeString(d.resolve("half"), "x");
            throw new IOException("disk full");
        }));
        Path made = cache.directory("b1", d -> Files.writeString(d.resolve("whole"), "x"));
        Path again = cache.directory("b1", d -> { throw new AssertionError("an existing directory is not filled again"); });

        assertEquals("disk full", failed.getMessage());
        assertEquals(made, again);
        assertTrue(Files.isRegularFile(made.resolve("whole")));
        try (var s = Files.list(cache.dir())) {
            assertEquals(1, s.count(), "no staging directory is left");
        }
    }

    @Test
    void keysAreStableAndNamesArePlain() throws IOException {
        PluginCache cache = CacheDirectory.of(root, "dl");

        assertEquals(cache.key("https://example.test/"), cache.key("https://example.test/"));
        assertNotEquals(cache.key("a"), cache.key("b"));
        assertThrows(IllegalArgumentException.class, () -> cache.write("../escape", "x"));
        assertThrows(IllegalArgumentException.class, () -> CacheDirectory.of(root, ".."));
        assertThrows(IllegalArgumentException.class, () -> cache.delete(root));
        Path scratch = cache.scratch("run-");
        cache.delete(scratch);
        assertFalse(Files.exists(scratch));
    }
}
