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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daily commands answered by the launcher's sh path (no JVM; README, "Shell set-up") print exactly what the Java
 * commands print, exit with the same code and leave the same files, on every conformance vector, under dash and
 * busybox sh. The launcher's JDK here is a stand-in that only says it was started, so a command the sh path leaves
 * to Java shows: that is allowed only for a {@code use} that Java cannot answer from what is installed.
 */
class LauncherParityIT {
    private static final String JAVA_RAN = "stand-in java started\n";

    /** Commands the sh path must always answer itself. */
    private static final List<List<String>> ANSWERED = List.of(
            List.of("current"), List.of("current", "-q"), List.of("which"), List.of("which", "gofmt"),
            List.of("--version"), List.of("list"), List.of("ls", "-q", "--no-color"), List.of("-q", "list"),
            List.of("env"), List.of("env", "--shell", "bash"), List.of("env", "--shell=zsh"), List.of("env", "--shell", "fish"),
            List.of("env", "-q", "--shell", "github"));

    /** use: answered by the sh path when the spec names an installed version (or system), else by Java. */
    private static final List<List<String>> USE = List.of(
            List.of("use", "1.22"), List.of("--no-color", "use", "go1.20.0"), List.of("use", "-q", "latest"), List.of("use", "system"),
            List.of("use", "1.23rc1"), List.of("use", "--global", "1.22.5"), List.of("use", "1.20", "-g"),
            List.of("use", "1.23"), List.of("use", "1.022"));

    @TempDir Path tmp;

    @TestFactory
    Stream<DynamicTest> theShPathAndTheJavaPathAgreeOnEveryVector() {
        return ConformanceVectors.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(Case c) throws Exception {
        Path root = Files.createDirectories(tmp.resolve(c.name()));
        Sandbox box = ConformanceVectors.materialize(c, Files.createDirectories(root.resolve("box")));
        InstallStore store = new InstallStore(box.home(), Duration.ofSeconds(5));
        new AliasWriter().write(store);
        new ShimWriter().write(store, Settings.defaults());
        Path launcher = box.home().resolve("bin/jgvm");
        new LauncherWriter().write(tmp.resolve("no-lib"), box.home(), launcher);

        Map<String, String> vars = new LinkedHashMap<>(box.env());
        vars.put("PATH", "/usr/bin:/bin");
        // Java's side of `use` must never reach a network: a mirror that is an empty directory.
        vars.put("JGVM_MIRRORS", "dl+" + Files.createDirectories(root.resolve("no-mirror")).toUri());
        vars.put("JGVM_ORIGINS", "none");
        vars.put("JGVM_PLATFORM", "linux/amd64");
        vars.put("GITHUB_ENV", Files.writeString(root.resolve("github-env"), "").toString());
        vars.put("GITHUB_PATH", Files.writeString(root.resolve("github-path"), "").toString());
        vars.put("JAVA_HOME", standInJdk(root).toString());
        vars.put("JGVM_NO_TRAIN", "1");
        Env env = Env.of(vars.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue())).toArray()).withCwd(box.cwd());
        List<Path> written = List.of(box.cwd().resolve(".go-version"), box.home().resolve("version"), root.resolve("github-env"), root.resolve("github-path"));

        List<List<String>> all = new ArrayList<>(ANSWERED);
        all.addAll(USE);
        for (List<String> args : all) {
            Map<Path, String> before = snapshot(written);
            CliResult java = Cli.inProcess(env).run(args.toArray(String[]::new));
            Map<Path, String> javaFiles = snapshot(written);
            for (String shell : List.of("dash", "busybox sh")) {
                restore(before);
                CliResult sh = viaLauncher(shell, launcher, box, vars, args);
                String what = c.name() + " [" + shell + "]: jgvm " + String.join(" ", args);
                if (sh.err().equals(JAVA_RAN)) {
                    assertTrue(args.contains("use") && java.exitCode() != 0, what + " was left to Java, which answered\n" + java);
                    assertEquals(before, snapshot(written), what + " wrote files before it left the command to Java");
                    continue;
                }
                assertFalse(args.contains("use") && java.exitCode() != 0, what + " was answered by sh, but Java says\n" + java);
                assertEquals(java.out(), sh.out(), what + " stdout");
                assertEquals(java.exitCode(), sh.exitCode(), what + " exit code");
                assertEquals(java.err(), sh.err(), what + " stderr");
                assertEquals(javaFiles, snapshot(written), what + " files written");
            }
            restore(before);
        }
    }

    // A JDK whose java only says it was started: the launcher reads its release file and execs it.
    private static Path standInJdk(Path root) throws IOException {
        Path jdk = Files.createDirectories(root.resolve("jdk/bin"));
        Files.writeString(jdk.resolveSibling("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Path java = Files.writeString(jdk.resolve("java"), "#!/bin/sh\nprintf 'stand-in java started\\n' >&2\nexit 99\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return jdk.getParent();
    }

    // The files a command may write, and their content (null: absent).
    private static Map<Path, String> snapshot(List<Path> files) throws IOException {
        Map<Path, String> m = new LinkedHashMap<>();
        for (Path f : files) m.put(f, Files.isRegularFile(f) ? Files.readString(f) : null);
        return m;
    }

    private static void restore(Map<Path, String> files) throws IOException {
        for (Map.Entry<Path, String> e : files.entrySet()) {
            if (e.getValue() == null) {
                if (Files.isRegularFile(e.getKey())) Files.delete(e.getKey());
            } else {
                Files.writeString(e.getKey(), e.getValue());
            }
        }
    }

    private static CliResult viaLauncher(String shell, Path launcher, Sandbox box, Map<String, String> vars, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(shell.split(" ")));
        cmd.add(launcher.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(box.cwd().toFile());
        pb.environment().clear();
        pb.environment().putAll(vars);
        pb.environment().put("PWD", box.cwd().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new CliResult(p.exitValue(), out, err);
    }
}
