package dev.jgvm.cli;

import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.store.StoreLock;
import dev.jgvm.fixtures.FixtureDistribution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uninstall while something else holds the store, or while a go of that version runs: never half done. */
class UninstallBusyTest {
    @TempDir Path tmp;
    private Path home;

    @BeforeEach
    void installTwo() throws IOException {
        home = tmp.resolve("jgvm");
        Path dl = Files.createDirectories(tmp.resolve("dl"));
        for (String v : new String[] {"1.22.5", "1.21.13"}) {
            Path a = FixtureDistribution.of(v).writeTarGz(dl);
            assertEquals(0, jgvm("install", "--from", a.toString(), "--sha256", FixtureDistribution.sha256(a)).exitCode());
        }
    }

    private CliResult jgvm(String... args) {
        return Cli.inProcess(Env.of("JGVM_HOME", home, "HOME", tmp, "PATH", "/usr/bin:/bin", "JGVM_PLATFORM", "linux/amd64",
                "JGVM_LOCK_TIMEOUT", "0.5").withCwd(tmp)).run(args);
    }

    @Test
    void aHeldVersionLockChangesNothingAndSaysSo() throws IOException {
        String aliases = Files.readString(home.resolve("aliases/1.22"));

        CliResult r;
        try (StoreLock held = StoreLock.acquire(home.resolve("locks/1.21.13.lock"), Duration.ofSeconds(1))) {
            r = jgvm("uninstall", "1.22.5", "1.21.13");
        }

        assertEquals(6, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("nothing was removed"), r.err());
        assertTrue(Files.isDirectory(home.resolve("versions/1.22.5")), "the first version is still there");
        assertTrue(Files.isDirectory(home.resolve("versions/1.21.13")));
        assertTrue(Files.exists(home.resolve("meta/1.22.5.json")));
        assertEquals(aliases, Files.readString(home.resolve("aliases/1.22")));
    }

    @Test
    void aHeldSharedLockChangesNothingEither() throws IOException {
        CliResult r;
        try (StoreLock held = StoreLock.acquire(home.resolve("locks/shared.lock"), Duration.ofSeconds(1))) {
            r = jgvm("uninstall", "1.22.5");
        }

        assertEquals(6, r.exitCode(), r.toString());
        assertTrue(r.err().contains("nothing was removed"), r.err());
        assertTrue(Files.isDirectory(home.resolve("versions/1.22.5")));
        assertEquals("1.22.5\n", Files.readString(home.resolve("aliases/1.22")));
    }

    // A process running from a GOROOT: sh with the version's bin/go as $0, as an interpreted tool would look.
    private Process runningFrom(String version, String seconds) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "sleep " + seconds + "; :", home.resolve("versions/" + version + "/bin/go").toString()).start();
        Thread.sleep(200);
        return p;
    }

    @Test
    void removingTheVersionARunningGoUsesWarns() throws Exception {
        Process running = runningFrom("1.22.5", "30");
        try {
            CliResult r = jgvm("uninstall", "1.22.5");

            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.err().contains("warn: go 1.22.5 is in use by process " + running.pid()), r.err());
            assertTrue(r.err().contains("hint: 'jgvm uninstall --wait' waits"), r.err());
            assertFalse(Files.exists(home.resolve("versions/1.22.5")));
        } finally {
            running.destroyForcibly();
        }
    }

    @Test
    void withWaitItRemovesTheVersionOnlyOnceItsProcessesEnded() throws Exception {
        Process running = runningFrom("1.21.13", "1.5");
        try {
            CliResult r = Cli.inProcess(Env.of("JGVM_HOME", home, "HOME", tmp, "PATH", "/usr/bin:/bin", "JGVM_LOCK_TIMEOUT", "20")
                    .withCwd(tmp)).run("uninstall", "--wait", "1.21.13");

            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.err().contains("info: waiting for process " + running.pid()), r.err());
            assertFalse(running.isAlive(), "uninstall returned only after the process ended");
            assertFalse(Files.exists(home.resolve("versions/1.21.13")));
        } finally {
            running.destroyForcibly();
        }
    }

    @Test
    void withWaitAProcessThatOutlastsTheLockTimeoutLeavesTheVersionAndExitsSix() throws Exception {
        Process running = runningFrom("1.21.13", "30");
        try {
            CliResult r = jgvm("uninstall", "--wait", "1.21.13");

            assertEquals(6, r.exitCode(), r.toString());
            assertTrue(r.err().contains("nothing was removed"), r.err());
            assertTrue(Files.isDirectory(home.resolve("versions/1.21.13")));
        } finally {
            running.destroyForcibly();
        }
    }
}
