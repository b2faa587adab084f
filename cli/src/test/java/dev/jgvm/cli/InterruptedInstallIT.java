package dev.jgvm.cli;

import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.FixtureDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An install killed with SIGKILL in the middle of extraction leaves no version, and the next install works. */
class InterruptedInstallIT {
    @TempDir Path tmp;

    @Test
    void aKilledInstallLeavesNothingHalfWrittenAndTheNextOneSucceeds() throws Exception {
        Path home = tmp.resolve("jgvm");
        Path archive = FixtureDistribution.of("1.22.5").withPadding(20_000).writeTarGz(Files.createDirectories(tmp.resolve("dl")));
        String sha = FixtureDistribution.sha256(archive);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "install", "--from", archive.toString(), "--sha256", sha);
        pb.environment().put("JGVM_HOME", home.toString());
        pb.environment().put("JGVM_PLATFORM", "linux/amd64");
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile());

        Process child = pb.start();
        Path midway = awaitStagedFile(home, "src/pad/p02000/f.go", child);
        child.destroyForcibly();   // SIGKILL on Unix: no shutdown hooks, no finally blocks
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));

        assertTrue(Files.exists(midway), "the kill really happened during extraction");
        assertFalse(Files.exists(home.resolve("versions/1.22.5")), "no half-written version is visible");
        assertFalse(Files.exists(home.resolve("meta/1.22.5.json")));

        CliResult next = Cli.inProcess(Env.of("JGVM_HOME", home, "JGVM_PLATFORM", "linux/amd64").withCwd(tmp))
                .run("install", "--from", archive.toString(), "--sha256", sha);

        assertEquals(0, next.exitCode(), next.toString());
        assertTrue(Files.isExecutable(home.resolve("versions/1.22.5/bin/go")));
        assertTrue(Files.isRegularFile(home.resolve("versions/1.22.5/src/pad/p19999/f.go")), "the new install is complete");
        try (Stream<Path> left = Files.list(home.resolve("tmp"))) {
            assertEquals(List.of(), left.toList(), "the dead install's staging directory was swept");
        }
    }

    @Test
    void ctrlCDuringAnInstallRemovesItsStagingDirectoryAndExits130() throws Exception {
        Path home = tmp.resolve("jgvm");
        Path archive = FixtureDistribution.of("1.22.5").withPadding(20_000).writeTarGz(Files.createDirectories(tmp.resolve("dl")));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "install", "--from", archive.toString(), "--sha256", FixtureDistribution.sha256(archive));
        pb.environment().put("JGVM_HOME", home.toString());
        pb.environment().put("JGVM_PLATFORM", "linux/amd64");
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile());

        Process child = pb.start();
        Path midway = awaitStagedFile(home, "src/pad/p02000/f.go", child);
        // SIGINT, as Ctrl-C sends it (to jgvm alone here).
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor());
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "jgvm ended after SIGINT");

        assertEquals(130, child.exitValue(), Files.readString(tmp.resolve("child.log")));
        assertFalse(Files.exists(midway), "the staged file is gone");
        assertFalse(Files.exists(home.resolve("versions/1.22.5")));
        try (Stream<Path> left = Files.list(home.resolve("tmp"))) {
            assertEquals(List.of(), left.toList(), "no staging directory, lock or trash is left");
        }
    }

    private static Path awaitStagedFile(Path home, String rel, Process child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) throw new AssertionError("the install ended before it could be killed, exit " + child.exitValue());
            Path tmpDir = home.resolve("tmp");
            if (Files.isDirectory(tmpDir)) {
                try (Stream<Path> s = Files.list(tmpDir)) {
                    for (Path p : s.filter(Files::isDirectory).toList()) {
                        if (Files.exists(p.resolve(rel))) return p.resolve(rel);
                    }
                }
            }
            Thread.sleep(2);
        }
        throw new AssertionError("extraction never reached " + rel);
    }
}
