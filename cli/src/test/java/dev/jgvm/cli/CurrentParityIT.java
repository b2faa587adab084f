package dev.jgvm.cli;

import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.config.Settings;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.fixtures.ConformanceVectors;
import dev.jgvm.fixtures.ConformanceVectors.Case;
import dev.jgvm.fixtures.ConformanceVectors.Sandbox;
import dev.jgvm.shims.AliasWriter;
import dev.jgvm.shims.LauncherWriter;
import dev.jgvm.shims.ShimWriter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jgvm current} and {@code jgvm which} answered by the launcher's sh path (no JVM) print exactly what the
 * Java commands print, with the same exit code, on every conformance vector, under dash and busybox sh.
 */
class CurrentParityIT {
    @TempDir Path tmp;

    @TestFactory
    Stream<DynamicTest> theShPathAndTheJavaPathAgreeOnEveryVector() {
        return ConformanceVectors.all().stream().flatMap(c -> Stream.of(
                DynamicTest.dynamicTest(c.name() + " [dash]", () -> check(c, "dash")),
                DynamicTest.dynamicTest(c.name() + " [busybox sh]", () -> check(c, "busybox sh"))));
    }

    private void check(Case c, String shell) throws Exception {
        Sandbox box = ConformanceVectors.materialize(c, Files.createDirectories(tmp.resolve(shell.replace(' ', '-')).resolve(c.name())));
        InstallStore store = new InstallStore(box.home(), Duration.ofSeconds(5));
        new AliasWriter().write(store);
        new ShimWriter().write(store, Settings.defaults());
        Path launcher = box.home().resolve("bin/jgvm");
        new LauncherWriter().write(tmp.resolve("no-lib"), box.home(), launcher);
        Env env = Env.of(box.env().entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue())).toArray())
                .with("PATH", "/usr/bin:/bin").withCwd(box.cwd());

        for (List<String> args : List.of(List.of("current"), List.of("current", "-q"), List.of("which"), List.of("which", "gofmt"))) {
            CliResult java = Cli.inProcess(env).run(args.toArray(String[]::new));
            CliResult sh = viaLauncher(shell, launcher, box, args);

            String what = c.name() + " " + String.join(" ", args);
            assertEquals(java.out(), sh.out(), what + " stdout");
            assertEquals(java.exitCode(), sh.exitCode(), what + " exit code");
            assertEquals(java.err(), sh.err(), what + " stderr");
        }
    }

    private static CliResult viaLauncher(String shell, Path launcher, Sandbox box, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(shell.split(" ")));
        cmd.add(launcher.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(box.cwd().toFile());
        pb.environment().clear();
        pb.environment().putAll(box.env());
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("PWD", box.cwd().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new CliResult(p.exitValue(), out, err);
    }

}
