package dev.jgvm.cli;

import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.FakeGoMirror;
import dev.jgvm.fixtures.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eight {@code go} calls at once in a project whose version is missing (auto_install on): each shim starts a real
 * {@code jgvm install}; they take turns on the version's install lock, so the mirror sends the archive once and all
 * eight run that version.
 */
class ParallelInstallIT {
    private static final String FILE = "go1.22.5.linux-amd64.tar.gz";
    @TempDir Path tmp;

    @Test
    void eightShimsAtOnceInstallTheMissingVersionOnceAndAllRunIt() throws Exception {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start()) {
            Path home = tmp.resolve("jgvm");
            Path project = Files.createDirectories(tmp.resolve("src/api"));
            Map<String, String> env = setUp(m, home);
            Files.writeString(project.resolve(".go-version"), "1.22.5\n");

            List<Process> shims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ProcessBuilder pb = new ProcessBuilder("sh", home.resolve("shims/go").toString(), "version").directory(project.toFile());
                pb.environment().putAll(env);
                pb.environment().put("PWD", project.toString());
                pb.redirectError(tmp.resolve("shim-" + i + ".err").toFile());
                shims.add(pb.start());
            }
            List<String> outs = new ArrayList<>();
            for (int i = 0; i < shims.size(); i++) {
                Process p = shims.get(i);
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(240, TimeUnit.SECONDS));
                assertEquals(0, p.exitValue(), "shim " + i + ": " + Files.readString(tmp.resolve("shim-" + i + ".err")));
                outs.add(out);
            }

            assertEquals(List.of(8), List.of(outs.stream().filter("go version go1.22.5 linux/amd64\n"::equals).toList().size()), outs.toString());
            assertEquals(1, m.gets(FILE), "the archive was downloaded once");
            assertNoLeftovers(home);
        }
    }

    @Test
    void severalInstallsOfTheSameVersionAtOnceDownloadItOnce() throws Exception {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start()) {
            Path home = tmp.resolve("jgvm");
            Map<String, String> env = setUp(m, home);

            List<Process> installs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/jgvm").toString(), "install", "1.22.5").directory(tmp.toFile());
                pb.environment().putAll(env);
                pb.redirectError(tmp.resolve("install-" + i + ".err").toFile());
                installs.add(pb.start());
            }
            for (int i = 0; i < installs.size(); i++) {
                Process p = installs.get(i);
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(240, TimeUnit.SECONDS));
                assertEquals(0, p.exitValue(), "install " + i + ": " + Files.readString(tmp.resolve("install-" + i + ".err")));
                assertEquals(home.resolve("versions/1.22.5") + "\n", out);
            }

            assertEquals(1, m.gets(FILE), "the archive was downloaded once");
            assertNoLeftovers(home);
        }
    }

    // JGVM_HOME with the fake world's config and key, a bin/jgvm that starts this build's CLI, and the shims.
    private Map<String, String> setUp(FakeGoMirror m, Path home) throws Exception {
        Files.createDirectories(home.resolve("keys"));
        Files.writeString(home.resolve("config.toml"), m.configToml());
        Files.copy(m.trustedKey(), home.resolve("keys/mirror-release.asc"), StandardCopyOption.REPLACE_EXISTING);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path launcher = Files.createDirectories(home.resolve("bin")).resolve("jgvm");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path")
                + "' " + Main.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = new java.util.HashMap<>(m.env());
        env.put("JGVM_HOME", home.toString());
        env.put("JGVM_PLATFORM", "linux/amd64");
        env.put("JGVM_LOCK_TIMEOUT", "200");
        env.put("HOME", tmp.toString());
        Env inProcess = Env.of("JGVM_HOME", home, "HOME", tmp).withCwd(tmp);
        for (var e : env.entrySet()) inProcess = inProcess.with(e.getKey(), e.getValue());
        CliResult rehash = Cli.inProcess(inProcess).run("rehash");
        assertEquals(0, rehash.exitCode(), rehash.toString());
        return env;
    }

    private static void assertNoLeftovers(Path home) throws Exception {
        try (Stream<Path> s = Files.list(home.resolve("tmp"))) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("staging-")).toList());
        }
        try (Stream<Path> s = Files.list(home.resolve("cache/downloads"))) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".partial")).toList());
        }
    }
}
