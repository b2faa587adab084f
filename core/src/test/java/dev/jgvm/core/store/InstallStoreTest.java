package dev.jgvm.core.store;

import dev.jgvm.core.error.BusyException;
import dev.jgvm.core.error.StoreException;
import dev.jgvm.core.version.GoVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstallStoreTest {
    @TempDir Path home;

    private InstallStore store() { return new InstallStore(home, Duration.ofMillis(300)); }

    @Test
    void publishesAStagedTreeInOneRename() throws IOException {
        InstallStore store = store();
        GoVersion v = GoVersion.parse("1.22.5");

        try (Staging s = store.newStaging()) {
            Files.writeString(s.dir().resolve("VERSION"), "go1.22.5\n");
            store.publish(s, v, false);
        }

        assertEquals("go1.22.5\n", Files.readString(home.resolve("versions/1.22.5/VERSION")));
        assertEquals(List.of(v), store.installed());
        assertEquals(List.of(), leftovers(), "nothing left in tmp/");
    }

    @Test
    void anUnpublishedStagingDirectoryDisappearsOnClose() throws IOException {
        InstallStore store = store();

        try (Staging s = store.newStaging()) {
            Files.writeString(s.dir().resolve("half"), "written");
        }

        assertEquals(List.of(), leftovers());
        assertFalse(Files.exists(home.resolve("versions")));
    }

    @Test
    void refusesToPublishOverAnInstallWithoutReplace() throws IOException {
        InstallStore store = store();
        GoVersion v = GoVersion.parse("1.22.5");
        Files.createDirectories(home.resolve("versions/1.22.5"));

        try (Staging s = store.newStaging()) {
            StoreException e = assertThrows(StoreException.class, () -> store.publish(s, v, false));
            assertEquals("'1.22.5' is already installed", e.getMessage());
        }
    }

    @Test
    void sweepsStagingLeftByADeadProcessButNotALiveOne() throws IOException {
        InstallStore store = store();
        Path dead = Files.createDirectories(home.resolve("tmp/staging-dead/go/bin"));
        Files.writeString(dead.resolve("go"), "half");

        try (Staging live = store.newStaging()) {
            store.sweepStaging();

            assertFalse(Files.exists(home.resolve("tmp/staging-dead")));
            assertTrue(Files.isDirectory(live.dir()));
        }
    }

    @Test
    void ignoresDirectoriesThatAreNotVersions() throws IOException {
        Files.createDirectories(home.resolve("versions/1.21.0"));
        Files.createDirectories(home.resolve("versions/1.20"));
        Files.createDirectories(home.resolve("versions/notes"));
        Files.createDirectories(home.resolve("versions/1.20.0"));

        assertEquals(List.of(GoVersion.parse("1.20"), GoVersion.parse("1.21.0")), store().installed());
    }

    @Test
    void findsExactReleasesLinesAndLatest() throws IOException {
        for (String v : List.of("1.20", "1.20.14", "1.21.13", "1.22rc1")) Files.createDirectories(home.resolve("versions/" + v));
        InstallStore store = store();

        assertEquals(Optional.of(GoVersion.parse("1.20.14")), store.find("1.20"));
        assertEquals(Optional.of(GoVersion.parse("1.20")), store.find("1.20.0"));
        assertEquals(Optional.of(GoVersion.parse("1.21.13")), store.find("latest"));
        assertEquals(Optional.of(GoVersion.parse("1.22rc1")), store.find("1.22rc1"));
        assertEquals(Optional.empty(), store.find("1.22"));
        assertEquals(Optional.empty(), store.find("system"));
        assertEquals(Optional.empty(), store.find("../../etc"));
    }

    @Test
    void aHeldLockEndsInBusyNamingTheLockFile() {
        InstallStore store = store();
        GoVersion v = GoVersion.parse("1.22.5");

        try (StoreLock held = store.lockVersion(v)) {
            BusyException e = assertThrows(BusyException.class, () -> store.lockVersion(v));

            assertTrue(e.getMessage().contains(home.resolve("locks/1.22.5.lock").toString()), e.getMessage());
            assertEquals(6, e.exitCode().code());
        }
        try (StoreLock again = store.lockVersion(v)) {
            assertTrue(Files.exists(again.file()));
        }
    }

    @Test
    void removesTheTreeAndItsMeta() throws IOException {
        InstallStore store = store();
        GoVersion v = GoVersion.parse("1.22.5");
        Files.createDirectories(home.resolve("versions/1.22.5/bin"));
        Files.writeString(home.resolve("versions/1.22.5/bin/go"), "x");
        Files.createDirectories(home.resolve("meta"));
        Files.writeString(home.resolve("meta/1.22.5.json"), "{}");

        store.remove(v);

        assertFalse(Files.exists(home.resolve("versions/1.22.5")));
        assertFalse(Files.exists(home.resolve("meta/1.22.5.json")));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void writesTheGlobalDefaultAtomically() {
        InstallStore store = store();

        store.writeGlobalDefault("1.22");

        assertEquals(Optional.of("1.22"), store.globalDefault());
    }

    private List<String> leftovers() throws IOException {
        Path tmp = home.resolve("tmp");
        if (!Files.exists(tmp)) return List.of();
        try (var s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
