package dev.jgvm.cli;

import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
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
 * A real Go toolchain end to end: Debian's golang-1.19-go (installed by .ci/run) repackaged into the official
 * layout, installed with {@code install --from}, then used through the shim to build and run a program in a project
 * pinned with {@code .go-version}.
 */
class RealGoIT {
    private static final Path DEBIAN_GO = Path.of("/usr/lib/go-1.19");
    @TempDir Path tmp;

    @Test
    void buildsAProgramWithARealGoThroughTheShim() throws Exception {
        assertTrue(Files.isExecutable(DEBIAN_GO.resolve("bin/go")),
                "this test needs Debian's golang-1.19-go (bash .ci/run installs it: apt-get install golang-1.19-go)");
        String version = Files.readAllLines(DEBIAN_GO.resolve("VERSION")).get(0).strip(); // go1.19.8
        Path archive = tmp.resolve(version + ".linux-amd64.tar.gz");
        // The official layout: one top-level go/ with real files (Debian's tree links into /usr/share).
        sh("tar -chf - -C /usr/lib --exclude=go-1.19/test --exclude=go-1.19/misc --transform 's,^go-1.19,go,' go-1.19 | gzip -1 > '"
                + archive + "'", tmp, Map.of());
        Path home = tmp.resolve("jgvm");
        Path project = Files.createDirectories(tmp.resolve("hello"));

        CliResult installed = Cli.inProcess(Env.of("JGVM_HOME", home, "JGVM_PLATFORM", "linux/amd64").withCwd(tmp))
                .run("install", "--from", archive.toString(), "--sha256", FixtureDistribution.sha256(archive));
        Files.writeString(project.resolve(".go-version"), version + "\n");
        Files.writeString(project.resolve("go.mod"), "module example.com/hello\n\ngo 1.19\n");
        Files.writeString(project.resolve("main.go"), """
                package main

                import (
                	"fmt"
                	"runtime"
                )

                func main() { fmt.Println("hello from", runtime.Version()) }
                """);
        Map<String, String> env = Map.of("GOCACHE", tmp.resolve("gocache").toString(), "GOPATH", tmp.resolve("gopath").toString(),
                "GOFLAGS", "-mod=mod", "GOPROXY", "off", "PATH", home.resolve("shims") + ":/usr/bin:/bin");
        String goVersion = sh("go version", project, env);
        sh("go build -o hello .", project, env);
        String ran = sh("./hello", project, env);

        assertEquals(0, installed.exitCode(), installed.toString());
        assertEquals("go version " + version + " linux/amd64\n", goVersion);
        assertEquals("hello from " + version + "\n", ran);
    }

    @Test
    void installsARealGoFromADirectoryMirror() throws Exception {
        assertTrue(Files.isExecutable(DEBIAN_GO.resolve("bin/go")), "this test needs Debian's golang-1.19-go (bash .ci/run installs it)");
        String version = Files.readAllLines(DEBIAN_GO.resolve("VERSION")).get(0).strip();
        Path mirror = Files.createDirectories(tmp.resolve("mirror"));
        Path archive = mirror.resolve(version + ".linux-amd64.tar.gz");
        sh("tar -chf - -C /usr/lib --exclude=go-1.19/test --exclude=go-1.19/misc --exclude=go-1.19/src --transform 's,^go-1.19,go,' go-1.19 | gzip -1 > '"
                + archive + "'", tmp, Map.of());
        Files.writeString(mirror.resolve(archive.getFileName() + ".sha256"), FixtureDistribution.sha256(archive));
        Path home = tmp.resolve("jgvm");
        Env env = Env.of("JGVM_HOME", home, "JGVM_PLATFORM", "linux/amd64", "JGVM_MIRRORS", "dl+" + mirror.toUri(),
                "JGVM_ORIGINS", "https://127.0.0.1:9/", "JGVM_CONNECT_TIMEOUT", "1s", "JGVM_RETRIES", "0").withCwd(tmp);

        CliResult refused = Cli.inProcess(env).run("install", version.substring(2));
        CliResult installed = Cli.inProcess(env).run("install", "--allow-mirror-checksums", "1.19");
        String goVersion = sh("go version", tmp, Map.of("PATH", home.resolve("shims") + ":/usr/bin:/bin", "JGVM_HOME", home.toString()));

        assertEquals(4, refused.exitCode(), "a mirror's own digest is not enough by default: " + refused);
        assertEquals(0, installed.exitCode(), installed.toString());
        assertEquals(home.resolve("versions").resolve(version.substring(2)) + "\n", installed.out());
        assertEquals("go version " + version + " linux/amd64\n", goVersion);
    }

    private static String sh(String script, Path cwd, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of("dash", "-c", script)).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("JGVM_") || k.startsWith("GO"));
        pb.environment().put("PWD", cwd.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), script);
        assertEquals(0, p.exitValue(), script + "\n" + out);
        return out;
    }
}
