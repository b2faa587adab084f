package dev.jgvm.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** install.sh from a release tarball (the jars this build made) and the launcher it writes. */
class InstallScriptIT {
    @TempDir Path tmp;
    Path home;
    Path userHome;
    Path release;

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void packARelease() throws Exception {
        home = tmp.resolve("jgvm");
        userHome = Files.createDirectories(tmp.resolve("user"));
        Path lib = BuiltJars.copyTo(tmp.resolve("release/lib"));
        release = tmp.resolve("jgvm-release.tar.gz");
        assertEquals(0, run(List.of("tar", "-czf", release.toString(), "-C", tmp.resolve("release").toString(), "lib"), Map.of()).exit());
    }

    private Run run(List<String> cmd, Map<String, String> env) throws Exception { return run(tmp, cmd, env); }

    private Run run(Path cwd, List<String> cmd, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("JGVM_"));
        pb.environment().put("HOME", userHome.toString());
        pb.environment().putAll(env);
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] err = p.getErrorStream().readAllBytes();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private Run install(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", Path.of("../install.sh").toAbsolutePath().normalize().toString(), "--release", release.toString()));
        cmd.addAll(List.of(args));
        return run(cmd, Map.of("JGVM_HOME", home.toString()));
    }

    @Test
    void installsTheLauncherTrainsTheCacheAndIsIdempotent() throws Exception {
        Run first = install();
        Run second = install();
        Run version = run(List.of(home.resolve("bin/jgvm").toString(), "--version"), Map.of());

        assertEquals(0, first.exit(), first.err());
        assertEquals(0, second.exit(), second.err());
        assertTrue(first.err().contains("export PATH=\"" + home.resolve("bin") + ":" + home.resolve("shims") + ":$PATH\""), first.err());
        assertTrue(first.err().contains("info: trained the JVM start-up cache"), first.err());
        assertTrue(Files.isExecutable(home.resolve("bin/jgvm")));
        try (Stream<Path> caches = Files.list(home.resolve("lib/cache"))) {
            assertTrue(caches.anyMatch(p -> p.toString().endsWith(".jsa") || p.toString().endsWith(".aot")), "a cache for this JDK");
        }
        assertEquals(0, version.exit(), version.err());
        assertTrue(version.out().matches("jgvm \\S+\n"), version.out());
        assertFalse(Files.exists(userHome.resolve(".bashrc")), "no rc file touched without --modify-path");
    }

    @Test
    void theUsersJvmOptionsNeitherStopNorMarkTheInstall() throws Exception {
        // Set for the user's own Java programs: an agent that is not there stopped 'java -version', so install.sh said
        // it found no Java 17, and every java it ran printed "Picked up ..." with the whole value.
        List<String> cmd = List.of("sh", Path.of("../install.sh").toAbsolutePath().normalize().toString(), "--release", release.toString());
        Run r = run(cmd, Map.of("JGVM_HOME", home.toString(), "JAVA_TOOL_OPTIONS", "-javaagent:/nowhere/agent.jar -XX:+UseG1GC",
                "JDK_JAVA_OPTIONS", "--add-opens=java.base/java.lang=ALL-UNNAMED"));

        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains("Picked up"), r.err());
        assertTrue(r.err().contains("info: trained the JVM start-up cache"), r.err());
    }

    @Test
    void modifyPathAddsOneLineOnceAndUninstallTakesItAway() throws Exception {
        Files.writeString(userHome.resolve(".bashrc"), "alias ll='ls -l'\n");
        Files.createDirectories(home.resolve("versions/1.22.5/bin"));

        install("--modify-path");
        install("--modify-path");
        String rc = Files.readString(userHome.resolve(".bashrc"));
        Run uninstall = run(List.of("sh", Path.of("../install.sh").toAbsolutePath().normalize().toString(), "--uninstall"),
                Map.of("JGVM_HOME", home.toString()));

        assertEquals(1, rc.lines().filter(l -> l.contains("# added by jgvm install.sh")).count(), rc);
        assertTrue(rc.startsWith("alias ll='ls -l'\n"));
        assertEquals(0, uninstall.exit(), uninstall.err());
        assertEquals("alias ll='ls -l'\n", Files.readString(userHome.resolve(".bashrc")));
        assertFalse(Files.exists(home.resolve("bin/jgvm")));
        assertFalse(Files.exists(home.resolve("lib")));
        assertTrue(Files.isDirectory(home.resolve("versions/1.22.5")), "installed Go versions are kept");
    }

    private Run script(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", Path.of("../install.sh").toAbsolutePath().normalize().toString()));
        cmd.addAll(List.of(args));
        return run(cmd, env);
    }

    @Test
    void uninstallEmptiesAnRcFileThatHeldOnlyJgvmsLineEvenWithSpacesInHome() throws Exception {
        Path spaced = Files.createDirectories(tmp.resolve("my home"));
        String line = "export PATH=\"" + home + "/bin:" + home + "/shims:$PATH\" # added by jgvm install.sh\n";
        Files.writeString(spaced.resolve(".bashrc"), line);
        Files.writeString(spaced.resolve(".zshrc"), "setopt autocd\n" + line + "alias ll='ls -l'\n");

        Run r = script(Map.of("HOME", spaced.toString(), "JGVM_HOME", home.toString()), "--uninstall");

        assertEquals(0, r.exit(), r.err());
        assertEquals("", Files.readString(spaced.resolve(".bashrc")));
        assertEquals("setopt autocd\nalias ll='ls -l'\n", Files.readString(spaced.resolve(".zshrc")));
        assertTrue(r.err().contains("info: removed the jgvm line from " + spaced.resolve(".bashrc") + "\n"), r.err());
    }

    @Test
    void modifyPathWritesTheRcFileOfAHomeWithSpaces() throws Exception {
        Path spaced = Files.createDirectories(tmp.resolve("my home"));
        Files.writeString(spaced.resolve(".zshrc"), "setopt autocd\n");

        Run r = script(Map.of("HOME", spaced.toString(), "JGVM_HOME", home.toString()), "--release", release.toString(), "--modify-path");

        assertEquals(0, r.exit(), r.err());
        assertEquals("setopt autocd\nexport PATH=\"" + home + "/bin:" + home + "/shims:$PATH\" # added by jgvm install.sh\n",
                Files.readString(spaced.resolve(".zshrc")));
        assertFalse(Files.exists(spaced.resolve(".profile")), "only the rc files that exist");
    }

    @Test
    void withoutHomeItSaysWhatToSet() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", Path.of("../install.sh").toAbsolutePath().normalize().toString(), "--release", release.toString())
                .directory(tmp.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("JGVM_") || k.equals("HOME"));
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(2, p.waitFor());
        assertEquals("error: HOME is not set\n"
                + "hint: set HOME to your home directory (export HOME=/home/you); JGVM_HOME=DIR installs jgvm elsewhere\n", err);
    }

    @Test
    void theLauncherRefusesAJavaOlderThan17AndNamesIt() throws Exception {
        install();
        Path oldJdk = Files.createDirectories(tmp.resolve("jdk-11/bin"));
        Files.writeString(tmp.resolve("jdk-11/release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"11.0.22\"\n");
        Path java = Files.writeString(oldJdk.resolve("java"), "#!/bin/sh\necho 'openjdk version \"11.0.22\"' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        Run r = run(List.of(home.resolve("bin/jgvm").toString(), "rehash"), Map.of("JAVA_HOME", tmp.resolve("jdk-11").toString()));

        assertEquals(1, r.exit());
        assertEquals("error: jgvm needs Java 17 or newer; found Java 11.0.22 at " + java + "\n"
                + "hint: set JAVA_HOME to a JDK 17+, or put one first on PATH\n", r.err());
    }

    @Test
    void theDailyCommandsNeedNoJavaAtAll() throws Exception {
        install();
        Path go = Files.createDirectories(home.resolve("versions/1.22.5/bin")).resolve("go");
        Files.writeString(go, "#!/bin/sh\n");
        run(List.of(home.resolve("bin/jgvm").toString(), "rehash"), Map.of("JGVM_HOME", home.toString()));
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path jdk = standInJdk();
        Map<String, String> noJava = Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", jdk.toString(), "PWD", project.toString());

        Run use = run(project, List.of("/bin/sh", home.resolve("bin/jgvm").toString(), "use", "--global", "1.22"), noJava);
        Run current = run(project, List.of("/bin/sh", home.resolve("bin/jgvm").toString(), "current"), noJava);
        Run which = run(project, List.of("/bin/sh", home.resolve("bin/jgvm").toString(), "which", "go"), noJava);
        Run list = run(project, List.of("/bin/sh", home.resolve("bin/jgvm").toString(), "list"), noJava);
        Run env = run(project, List.of("/bin/sh", home.resolve("bin/jgvm").toString(), "env"), noJava);
        Run version = run(project, List.of("/bin/sh", home.resolve("bin/jgvm").toString(), "--version"), noJava);

        assertEquals("info: go 1.22.5 (1.22) is now the global default\n", use.err());
        assertEquals("1.22.5 (from " + home.resolve("version") + ")\n", current.out(), current.err());
        assertEquals(go + "\n", which.out(), which.err());
        assertEquals("* 1.22.5 (global default)\n", list.out(), list.err());
        assertTrue(env.out().startsWith("export GOROOT='" + home.resolve("versions/1.22.5") + "'\n"), env.err());
        assertTrue(version.out().startsWith("jgvm "), version.err());
    }

    @Test
    void aUseTheLauncherCannotWriteIsLeftToJavaWithNothingWritten() throws Exception {
        install();
        Files.createDirectories(home.resolve("versions/1.22.5/bin"));
        run(List.of(home.resolve("bin/jgvm").toString(), "rehash"), Map.of("JGVM_HOME", home.toString()));
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path jdk = standInJdk();

        // An mv that fails: the sh path cannot rename its temporary file into place.
        Path failing = Files.createDirectories(tmp.resolve("failing-mv"));
        Files.setPosixFilePermissions(Files.writeString(failing.resolve("mv"), "#!/bin/sh\nexit 1\n"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Run use = run(project, List.of("/bin/sh", home.resolve("bin/jgvm").toString(), "use", "1.22.5"),
                Map.of("PATH", failing + ":/usr/bin:/bin", "JAVA_HOME", jdk.toString(), "PWD", project.toString()));

        assertEquals(99, use.exit(), use.err());
        assertEquals("stand-in java started\n", use.err());
        try (Stream<Path> left = Files.list(project)) {
            assertEquals(List.of(), left.toList());
        }
    }

    // A JDK 17 whose java only says it was started.
    private Path standInJdk() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("stand-in-jdk/bin"));
        Files.writeString(bin.resolveSibling("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\necho 'stand-in java started' >&2\nexit 99\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin.getParent();
    }

    @Test
    void unknownOptionsAreRefused() throws Exception {
        Run r = run(List.of("sh", Path.of("../install.sh").toAbsolutePath().normalize().toString(), "--frobnicate"), Map.of());

        assertEquals(2, r.exit());
        assertEquals("error: unknown option '--frobnicate'\nhint: run ./install.sh --help\n", r.err());
    }

    @Test
    void nativeWithAReleaseTarballIsAUsageError() throws Exception {
        Run r = install("--native");

        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: --native builds from this checkout"), r.err());
        assertFalse(Files.exists(home.resolve("lib")), "nothing may be installed");
    }

    @Test
    void nativeBuildsWithTheNativeProfileAndAFailedBuildLeavesTheInstalledJgvmAlone() throws Exception {
        assertEquals(0, install().exit());
        byte[] launcher = Files.readAllBytes(home.resolve("bin/jgvm"));
        // A stand-in Maven that fails as -Pnative does where GraalVM is missing, and records how it was called.
        Path bin = Files.createDirectories(tmp.resolve("stand-in-mvn"));
        Files.setPosixFilePermissions(Files.writeString(bin.resolve("mvn"),
                "#!/bin/sh\necho \"$*\" >\"" + tmp.resolve("mvn-args") + "\"\necho '[ERROR] native-image was not found'\nexit 1\n"),
                PosixFilePermissions.fromString("rwxr-xr-x"));

        Run r = run(List.of("sh", Path.of("../install.sh").toAbsolutePath().normalize().toString(), "--native"),
                Map.of("JGVM_HOME", home.toString(), "PATH", bin + ":" + System.getenv("PATH")));

        assertEquals(1, r.exit(), r.err());
        assertTrue(Files.readString(tmp.resolve("mvn-args")).contains("-Pnative"), "the native profile must be built");
        assertTrue(r.err().contains("[ERROR] native-image was not found"), r.err());
        assertTrue(r.err().contains("error: the Maven build failed"), r.err());
        assertArrayEquals(launcher, Files.readAllBytes(home.resolve("bin/jgvm")));
        assertTrue(Files.isRegularFile(home.resolve("lib/jgvm-cli.jar")), "the installed jars must stay");
        assertFalse(Files.exists(home.resolve("lib/jgvm")));
    }
}
