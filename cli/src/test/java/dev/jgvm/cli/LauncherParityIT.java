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

    /**
     * The warning of current and use when Go 1.21+ would not run the selection here (Selected.warnIfOlderThanGoMod and
     * toolchain.sh's _jgvm_gomod_warn): go.mod newer, equal, older, a go.work, a toolchain line, no go.mod, path mode,
     * and a switch target jgvm has installed. Each: files under tree/ (the working directory is tree/a/b), extra variables.
     */
    private static final Map<String, List<String>> GO_MOD = new LinkedHashMap<>();
    static {
        GO_MOD.put("gomod-newer", List.of("a/b/go.mod=module m\n\ngo 1.24.0\n",
                "?needs go 1.24.0 or newer, but the selected go 1.22.5 is older; with GOTOOLCHAIN=auto Go downloads go1.24.0 itself"));
        GO_MOD.put("gomod-newer-language-version", List.of("a/go.mod=module m\r\n\r\ngo 1.24 // comment\r\n", "?needs go 1.24 or newer, but the selected go 1.22.5 is older; with GOTOOLCHAIN=auto Go downloads go1.24.0 itself"));
        GO_MOD.put("gomod-equal", List.of("a/b/go.mod=module m\n\ngo 1.22.5\n", "?"));
        GO_MOD.put("gomod-older", List.of("a/b/go.mod=module m\n\ngo 1.19\n", "?"));
        GO_MOD.put("gowork-newer-than-gomod", List.of("go.work=go 1.23.0\n\nuse ./a/b\n", "a/b/go.mod=module m\n\ngo 1.21.0\n", "?go.work needs go 1.23.0 or newer"));
        GO_MOD.put("gowork-off", List.of("go.work=go 1.23.0\n", "a/b/go.mod=module m\n\ngo 1.21.0\n", "@GOWORK=off", "?"));
        GO_MOD.put("gomod-toolchain-line-newer", List.of("a/b/go.mod=module m\n\ngo 1.21.0\n\ntoolchain go1.23.4\n", "a/b/.go-version=1.22\n",
                "?asks for toolchain go1.23.4, newer than the selected go 1.22.5; with GOTOOLCHAIN=auto Go downloads go1.23.4 itself"));
        GO_MOD.put("gomod-toolchain-line-custom", List.of("a/b/go.mod=module m\n\ngo 1.21.0\n\ntoolchain go1.23.4-corp+x\n", "a/b/.go-version=1.22.5\n", "?asks for toolchain go1.23.4-corp+x, newer than the selected go 1.22.5"));
        GO_MOD.put("gomod-toolchain-default", List.of("a/b/go.mod=module m\n\ngo 1.21.0\n\ntoolchain default\n", "?"));
        GO_MOD.put("gomod-missing", List.of("a/b/README=no module here\n", "?"));
        GO_MOD.put("gomod-newer-path-mode", List.of("a/b/go.mod=module m\n\ngo 1.24.0\n", "@JGVM_GOTOOLCHAIN=path", "?with GOTOOLCHAIN=path Go's switch needs jgvm's go1.24.0, which is not installed"));
        GO_MOD.put("gomod-newer-target-installed", List.of("a/b/go.mod=module m\n\ngo 1.22.5\n", "@JGVM_GO_VERSION=1.21.13", "?the selected go 1.21.13 is older; Go switches to jgvm's go1.22.5 for it\nhint: run 'jgvm use 1.22' to select it here"));
    }

    @TestFactory
    Stream<DynamicTest> bothPathsWarnAlikeWhenGoModAsksForANewerGo() {
        return GO_MOD.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Path root = Files.createDirectories(tmp.resolve(e.getKey()));
            Path tree = Files.createDirectories(root.resolve("box/tree"));
            Path home = Files.createDirectories(root.resolve("box/home"));
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put("JGVM_HOME", home.toString());
            vars.put("HOME", root.resolve("box").toString());
            String expected = null;
            for (String spec : e.getValue()) {
                int eq = spec.indexOf('=');
                if (spec.startsWith("?")) {
                    expected = spec.substring(1);
                } else if (spec.startsWith("@")) {
                    vars.put(spec.substring(1, eq), spec.substring(eq + 1));
                } else {
                    Path f = tree.resolve(spec.substring(0, eq));
                    Files.createDirectories(f.getParent());
                    Files.writeString(f, spec.substring(eq + 1));
                }
            }
            List<String> installed = List.of("1.20", "1.20.14", "1.21.13", "1.22.1", "1.22.5", "1.23rc1");
            for (String v : installed) {
                Path go = Files.createDirectories(home.resolve("versions").resolve(v).resolve("bin")).resolve("go");
                Files.writeString(go, "#!/bin/sh\necho go" + v + "\n");
                Files.setPosixFilePermissions(go, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Files.writeString(home.resolve("version"), "1.22.5\n");
            Path cwd = Files.createDirectories(tree.resolve("a/b"));
            check(e.getKey(), new Sandbox(null, root.resolve("box"), home, cwd, vars, installed), root);
            CliResult current = Cli.inProcess(Env.of(vars.entrySet().stream().flatMap(v -> Stream.of(v.getKey(), v.getValue())).toArray())
                    .with("PATH", "/usr/bin:/bin").withCwd(cwd)).run("current");
            if (expected.isEmpty()) assertFalse(current.err().contains("warn:"), current.toString());
            else assertTrue(current.err().contains(expected) && current.err().contains("\nhint: run 'jgvm "), current.toString());
        }));
    }

    /**
     * which of a tool the selected version lacks: both paths say whether another installed version has it (so 'jgvm
     * use' can help) or none does (a misspelt name), with the same words and exit code.
     */
    @TestFactory
    Stream<DynamicTest> whichOfAMissingToolSaysWhetherAnyInstalledVersionHasIt() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("newtool", "hint: 'newtool' comes with other Go versions; pick one with 'jgvm use <version>'\n");
        cases.put("nosuch", "hint: no installed Go version has a command 'nosuch'; check the name\n");
        return cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Path root = Files.createDirectories(tmp.resolve("which-" + e.getKey()));
            Path home = Files.createDirectories(root.resolve("box/home"));
            Path cwd = Files.createDirectories(root.resolve("box/tree"));
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put("JGVM_HOME", home.toString());
            vars.put("HOME", root.resolve("box").toString());
            for (String tool : List.of("1.22.5/bin/go", "1.24.0/bin/go", "1.24.0/bin/newtool")) {
                Path f = Files.createDirectories(home.resolve("versions").resolve(tool).getParent()).resolve(Path.of(tool).getFileName());
                Files.writeString(f, "#!/bin/sh\n");
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Files.writeString(home.resolve("version"), "1.22.5\n");
            check("which-" + e.getKey(), new Sandbox(null, root.resolve("box"), home, cwd, vars, List.of("1.22.5", "1.24.0")), root,
                    List.of(List.of("which", e.getKey())));
            CliResult java = Cli.inProcess(Env.of("JGVM_HOME", home.toString(), "HOME", root.resolve("box").toString(), "PATH", "/usr/bin:/bin")
                    .withCwd(cwd)).run("which", e.getKey());
            assertEquals(1, java.exitCode(), java.toString());
            assertTrue(java.err().endsWith(e.getValue()), java.toString());
        }));
    }

    /**
     * which of a version command (go1.24.0, as 'go1.24.0 version' runs it from any directory) is that version's go,
     * whichever version this directory selects; one that is not installed is a command no version has.
     */
    @TestFactory
    Stream<DynamicTest> whichOfAVersionCommandIsThatVersionsGo() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("go1.24.0", "1.24.0/bin/go");
        cases.put("go1.22.5", "1.22.5/bin/go");
        cases.put("go1.23.0", null);
        cases.put("go1.24.0.0", null);
        return cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Path root = Files.createDirectories(tmp.resolve("version-command-" + e.getKey()));
            Path home = Files.createDirectories(root.resolve("box/home"));
            Path cwd = Files.createDirectories(root.resolve("box/tree"));
            Files.writeString(cwd.resolve(".go-version"), "1.22.5\n");
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put("JGVM_HOME", home.toString());
            vars.put("HOME", root.resolve("box").toString());
            for (String v : List.of("1.22.5", "1.24.0")) {
                Path f = Files.createDirectories(home.resolve("versions").resolve(v).resolve("bin")).resolve("go");
                Files.writeString(f, "#!/bin/sh\n");
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            check("version-command-" + e.getKey(), new Sandbox(null, root.resolve("box"), home, cwd, vars, List.of("1.22.5", "1.24.0")), root,
                    List.of(List.of("which", e.getKey())));
            CliResult java = Cli.inProcess(Env.of("JGVM_HOME", home.toString(), "HOME", root.resolve("box").toString(), "PATH", "/usr/bin:/bin")
                    .withCwd(cwd)).run("which", e.getKey());
            if (e.getValue() == null) {
                assertEquals(1, java.exitCode(), java.toString());
                assertEquals("", java.out());
            } else {
                assertEquals(0, java.exitCode(), java.toString());
                assertEquals(home.resolve("versions").resolve(e.getValue()) + "\n", java.out());
                assertEquals("", java.err());
            }
        }));
    }

    /**
     * Text Java escapes before it reaches a terminal (a control character in the working directory's name, in a version
     * file, C0 and C1 alike; README, "Hostile text") is never printed raw by the sh path: it leaves such a command to Java.
     */
    @TestFactory
    Stream<DynamicTest> controlCharactersArePrintedOnlyEscapedByJava() {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("esc-in-directory-name", List.of("a\u001b]0;pwned\u0007b", "1.22.5\n"));
        cases.put("c1-csi-in-directory-name", List.of("a\u009b2Jb", "1.22.5\n"));
        cases.put("esc-in-version-file", List.of("plain", "1.22\u001b[2J\n"));
        cases.put("newline-in-directory-name", List.of("a\nb", "1.22.5\n"));
        return cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Path root = Files.createDirectories(tmp.resolve(e.getKey()));
            Path home = Files.createDirectories(root.resolve("home"));
            Path cwd = Files.createDirectories(root.resolve("tree").resolve(e.getValue().get(0)));
            Files.writeString(cwd.resolve(".go-version"), e.getValue().get(1));
            Path go = Files.createDirectories(home.resolve("versions/1.22.5/bin")).resolve("go");
            Files.writeString(go, "#!/bin/sh\n");
            Files.setPosixFilePermissions(go, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(home.resolve("version"), "1.22.5\n");
            InstallStore store = new InstallStore(home, Duration.ofSeconds(5));
            new AliasWriter().write(store);
            new ShimWriter().write(store, Settings.defaults());
            Path launcher = home.resolve("bin/jgvm");
            new LauncherWriter().write(tmp.resolve("no-lib"), home, launcher);
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put("JGVM_HOME", home.toString());
            vars.put("HOME", root.toString());
            vars.put("PATH", "/usr/bin:/bin");
            vars.put("JAVA_HOME", standInJdk(root).toString());
            vars.put("JGVM_NO_TRAIN", "1");
            Sandbox box = new Sandbox(null, root, home, cwd, vars, List.of("1.22.5"));
            Env env = Env.of(vars.entrySet().stream().flatMap(v -> Stream.of(v.getKey(), v.getValue())).toArray()).withCwd(cwd);
            for (List<String> args : List.of(List.of("current"), List.of("which"), List.of("list"), List.of("env"), List.of("use", "1.22.5"))) {
                Files.writeString(cwd.resolve(".go-version"), e.getValue().get(1));   // as Java's use left it
                CliResult java = Cli.inProcess(env).run(args.toArray(String[]::new));
                assertFalse((java.out() + java.err()).matches("(?s).*[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f].*"),
                        "Java printed a raw control character for jgvm " + args + ": " + java);
                for (String shell : List.of("dash", "busybox sh")) {
                    Files.writeString(cwd.resolve(".go-version"), e.getValue().get(1));
                    CliResult sh = viaLauncher(shell, launcher, box, vars, args);
                    assertEquals(JAVA_RAN, sh.err(), e.getKey() + " [" + shell + "]: jgvm " + String.join(" ", args)
                            + " must be left to Java, but sh answered " + sh);
                    assertEquals("", sh.out());
                }
            }
        }));
    }

    private void check(Case c) throws Exception {
        Path root = Files.createDirectories(tmp.resolve(c.name()));
        check(c.name(), ConformanceVectors.materialize(c, Files.createDirectories(root.resolve("box"))), root);
    }

    private void check(String name, Sandbox box, Path root) throws Exception {
        List<List<String>> all = new ArrayList<>(ANSWERED);
        // use writes .go-version where it runs: never outside the sandbox (the root-directory vector runs in /, and a
        // /.go-version, even for a moment, is every other process's selection on this machine).
        if (box.cwd().startsWith(root)) all.addAll(USE);
        check(name, box, root, all);
    }

    private void check(String name, Sandbox box, Path root, List<List<String>> all) throws Exception {
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

        for (List<String> args : all) {
            Map<Path, String> before = snapshot(written);
            CliResult java = Cli.inProcess(env).run(args.toArray(String[]::new));
            Map<Path, String> javaFiles = snapshot(written);
            for (String shell : List.of("dash", "busybox sh")) {
                restore(before);
                CliResult sh = viaLauncher(shell, launcher, box, vars, args);
                String what = name + " [" + shell + "]: jgvm " + String.join(" ", args);
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
