package dev.jgvm.core.install;

import dev.jgvm.core.archive.ArchiveExtractor;
import dev.jgvm.core.error.BusyException;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uninstall refuses before it removes anything, and says what it removed under a running go. */
class UninstallerTest {
    @TempDir Path home;
    private final List<String> heard = new ArrayList<>();

    private final Uninstaller.Listener listener = new Uninstaller.Listener() {
        @Override public void inUse(GoVersion v, String process) { heard.add("in use " + v); }

        @Override public void waitingFor(GoVersion v, String process) { heard.add("waiting " + v); }
    };

    private InstallStore store() { return new InstallStore(home, Duration.ofMillis(300)); }

    private Uninstaller uninstaller(Function<Path, List<ProcessHandle>> users) {
        return new Uninstaller(store(), () -> new Installer(store(), new ArchiveExtractor(), List.of()), users);
    }

    private static Function<Path, List<ProcessHandle>> nobody() { return goroot -> List.of(); }

    // A go that never ends, running from one version's GOROOT.
    private Function<Path, List<ProcessHandle>> running(String version) {
        return goroot -> goroot.equals(home.resolve("versions").resolve(version)) ? List.of(ProcessHandle.current()) : List.of();
    }

    private void installed(String... versions) throws IOException {
        for (String v : versions) Files.createDirectories(home.resolve("versions").resolve(v).resolve("bin"));
    }

    private boolean isInstalled(String v) { return Files.isDirectory(home.resolve("versions").resolve(v)); }

    @Test
    void waitingForAGoThatKeepsRunningRemovesNothing() throws IOException {
        installed("1.22.5", "1.21.13");

        BusyException e = assertThrows(BusyException.class,
                () -> uninstaller(running("1.21.13")).uninstall(List.of("1.22.5", "1.21.13"), true, listener));

        assertTrue(e.getMessage().contains("go 1.21.13 is still in use") && e.getMessage().endsWith("nothing was removed"), e.getMessage());
        assertTrue(isInstalled("1.22.5"), "the version not in use stays too");
        assertTrue(isInstalled("1.21.13"));
        assertEquals(List.of("waiting 1.21.13"), heard);
    }

    @Test
    void withoutWaitingAGoInUseIsNamedAndItsVersionRemoved() throws IOException {
        installed("1.22.5", "1.21.13");

        Uninstaller.Result r = uninstaller(running("1.21.13")).uninstall(List.of("1.21.13"), false, listener);

        assertEquals(List.of(new Uninstaller.Removed(GoVersion.parse("1.21.13"), home.resolve("versions/1.21.13"))), r.removed());
        assertEquals(List.of("in use 1.21.13"), heard);
        assertTrue(!isInstalled("1.21.13") && isInstalled("1.22.5"));
    }

    @Test
    void aLineMatchingSeveralInstallsRemovesNothing() throws IOException {
        installed("1.22.5", "1.22.4", "1.21.13");

        UsageException e = assertThrows(UsageException.class,
                () -> uninstaller(nobody()).uninstall(List.of("1.21.13", "1.22"), false, listener));

        assertEquals("'1.22' matches several installs: 1.22.4, 1.22.5", e.getMessage());
        assertTrue(isInstalled("1.21.13") && isInstalled("1.22.4") && isInstalled("1.22.5"));
    }

    @Test
    void aSpecNamingNoInstallRemovesNothing() throws IOException {
        installed("1.22.5");

        VersionNotFoundException e = assertThrows(VersionNotFoundException.class,
                () -> uninstaller(nobody()).uninstall(List.of("1.22.5", "1.20"), false, listener));

        assertEquals("go 1.20 is not installed", e.getMessage());
        assertTrue(isInstalled("1.22.5"));
    }

    @Test
    void removingWhatTheGlobalDefaultNamesIsReported() throws IOException {
        installed("1.22.5", "1.22.4", "1.21.13");
        store().writeGlobalDefault("1.22");

        assertEquals(Optional.empty(), uninstaller(nobody()).uninstall(List.of("1.22.5"), false, listener).lostDefault(),
                "1.22 still names 1.22.4");
        assertEquals(Optional.of("1.22"), uninstaller(nobody()).uninstall(List.of("1.22.4"), false, listener).lostDefault());
    }

    @Test
    void aSystemDefaultIsNeverLost() throws IOException {
        installed("1.22.5");
        store().writeGlobalDefault("system");

        assertEquals(Optional.empty(), uninstaller(nobody()).uninstall(List.of("1.22"), false, listener).lostDefault());
    }
}
