package dev.jgvm.cli;

import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.fixtures.FixtureDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Go's own toolchain switch served by jgvm (DESIGN §5): the machine's modern Go (found on PATH, Go 1.21 or newer)
 * repackaged at test time as an official archive and installed with {@code install --from}; a fake go1.99.0 installed
 * beside it; in a module whose go.mod says {@code go 1.99.0}, {@code go version} through the shim with
 * {@code gotoolchain = "path"} runs jgvm's go1.99.0 — found on PATH as a version command — and nothing is downloaded
 * ({@code GOPROXY=off}, no network).
 */
class GoToolchainSwitchIT {
    @TempDir Path tmp;

    @Test
    void aRealGoSwitchesToJgvmsGoCommandWhenGoModAsksForANewerVersion() throws Exception {
        Path realRoot = Path.of(run(List.of("go", "env", "GOROOT"), tmp, Map.of(), true).strip());
        String realVersion = Files.readAllLines(realRoot.resolve("VERSION")).get(0).strip(); // go1.26.8
        assertTrue(GoVersion.compare(realVersion.substring(2), "1.21") >= 0,
                "this test needs a Go 1.21 or newer on PATH (its toolchain switch); found " + realVersion);
        String goos = run(List.of("go", "env", "GOOS"), tmp, Map.of(), true).strip();
        String goarch = run(List.of("go", "env", "GOARCH"), tmp, Map.of(), true).strip();
        Path home = tmp.resolve("jgvm");
        Env env = Env.of("JGVM_HOME", home, "JGVM_PLATFORM", goos + "/" + goarch).withCwd(tmp);
        // The official layout, trimmed to what 'go version' needs: go/VERSION, go/go.env (Go 1.21+ reads its
        // GOTOOLCHAIN default there) and go/bin.
        Path archive = tmp.resolve(realVersion + "." + goos + "-" + goarch + ".tar.gz");
        run(List.of("sh", "-c", "tar -chf - -C \"$1\" --transform 's,^\\.,go,' ./VERSION ./go.env ./bin | gzip -1 > \"$2\"", "sh",
                realRoot.toString(), archive.toString()), tmp, Map.of(), true);
        Path fake = FixtureDistribution.of("1.99.0", goos, goarch).writeTarGz(tmp);
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.toml"), "gotoolchain = \"path\"\nauto_install = false\n");
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve(".go-version"), realVersion + "\n");
        Files.writeString(project.resolve("go.mod"), "module example.com/newer\n\ngo 1.99.0\n");

        CliResult real = Cli.inProcess(env).run("install", "--from", archive.toString(), "--sha256", FixtureDistribution.sha256(archive));
        CliResult newer = Cli.inProcess(env).run("install", "--from", fake.toString(), "--sha256", FixtureDistribution.sha256(fake));
        Map<String, String> goEnv = Map.of("GOPROXY", "off", "GOCACHE", tmp.resolve("gocache").toString(),
                "GOPATH", tmp.resolve("gopath").toString(), "GOENV", "off", "GOFLAGS", "-modcacherw", "PATH", home.resolve("shims") + ":/usr/bin:/bin");
        String switched = run(List.of("dash", "-c", "go version"), project, goEnv, true);
        String local = run(List.of("dash", "-c", "go list -m"), project, Map.of("GOPROXY", "off",
                "GOCACHE", tmp.resolve("gocache").toString(), "GOENV", "off", "GOFLAGS", "-modcacherw",
                "GOPATH", tmp.resolve("gopath").toString(),
                "JGVM_GOTOOLCHAIN", "local", "PATH", home.resolve("shims") + ":/usr/bin:/bin"), false);

        assertEquals(0, real.exitCode(), real.toString());
        assertEquals(0, newer.exitCode(), newer.toString());
        assertEquals("go version go1.99.0 " + goos + "/" + goarch + "\n", switched);
        assertTrue(local.contains("go.mod requires go >= 1.99.0 (running go " + realVersion.substring(2)), local);
    }

    private static String run(List<String> cmd, Path cwd, Map<String, String> env, boolean mustSucceed) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        // No HOME and no XDG_CONFIG_HOME: Go then has no configuration directory, so it reads no 'go env -w' file and
        // its telemetry writes nothing (it would, after the test, into a temp directory being deleted).
        pb.environment().keySet().removeIf(k -> k.startsWith("JGVM_") || k.startsWith("GO") || k.equals("HOME") || k.equals("XDG_CONFIG_HOME"));
        pb.environment().put("PWD", cwd.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), String.join(" ", cmd));
        if (mustSucceed) assertEquals(0, p.exitValue(), cmd + "\n" + out);
        return out;
    }
}
