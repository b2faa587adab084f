package dev.jgvm.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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

/**
 * The default-tools install hook, with a fixture Go whose {@code go install} records where and how it ran (its
 * directory, GOROOT, GOTOOLCHAIN, GOPROXY, GOFLAGS, arguments) and fails for a package named "broken".
 */
class DefaultToolsIT {
    @TempDir Path tmp;
    private Path home;
    private Path project;
    private Path log;
    private Path archive;

    @BeforeEach
    void layOut() throws IOException {
        home = tmp.resolve("jgvm");
        project = Files.createDirectories(tmp.resolve("src/api"));
        log = tmp.resolve("go-install.log");
        archive = FixtureDistribution.of("1.22.5").writeTarGz(Files.createDirectories(tmp.resolve("downloads")));
        Files.createDirectories(home);
    }

    private Cli jgvm() {
        return Cli.inProcess(Env.of("JGVM_HOME", home, "HOME", tmp, "PATH", "/usr/bin:/bin", "JGVM_PLATFORM", "linux/amd64",
                "GOPROXY", "file:///srv/goproxy", "GOFLAGS", "-mod=mod", "GOTOOLCHAIN", "go1.99.0", "FAKE_GO_LOG", log.toString(),
                "JGVM_MIRRORS", "dl+" + tmp.resolve("no-mirror").toUri()).withCwd(project));
    }

    private CliResult install() {
        return jgvm().run("install", "--from", archive.toString(), "--sha256", FixtureDistribution.sha256(archive));
    }

    @Test
    void installRunsGoInstallForEachToolInANeutralDirectoryAndReportsAFailingOneByName() throws IOException {
        Files.writeString(home.resolve("config.toml"), """
                [hooks]
                default_tools = ["golang.org/x/tools/gopls@latest", "example.com/broken/cmd@v1.0.0", "honnef.co/go/tools/cmd/staticcheck@latest"]
                """);

        CliResult r = install();

        assertEquals(0, r.exitCode(), r.toString());
        Path goroot = home.resolve("versions/1.22.5");
        assertEquals(goroot + "\n", r.out());
        assertTrue(Files.isExecutable(goroot.resolve("bin/go")), "the install stands");
        assertTrue(r.err().contains("warn: default tool 'example.com/broken/cmd@v1.0.0' was not installed with go 1.22.5: "
                + "go: example.com/broken/cmd@v1.0.0: module not found (exit 1)"), r.err());
        List<String> calls = Files.readAllLines(log);
        assertEquals(3, calls.size(), calls.toString());
        for (String call : calls) {
            String[] f = call.split("\\|", -1);
            assertFalse(Path.of(f[0]).startsWith(project), "not in the user's project: " + f[0]);
            assertFalse(Files.exists(Path.of(f[0])), "the neutral directory is removed afterwards");
            assertEquals(goroot.toString(), f[1]);
            assertEquals("local", f[2]);
            assertEquals("file:///srv/goproxy", f[3]);
            assertEquals("-mod=mod", f[4]);
        }
        assertEquals("install golang.org/x/tools/gopls@latest", calls.get(0).split("\\|")[5]);
        assertEquals("install honnef.co/go/tools/cmd/staticcheck@latest", calls.get(2).split("\\|")[5]);
    }

    @Test
    void toolsSyncRunsTheHooksAgainAndNothingRunsWithoutDefaultTools() throws IOException {
        assertEquals(0, install().exitCode());
        assertFalse(Files.exists(log), "no default tools configured: go install never runs");
        Files.writeString(home.resolve("config.toml"), "[hooks]\ndefault_tools = [\"golang.org/x/tools/gopls@v0.16.0\"]\n");

        CliResult sync = jgvm().run("tools", "sync", "1.22");
        CliResult json = jgvm().run("--json", "tools", "sync");

        assertEquals(0, sync.exitCode(), sync.toString());
        assertEquals("1.22.5\n", sync.out());
        assertEquals(2, Files.readAllLines(log).size());
        assertTrue(Files.readAllLines(log).get(0).endsWith("|install golang.org/x/tools/gopls@v0.16.0"));
        JsonObject o = JsonParser.parseString(json.out()).getAsJsonObject();
        assertEquals("1.22.5", o.get("version").getAsString());
        assertEquals(0, o.getAsJsonArray("warnings").size());
        CliResult missing = jgvm().run("tools", "sync", "1.21");
        assertEquals(3, missing.exitCode());
        assertTrue(missing.err().contains("error: go 1.21 is not installed"), missing.err());
    }
}
