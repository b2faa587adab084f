package dev.jgvm.cli;

import com.sun.net.httpserver.HttpServer;
import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.FixtureDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An install stopped in the middle of extraction: killed with SIGKILL it leaves no version and the next install
 * works; interrupted with Ctrl-C it removes what it staged and exits 130. The archive comes from a mirror that sends
 * 60% of it and then holds the connection open, so the install is still extracting when the signal comes, however
 * slowly this machine runs it, and can never finish first.
 */
class InterruptedInstallIT {
    @TempDir Path tmp;

    @Test
    void aKilledInstallLeavesNothingHalfWrittenAndTheNextOneSucceeds() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("jgvm"));
        Path archive = FixtureDistribution.of("1.22.5").withPadding(20_000).writeTarGz(Files.createDirectories(tmp.resolve("dl")));
        String sha = FixtureDistribution.sha256(archive);
        try (StallingMirror mirror = new StallingMirror(archive)) {
            Process child = startInstall(home, mirror);
            Path midway = awaitStagedFile(home, "src/pad/p02000/f.go", child, tmp.resolve("child.log"));
            child.destroyForcibly();   // SIGKILL on Unix: no shutdown hooks, no finally blocks
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));

            assertTrue(Files.exists(midway), "the kill really happened during extraction");
            assertFalse(Files.exists(home.resolve("versions/1.22.5")), "no half-written version is visible");
            assertFalse(Files.exists(home.resolve("meta/1.22.5.json")));
        }

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
        Path home = Files.createDirectories(tmp.resolve("jgvm"));
        Path archive = FixtureDistribution.of("1.22.5").withPadding(20_000).writeTarGz(Files.createDirectories(tmp.resolve("dl")));
        try (StallingMirror mirror = new StallingMirror(archive)) {
            Process child = startInstall(home, mirror);
            Path midway = awaitStagedFile(home, "src/pad/p02000/f.go", child, tmp.resolve("child.log"));
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
    }

    /** {@code jgvm install 1.22.5} from the stalling mirror alone (its own digest accepted), as a real process. */
    private Process startInstall(Path home, StallingMirror mirror) throws IOException {
        Files.writeString(home.resolve("config.toml"), """
                [network]
                read_timeout = "180s"

                [[mirror]]
                name = "stalling"
                type = "dl"
                url = "%s"
                """.formatted(mirror.url()));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // env resets SIGINT to a terminal's default: under nohup or a CI runner it may be inherited ignored.
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/env", "--default-signal=INT",
                java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "install", "1.22.5", "--mirror", "stalling", "--allow-mirror-checksums");
        pb.environment().put("JGVM_HOME", home.toString());
        pb.environment().put("JGVM_PLATFORM", "linux/amd64");
        pb.environment().put("JGVM_ORIGINS", "none");
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile());
        return pb.start();
    }

    private static Path awaitStagedFile(Path home, String rel, Process child, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) throw new AssertionError("the install ended before it could be stopped, exit " + child.exitValue() + ":\n" + Files.readString(log));
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

    /** Serves one archive and its digest: the archive's full length announced, 60% of its bytes sent, then nothing until closed. */
    private static final class StallingMirror implements AutoCloseable {
        private final CountDownLatch closed = new CountDownLatch(1);
        private final HttpServer server;

        StallingMirror(Path archive) throws IOException {
            byte[] body = Files.readAllBytes(archive);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", ex -> {
                try (ex) {
                    String path = ex.getRequestURI().getPath();
                    if (path.equals("/" + archive.getFileName() + ".sha256")) {
                        byte[] digest = FixtureDistribution.sha256Of(body).getBytes(StandardCharsets.US_ASCII);
                        ex.sendResponseHeaders(200, digest.length);
                        ex.getResponseBody().write(digest);
                        return;
                    }
                    if (!path.equals("/" + archive.getFileName())) {
                        ex.sendResponseHeaders(404, -1);
                        return;
                    }
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body, 0, body.length * 6 / 10);
                    ex.getResponseBody().flush();
                    closed.await(180, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
        }

        String url() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/"; }

        @Override public void close() {
            closed.countDown();
            server.stop(0);
        }
    }
}
