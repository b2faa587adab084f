package dev.jgvm.shims;

import dev.jgvm.core.store.InstallStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The files the launcher and the shims read instead of asking Java. */
class AliasWriterTest {
    @TempDir Path home;

    @Test
    void listsTheInstalledVersionsInGosOrderForTheLauncher() throws IOException {
        for (String v : new String[] {"1.22.10", "1.9.2rc2", "1.22.5", "1.21.0", "1.21rc2", "1.20", "1.9.2", "not-a-version"}) {
            Files.createDirectories(home.resolve("versions").resolve(v));
        }

        new AliasWriter().write(new InstallStore(home, Duration.ofSeconds(1)));

        assertEquals("1.9.2rc2\n1.9.2\n1.20\n1.21rc2\n1.21.0\n1.22.5\n1.22.10\n", Files.readString(home.resolve("aliases/.installed")));
        assertEquals("1.22.10\n", Files.readString(home.resolve("aliases/1.22")));
    }

    @Test
    void emptiesTheListWhenTheLastVersionGoes() throws IOException {
        Files.createDirectories(home.resolve("versions/1.22.5"));
        InstallStore store = new InstallStore(home, Duration.ofSeconds(1));
        new AliasWriter().write(store);

        Files.delete(home.resolve("versions/1.22.5"));
        new AliasWriter().write(store);

        assertEquals("", Files.readString(home.resolve("aliases/.installed")));
        assertEquals(1, Files.list(home.resolve("aliases")).count());
    }
}
