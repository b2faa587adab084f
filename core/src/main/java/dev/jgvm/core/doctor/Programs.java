package dev.jgvm.core.doctor;

import dev.jgvm.core.env.Env;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs a program the way the user's shell would (their variables, their working directory), bounded in time. */
final class Programs {
    private Programs() {}

    /** What a program printed (stdout and stderr together) and its exit status. */
    record Result(int exit, String output) {}

    /** Runs {@code cmd}; empty when it cannot start or does not finish within {@code timeout}. */
    static Optional<Result> run(Env env, Duration timeout, List<String> cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(env.cwd().toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env.vars());
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Path out = null;
        try {
            // A file, not a pipe: a program that hangs with its output open cannot block the read.
            out = Files.createTempFile("jgvm-doctor", ".out");
            pb.redirectOutput(out.toFile());
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(out)) {
                bytes = in.readNBytes(64 * 1024);
            }
            return Optional.of(new Result(p.exitValue(), new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /** The {@code goX.Y.Z} a {@code go} binary reports with {@code go version}, if it answers. */
    static Optional<String> goVersion(Env env, Path go) {
        // Keep Go from switching toolchains (or downloading one) just to say its own version, and let it find its own
        // root: a stale GOROOT (the goroot check's business) makes every go fail, even one that is fine.
        Env quiet = env.with("GOTOOLCHAIN", "local").with("GOROOT", null);
        return run(quiet, Duration.ofSeconds(10), List.of(go.toString(), "version")).filter(r -> r.exit() == 0).flatMap(r -> {
            for (String w : r.output().strip().split("\\s+")) if (w.startsWith("go1") || w.startsWith("devel")) return Optional.of(w);
            return Optional.empty();
        });
    }
}
