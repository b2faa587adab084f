package dev.jgvm.cli;

import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.FixtureDistribution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's exit code table, one row at a time, for the cases that used to exit otherwise. */
class ExitCodesTest {
    @TempDir Path tmp;
    private Path home;
    private Path project;

    @BeforeEach
    void layOut() throws IOException {
        home = tmp.resolve("jgvm");
        project = Files.createDirectories(tmp.resolve("src/api"));
    }

    private Env env() {
        return Env.of("JGVM_HOME", home, "HOME", tmp, "PATH", "/usr/bin:/bin", "JGVM_PLATFORM", "linux/amd64",
                "JGVM_LOCK_TIMEOUT", "0.5", "JGVM_MIRRORS", "dl+" + tmp.resolve("no-mirror").toUri(),
                "JGVM_ORIGINS", "https://127.0.0.1:9/", "JGVM_RETRIES", "0").withCwd(project);
    }

    private CliResult jgvm(String... args) { return Cli.inProcess(env()).run(args); }

    private CliResult jgvmWith(String key, String value, String... args) { return Cli.inProcess(env().with(key, value)).run(args); }

    private void install(String version) throws IOException {
        Path a = FixtureDistribution.of(version).writeTarGz(Files.createDirectories(tmp.resolve("dl")));
        assertEquals(0, jgvm("install", "--from", a.toString(), "--sha256", FixtureDistribution.sha256(a)).exitCode());
    }

    @Test
    void execWithNoVersionSelectedExits127() {
        CliResult r = jgvm("exec", "--", "go", "version");

        assertEquals(127, r.exitCode(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("error: no Go version is selected in '" + project + "'\nhint: "), r.err());
    }

    @Test
    void execOfAVersionThatIsNotInstalledExits127() throws IOException {
        install("1.22.5");
        Files.writeString(project.resolve(".go-version"), "1.21.13\n");

        CliResult selected = jgvm("exec", "--", "go", "version");
        CliResult named = jgvm("exec", "--version", "1.20.3", "--", "go", "version");

        assertEquals(127, selected.exitCode(), selected.toString());
        assertTrue(selected.err().startsWith("error: go 1.21.13 is not installed"), selected.err());
        assertEquals(127, named.exitCode(), named.toString());
        assertTrue(named.err().startsWith("error: go 1.20.3 is not installed"), named.err());
    }

    @Test
    void aLockTimeoutThatIsNotANumberExitsTwoNamingTheVariable() {
        CliResult r = jgvmWith("JGVM_LOCK_TIMEOUT", "abc", "list");

        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: JGVM_LOCK_TIMEOUT='abc' is not a number of seconds\nhint: "), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
    }

    @Test
    void aNegativeRetryCountExitsTwoNamingTheVariable() {
        CliResult r = jgvmWith("JGVM_RETRIES", "-3", "install", "1.22.5");

        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: JGVM_RETRIES: -3 retries is out of range\nhint: "), r.err());
    }

    @Test
    void aRetryBackoffThatIsNotANumberExitsTwoNamingTheVariable() {
        CliResult r = jgvmWith("JGVM_RETRY_BACKOFF_MS", "abc", "install", "1.22.5");

        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: JGVM_RETRY_BACKOFF_MS='abc' is not a number of milliseconds\nhint: "), r.err());
    }

    @Test
    void anUnknownPlatformExitsTwoNamingTheVariable() {
        CliResult r = jgvmWith("JGVM_PLATFORM", "foo", "install", "1.22.5");

        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: JGVM_PLATFORM 'foo' is not a platform Go supports\nhint: "), r.err());
    }

    @Test
    void aRelativeJgvmHomeExitsTwoAndCreatesNothing() throws IOException {
        // Relative to what? Each directory a shim or the hook runs in would have a home of its own.
        for (String cmd : List.of("list", "install", "current")) {
            CliResult r = jgvmWith("JGVM_HOME", "relative/jgvm", cmd);

            assertEquals(2, r.exitCode(), r.toString());
            assertEquals("", r.out(), cmd);
            assertTrue(r.err().startsWith("error: JGVM_HOME='relative/jgvm' is not an absolute path\nhint: "), r.err());
            assertFalse(Files.exists(project.resolve("relative")), "created a home under the working directory");
        }
    }

    @Test
    void removingSomethingThatIsNotAFingerprintExitsTwo() {
        CliResult r = jgvm("keys", "remove", "nothex");

        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: 'nothex' is not a key fingerprint\nhint: "), r.err());
    }

    @Test
    void anAbsurdRetryCountInTheConfigExitsTwoWithFileAndLine() throws IOException {
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.toml"), "auto_install = true\n\n[network]\nretries = 1000000\n");

        CliResult r = Cli.inProcess(env().with("JGVM_RETRIES", null)).run("install", "1.22.5");

        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: " + home.resolve("config.toml") + ":4: network.retries: 1000000 retries is out of range\n"), r.err());
    }

    @Test
    void anUnknownMirrorKeyIsRefusedRatherThanIgnored() throws IOException {
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.toml"), "[[mirror]]\nname = \"corp\"\nurl = \"https://corp.example/go/\"\npriority = 10\n");

        CliResult r = Cli.inProcess(env().with("JGVM_MIRRORS", null)).run("install", "1.22.5");

        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: " + home.resolve("config.toml") + ":4: unknown key 'mirror.priority'\n"), r.err());
    }

    @Test
    void aDigestWithoutAnArchiveToCheckItAgainstIsRefusedRatherThanIgnored() {
        // A download is proven by the chain's evidence; a --sha256 that nothing compares would look like a pin.
        CliResult r = jgvm("install", "1.22.5", "--sha256", "0".repeat(64));

        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("error: --sha256 goes with --from"), r.err());
        assertTrue(r.err().contains("\nhint: "), r.err());
        assertFalse(Files.exists(home.resolve("cache/downloads")), "no mirror was asked");
    }
}
