package dev.jgvm.core.doctor;

import dev.jgvm.core.env.Env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code jdk}: the JDK the launcher started, and whether its start-up cache (AppCDS on 17-23, the AOT cache on 24+,
 * in {@code JGVM_HOME/lib/cache/}, named as {@code launcher.sh} names it) is trained for it.
 */
public final class JdkCheck implements Check {
    @Override public List<Finding> examine(Situation s) {
        Situation.Jdk jdk = s.jdk();
        String shown = "Java %s at '%s'".formatted(jdk.version(), jdk.home());
        Path launcher = launcher(s.env(), s.store().home());
        if (!Files.isRegularFile(launcher)) {
            return List.of(Finding.warn("jdk", shown + "; jgvm's launcher '%s' is not installed, so there is no start-up cache".formatted(launcher),
                    "run './install.sh' from a jgvm checkout"));
        }
        List<Path> caches = cacheFiles(s.store().home(), jdk);
        List<Path> missing = caches.stream().filter(c -> !Files.isRegularFile(c)).toList();
        if (missing.isEmpty()) return List.of(Finding.ok("jdk", shown + "; start-up cache trained ('%s')".formatted(caches.get(0))));
        for (Path c : missing) {
            Optional<String> failure = failure(c);
            if (failure.isEmpty()) continue;
            String why = failure.get();
            String fix = why.contains("base CDS archive")
                    ? "recreate the JDK's own CDS archive with '%s -Xshare:dump' (as the JDK's owner), then run 'jgvm doctor --fix'"
                            .formatted(jdk.home().resolve("bin/java"))
                    : "run 'jgvm doctor --fix' to train it again in the foreground";
            return List.of(Finding.warn("jdk", shown + "; its start-up cache '%s' could not be trained: %s; every jgvm command starts slower"
                    .formatted(c, why), fix).repairedBy(Repair.RETRAIN));
        }
        return List.of(Finding.warn("jdk", shown + "; its start-up cache '%s' is not trained yet, so every jgvm command starts slower".formatted(missing.get(0)),
                "run 'jgvm doctor --fix' (or 'JGVM_TRAIN=1 jgvm')").repairedBy(Repair.RETRAIN));
    }

    /**
     * The last line a failed background training printed: the launcher keeps it as {@code <cache>.lock/failed} and
     * tries again an hour later.
     */
    private static Optional<String> failure(Path cache) {
        try {
            List<String> lines = new String(Files.readAllBytes(cache.resolveSibling(cache.getFileName() + ".lock/failed")),
                    StandardCharsets.UTF_8).lines().toList();
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i).strip();
                if (!line.isEmpty()) return Optional.of(line.length() > 200 ? line.substring(0, 200) + "..." : line);
            }
            return Optional.of("it printed nothing");
        } catch (IOException e) {
            return Optional.empty();   // no failed training (or none readable): just not trained yet
        }
    }

    /** The launcher, {@code JGVM_HOME/bin/jgvm}. */
    static Path launcher(Env env, Path home) { return home.resolve("bin/jgvm"); }

    /** Trains the cache by running the launcher's training mode in the foreground; true when it succeeded. */
    public static boolean retrain(Env env, Path home) {
        Path launcher = launcher(env, home);
        if (!Files.isExecutable(launcher)) return false;
        return Programs.run(env.with("JGVM_TRAIN", "1").with("JGVM_HOME", home.toString()), Duration.ofMinutes(5), List.of(launcher.toString()))
                .filter(r -> r.exit() == 0).isPresent();
    }

    /**
     * The cache files {@code launcher.sh} uses for a JDK: {@code lib/cache/<key>.jsa} for the everyday commands and
     * {@code <key>.all.jsa} for the others, or from 24 on {@code <key>.aot} and {@code <key>.all.aot}; the key being
     * the JDK's version ({@link #releaseVersion}) and home with every byte (of its UTF-8) outside {@code [A-Za-z0-9.+-]}
     * made {@code _}.
     */
    static List<Path> cacheFiles(Path home, Situation.Jdk jdk) {
        String version = releaseVersion(jdk.home()).orElse(jdk.version());
        String key = version + "-" + jdk.home();
        StringBuilder safe = new StringBuilder();
        // Byte by byte, as the launcher's loop runs (LC_ALL=C): a non-ASCII character is one '_' per byte of its UTF-8.
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) b;
            safe.append(b >= 0 && (Character.isLetterOrDigit(c) || c == '.' || c == '+' || c == '-') ? c : '_');
        }
        Path dir = home.resolve("lib/cache");
        String ext = jdk.feature() < 24 ? ".jsa" : ".aot";
        return List.of(dir.resolve(safe + ext), dir.resolve(safe + ".all" + ext));
    }

    /**
     * The release file's version as the launcher reads it for the key: JAVA_RUNTIME_VERSION (the build, e.g.
     * {@code 25.0.1+9-LTS}) when it comes before JAVA_VERSION, as in release files, which list keys in order; else
     * JAVA_VERSION.
     */
    private static Optional<String> releaseVersion(Path jdkHome) {
        try {
            String runtime = null;
            for (String line : Files.readAllLines(jdkHome.resolve("release"))) {
                if (line.startsWith("JAVA_RUNTIME_VERSION=")) runtime = line.substring(21).replace("\"", "");
                if (line.startsWith("JAVA_VERSION=")) {
                    return Optional.of(runtime != null && !runtime.isEmpty() ? runtime : line.substring(13).replace("\"", ""));
                }
            }
        } catch (IOException e) {
            // no release file: the launcher falls back to 'java -version', as this does to the runtime's version
        }
        return Optional.empty();
    }
}
