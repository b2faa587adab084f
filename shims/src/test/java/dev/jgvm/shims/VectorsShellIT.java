package dev.jgvm.shims;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.fixtures.ConformanceVectors;
import dev.jgvm.fixtures.ConformanceVectors.Case;
import dev.jgvm.fixtures.ConformanceVectors.Sandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sh resolver, the real shims, the shims' fast path alone and the launcher's JVM-free {@code jgvm current} against
 * every conformance vector, under each shell users' /bin/sh may be. The same vectors run against the Java resolver in core.
 */
class VectorsShellIT {
    @TempDir static Path tmp;
    static Path resolver;
    static List<Path> boxes = new ArrayList<>();

    @BeforeAll
    static void layOutEveryCase() throws IOException {
        resolver = Files.writeString(tmp.resolve("resolve.sh"), ShimWriter.resolver(), StandardCharsets.UTF_8);
        for (Case c : ConformanceVectors.all()) {
            Path root = Files.createDirectories(tmp.resolve("cases").resolve(c.name()));
            Sandbox box = ConformanceVectors.materialize(c, root);
            Files.copy(c.dir().resolve("env"), root.resolve("env"));
            Files.copy(c.dir().resolve("expect"), root.resolve("expect"));
            InstallStore store = new InstallStore(box.home(), Duration.ofSeconds(5));
            new AliasWriter().write(store);
            new ShimWriter().write(store, Settings.defaults());
            Path probe = Files.writeString(Files.createDirectories(box.home().resolve("probe")).resolve("go"),
                    new ShimWriter().fastPathProbe("go", box.home(), Settings.defaults()), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rwxr-xr-x"));
            new LauncherWriter().write(tmp.resolve("no-lib"), box.home(), box.home().resolve("bin/jgvm"));
            boxes.add(root);
        }
        assertTrue(boxes.size() >= 60, "at least 60 cases");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void everyVectorPassesUnder(String shell) throws Exception {
        // Each case has its own home, so each gets its own shims and launcher: the runner is told where by the case.
        List<String> cmd = new ArrayList<>(List.of(shell.split(" ")));
        cmd.add(Path.of("src/test/sh/vectors.sh").toAbsolutePath().toString());
        cmd.add(resolver.toString());
        cmd.add("@home/shims");
        cmd.add("@home/bin/jgvm");
        cmd.add("@home/probe/go");
        for (Path b : boxes) cmd.add(b.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("JGVM_HOME");
        pb.environment().remove("JGVM_GO_VERSION");
        pb.environment().put("SHELL_UNDER_TEST", shell);

        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));

        assertEquals(boxes.size() + " passed, 0 failed", out.strip().lines().reduce((a, b) -> b).orElse(""), out);
        assertEquals(0, p.exitValue(), out);
    }
}
