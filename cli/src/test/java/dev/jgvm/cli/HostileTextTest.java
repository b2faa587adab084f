package dev.jgvm.cli;

import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.FixtureDistribution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text from files and mirrors stays text on a terminal; near-valid versions are named as such, never offered for install. */
class HostileTextTest {
    @TempDir Path tmp;
    private Path home;
    private Path project;

    @BeforeEach
    void layOut() throws IOException {
        home = tmp.resolve("jgvm");
        project = Files.createDirectories(tmp.resolve("src/api"));
        Path a = FixtureDistribution.of("1.22.5").writeTarGz(Files.createDirectories(tmp.resolve("dl")));
        assertEquals(0, jgvm("install", "--from", a.toString(), "--sha256", FixtureDistribution.sha256(a)).exitCode());
    }

    private Env env() {
        return Env.of("JGVM_HOME", home, "HOME", tmp, "PATH", "/usr/bin:/bin", "JGVM_PLATFORM", "linux/amd64",
                "JGVM_MIRRORS", "dl+" + tmp.resolve("no-mirror").toUri(), "JGVM_RETRIES", "0").withCwd(project);
    }

    private CliResult jgvm(String... args) { return Cli.inProcess(env()).run(args); }

    @Test
    void controlCharactersFromAVersionFileAreEscaped() throws IOException {
        Files.writeString(project.resolve(".go-version"), "1.22\u001b]0;pwned\u0007\u001b[2J\n");

        CliResult current = jgvm("current");
        CliResult list = jgvm("list");

        for (CliResult r : new CliResult[] {current, list}) {
            assertFalse(r.err().contains("\u001b") || r.err().contains("\u0007"), r.err());
            assertFalse(r.out().contains("\u001b") || r.out().contains("\u0007"), r.out());
        }
        assertTrue(current.err().contains("\\x1b]0;pwned\\x07\\x1b[2J"), current.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.22.05", "01.22.5", "1.22.5.", "v1.22.5"})
    void aNearValidVersionIsNotAGoVersionForCurrentAndInstallAlike(String near) throws IOException {
        Files.writeString(project.resolve(".go-version"), near + "\n");

        CliResult current = jgvm("current");
        CliResult install = jgvm("install");
        CliResult explicit = jgvm("install", near);
        CliResult list = jgvm("list");

        assertEquals(3, current.exitCode(), current.toString());
        assertEquals("", current.out());
        assertTrue(current.err().startsWith("error: '" + near + "' is not a Go version (selected by " + project.resolve(".go-version") + ")\nhint: "),
                current.err());
        for (CliResult r : new CliResult[] {current, install, explicit, list}) {
            assertFalse(r.err().contains("jgvm install " + near), "never offered for install: " + r.err());
            assertTrue(r.err().contains("'" + near + "' is not a Go version"), r.err());
        }
        assertEquals(2, install.exitCode(), install.toString());
        assertEquals(2, explicit.exitCode(), explicit.toString());
    }

    @Test
    void useSystemWithoutASystemGoWarns() {
        CliResult r = Cli.inProcess(env().with("PATH", tmp.resolve("empty-bin").toString())).run("use", "system");

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("warn: there is no go on PATH besides jgvm's shims"), r.err());
    }
}
