package dev.jgvm.shims;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.store.InstallStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real shims, run by each shell users' /bin/sh may be: what passes through, and how they fail. */
class ShimIT {
    @TempDir Path tmp;
    Path home;
    Path project;

    record Run(int exit, String out, String err, long pid) {}

    @BeforeEach
    void install() throws IOException {
        home = tmp.resolve("home");
        project = Files.createDirectories(tmp.resolve("my project"));
        fakeGo("1.22.5", """
                #!/bin/sh
                case "$1" in
                  pid) echo $$ ;;
                  args) shift; for a in "$@"; do printf '[%s]\\n' "$a"; done ;;
                  stdin) while IFS= read -r l; do echo "got:$l"; done ;;
                  exit) exit "$2" ;;
                  env) printf 'GOROOT=%s\\nPATH=%s\\nGOTOOLCHAIN=%s\\n' "$GOROOT" "$PATH" "${GOTOOLCHAIN-unset}" ;;
                  where) printf 'cwd=%s\\nOLDPWD=%s\\n' "$(pwd -P)" "${OLDPWD-unset}" ;;
                  locale) printf 'LC_ALL=%s\\n' "${LC_ALL-unset}" ;;
                  *) echo "go1.22.5 $*" ;;
                esac
                """);
        Files.writeString(project.resolve(".go-version"), "1.22.5\n");
        rehash(Settings.defaults());
    }

    private void fakeGo(String version, String script) throws IOException {
        Path bin = Files.createDirectories(home.resolve("versions").resolve(version).resolve("bin"));
        Files.setPosixFilePermissions(Files.writeString(bin.resolve("go"), script), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void rehash(Settings settings) {
        InstallStore store = new InstallStore(home, Duration.ofSeconds(5));
        new AliasWriter().write(store);
        new ShimWriter().write(store, settings);
    }

    private Run shim(String shell, Path cwd, Map<String, String> env, String stdin, String... args) throws Exception {
        return command("go", shell, cwd, env, stdin, args);
    }

    private Run command(String name, String shell, Path cwd, Map<String, String> env, String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(shell.split(" ")));
        cmd.add(home.resolve("shims").resolve(name).toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("JGVM_") || k.equals("GOROOT") || k.equals("GOTOOLCHAIN"));
        pb.environment().put("PWD", cwd.toString());
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().putAll(env);
        return run(pb, stdin);
    }

    // Output goes to files, so a shim that never ends (a loop) fails the test instead of hanging it.
    private Run run(ProcessBuilder pb, String stdin) throws Exception {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException exited) {
            // it did not read its stdin
        }
        boolean ended = p.waitFor(30, TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly().waitFor();
        assertTrue(ended, "the shim ended within 30 s; stderr: " + Files.readString(err));
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err), p.pid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void argumentsPassThroughUntouched(String shell) throws Exception {
        Run r = shim(shell, project, Map.of(), "", "args", "two words", "*", "", "$HOME", "-v", "'q'");

        assertEquals("[two words]\n[*]\n[]\n[$HOME]\n[-v]\n['q']\n", r.out(), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void stdinAndExitStatusPassThrough(String shell) throws Exception {
        assertEquals("got:a\ngot:b c\n", shim(shell, project, Map.of(), "a\nb c\n", "stdin").out());
        assertEquals(42, shim(shell, project, Map.of(), "", "exit", "42").exit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void theShimExecsSoSignalsReachGoDirectly(String shell) throws Exception {
        Run r = shim(shell, project, Map.of(), "", "pid");

        assertEquals(r.pid() + "\n", r.out(), "go runs in the shim's own process (exec, not a child)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void goRootIsSetAndItsBinIsFirstOnPath(String shell) throws Exception {
        Run r = shim(shell, project, Map.of(), "", "env");

        Path goroot = home.resolve("versions/1.22.5");
        assertEquals("GOROOT=" + goroot + "\nPATH=" + goroot + "/bin:/usr/bin:/bin\nGOTOOLCHAIN=unset\n", r.out());
    }

    // The fast path walks up with cd (ARCHITECTURE.md, 'Cross-cutting notes'): go must still start where the shim did,
    // with the OLDPWD it was given, or none.
    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void goRunsInTheShimsWorkingDirectoryWithItsOldpwd(String shell) throws Exception {
        Path deep = Files.createDirectories(project.resolve("a/b/c"));
        String physical = deep.toRealPath().toString();

        Run with = shim(shell, deep, Map.of("OLDPWD", tmp.toString()), "", "where");
        assertEquals("cwd=" + physical + "\nOLDPWD=" + tmp + "\n", with.out(), with.err());

        List<String> cmd = new ArrayList<>(List.of(shell.split(" ")));
        cmd.add(home.resolve("shims/go").toString());
        cmd.add("where");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(deep.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("JGVM_") || k.equals("OLDPWD"));
        pb.environment().put("PWD", deep.toString());
        Run without = run(pb, "");
        assertEquals("cwd=" + physical + "\nOLDPWD=unset\n", without.out(), without.err());
    }

    // The fast path goes on past a go.mod (fast.sh): with a toolchain line it runs that version, with a go line only it
    // walks on up to the global default; either way go starts where the shim did, with the OLDPWD and LC_ALL it was given.
    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void aGoModProjectRunsGoInTheShimsWorkingDirectoryWithItsOldpwdAndLocale(String shell) throws Exception {
        fakeGo("1.21.13", "#!/bin/sh\nprintf 'go1.21.13 cwd=%s OLDPWD=%s LC_ALL=%s\\n' \"$(pwd -P)\" \"${OLDPWD-unset}\" \"${LC_ALL-unset}\"\n");
        rehash(Settings.defaults());
        Files.writeString(home.resolve("version"), "1.22.5\n");
        Path pinned = Files.createDirectories(tmp.resolve("mod pinned"));
        Files.writeString(pinned.resolve("go.mod"), "module m\n\ngo 1.21\n\ntoolchain go1.21.13\n");
        Path plain = Files.createDirectories(tmp.resolve("mod plain"));
        Files.writeString(plain.resolve("go.mod"), "module m\n\ngo 1.23.4\n");

        for (Map<String, String> env : List.of(Map.of("OLDPWD", tmp.toString(), "LC_ALL", "C.UTF-8"), Map.<String, String>of())) {
            Path deep = Files.createDirectories(pinned.resolve("a/b/c"));
            Run r = shimWithout(shell, deep, env, "version");
            assertEquals("go1.21.13 cwd=" + deep.toRealPath() + " OLDPWD=" + env.getOrDefault("OLDPWD", "unset")
                    + " LC_ALL=" + env.getOrDefault("LC_ALL", "unset") + "\n", r.out(), r.err());

            deep = Files.createDirectories(plain.resolve("a/b/c"));
            r = shimWithout(shell, deep, env, "where");
            assertEquals("cwd=" + deep.toRealPath() + "\nOLDPWD=" + env.getOrDefault("OLDPWD", "unset") + "\n", r.out(), r.err());
            r = shimWithout(shell, deep, env, "locale");
            assertEquals("LC_ALL=" + env.getOrDefault("LC_ALL", "unset") + "\n", r.out(), r.err());
        }
    }

    /** The go shim with exactly {@code env} besides PWD and PATH: no JGVM_ variable, OLDPWD or LC_ALL from the build. */
    private Run shimWithout(String shell, Path cwd, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(shell.split(" ")));
        cmd.add(home.resolve("shims/go").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("JGVM_") || k.equals("OLDPWD") || k.startsWith("LC_") || k.equals("GOTOOLCHAIN"));
        pb.environment().put("PWD", cwd.toString());
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().putAll(env);
        return run(pb, "");
    }

    // With GOTOOLCHAIN in path mode Go's own switch needs the go shim's check first: a go.mod project that the fast path
    // could run (its toolchain line names an installed version) still gets it, so its newer go line is not missed.
    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void aGoModProjectInPathModeGetsTheSwitchCheckFromTheFastPathToo(String shell) throws Exception {
        Path mod = Files.createDirectories(tmp.resolve("mod/a/b"));
        Files.writeString(tmp.resolve("mod/go.mod"), "module m\n\ngo 1.99\n\ntoolchain go1.22.5\n");

        Run checked = shim(shell, mod, Map.of("JGVM_GOTOOLCHAIN", "path", "JGVM_AUTO_INSTALL", "0"), "", "build");
        Run plain = shim(shell, mod, Map.of(), "", "version");

        assertEquals(127, checked.exit(), checked.out());
        assertTrue(checked.err().startsWith("error: " + tmp.resolve("mod/go.mod") + " asks for go1.99.0, which jgvm has not installed"), checked.err());
        assertEquals("go1.22.5 version\n", plain.out(), plain.err());
    }

    // bash keeps a PWD it cannot check (the directory was removed): the walk must not leave a directory it cannot
    // enter again by that name, and go still runs there, with the global default, as before.
    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void aRemovedWorkingDirectoryStillRunsGoThere(String shell) throws Exception {
        Files.writeString(home.resolve("version"), "1.22.5\n");
        Path gone = Files.createDirectories(tmp.resolve("gone/dir"));
        List<String> cmd = new ArrayList<>(List.of("dash", "-c", "cd \"$1\" && rmdir \"$1\" && shift && exec \"$@\"", "-", gone.toString()));
        cmd.addAll(List.of(shell.split(" ")));
        cmd.add(home.resolve("shims/go").toString());
        cmd.add("version");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("JGVM_"));
        Run r = run(pb, "");

        assertEquals("go1.22.5 version\n", r.out(), r.err());
        assertEquals(0, r.exit());
    }

    // A PWD that names the working directory in another spelling (// or a . component) is left to the full resolver,
    // which walks its parents as written; a symlinked one keeps its logical parents (the vectors cover those too).
    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void aWorkingDirectorySpelledWithDotsOrDoubleSlashesStillFindsItsVersion(String shell) throws Exception {
        Path deep = Files.createDirectories(project.resolve("a/b"));
        for (String spelling : List.of(project + "/a//b", project + "/./a/b", project + "/a/b/")) {
            List<String> cmd = new ArrayList<>(List.of(shell.split(" ")));
            cmd.add(home.resolve("shims/go").toString());
            cmd.add("where");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(deep.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("JGVM_") || k.equals("OLDPWD"));
            pb.environment().put("PWD", spelling);
            pb.environment().put("PATH", "/usr/bin:/bin");
            Run r = run(pb, "");
            assertEquals("cwd=" + deep.toRealPath() + "\nOLDPWD=unset\n", r.out(), spelling + ": " + r.err());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh"})
    void gotoolchainIsExportedWhenConfigured(String shell) throws Exception {
        rehash(new Settings(true, true, "local", Settings.EvidenceLevel.ORIGIN, java.util.Optional.empty(), Settings.Network.defaults(), List.of(), java.util.Optional.empty()));

        assertTrue(shim(shell, project, Map.of(), "", "env").out().endsWith("GOTOOLCHAIN=local\n"));
        assertTrue(shim(shell, project, Map.of("JGVM_GOTOOLCHAIN", "go1.22.5"), "", "env").out().endsWith("GOTOOLCHAIN=go1.22.5\n"));
        // An empty variable is no override, as for jgvm env, exec and the hook (Env: empty is unset).
        assertTrue(shim(shell, project, Map.of("JGVM_GOTOOLCHAIN", ""), "", "env").out().endsWith("GOTOOLCHAIN=local\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void noVersionSelectedExits127WithAHint(String shell) throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));

        Run r = shim(shell, elsewhere, Map.of(), "", "version");

        assertEquals(127, r.exit());
        assertEquals("error: no Go version is selected in " + elsewhere + "\n"
                + "hint: run 'jgvm use <version>' here for this project, or 'jgvm use --global <version>' for a default\n", r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void aMissingVersionWithoutAutoInstallExits127SayingHowToGetIt(String shell) throws Exception {
        Files.writeString(project.resolve(".go-version"), "1.23.0\n");

        Run r = shim(shell, project, Map.of("JGVM_AUTO_INSTALL", "0"), "", "version");

        assertEquals(127, r.exit());
        assertEquals("error: go 1.23.0 is not installed (selected by " + project.resolve(".go-version") + ")\n"
                + "hint: run 'jgvm install 1.23.0', or pick an installed version with 'jgvm use <version>'\n", r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void aMissingVersionIsInstalledFirstWhenAutoInstallIsOn(String shell) throws Exception {
        Files.writeString(project.resolve(".go-version"), "1.23.0\n");
        // A stand-in for the launcher: records the call and "installs" by laying the version down.
        Path jgvm = Files.createDirectories(home.resolve("bin")).resolve("jgvm");
        Files.writeString(jgvm, """
                #!/bin/sh
                echo "jgvm $*" >>"$JGVM_HOME/calls"
                mkdir -p "$JGVM_HOME/versions/$2/bin"
                printf '#!/bin/sh\\necho "go%s $*"\\n' "$2" >"$JGVM_HOME/versions/$2/bin/go"
                chmod +x "$JGVM_HOME/versions/$2/bin/go"
                """);
        Files.setPosixFilePermissions(jgvm, PosixFilePermissions.fromString("rwxr-xr-x"));

        Run r = shim(shell, project, Map.of(), "", "version");

        assertEquals(0, r.exit(), r.err());
        assertEquals("go1.23.0 version\n", r.out());
        assertEquals("jgvm install 1.23.0\n", Files.readString(home.resolve("calls")));
        assertTrue(r.err().startsWith("info: go 1.23.0 is not installed; installing it (selected by "), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void anAutoInstallsAnswerIsNotMixedIntoTheCommandsOutput(String shell) throws Exception {
        // jgvm install prints the new GOROOT on stdout (its answer, for scripts); the go command the shim runs after
        // it is what the user asked for, so that line belongs on neither of go's streams. Its info: lines stay on stderr.
        Files.writeString(project.resolve(".go-version"), "1.23.0\n");
        Path jgvm = Files.createDirectories(home.resolve("bin")).resolve("jgvm");
        Files.writeString(jgvm, """
                #!/bin/sh
                mkdir -p "$JGVM_HOME/versions/$2/bin"
                printf '#!/bin/sh\\necho "go%s $*"\\n' "$2" >"$JGVM_HOME/versions/$2/bin/go"
                chmod +x "$JGVM_HOME/versions/$2/bin/go"
                echo "info: installed go $2 in $JGVM_HOME/versions/$2" >&2
                echo "$JGVM_HOME/versions/$2"
                """);
        Files.setPosixFilePermissions(jgvm, PosixFilePermissions.fromString("rwxr-xr-x"));

        Run r = shim(shell, project, Map.of(), "", "version");

        assertEquals(0, r.exit(), r.err());
        assertEquals("go1.23.0 version\n", r.out());
        assertTrue(r.err().endsWith("\ninfo: installed go 1.23.0 in " + home.resolve("versions/1.23.0") + "\n"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void aToolchainSwitchInstallsAnswerIsNotMixedIntoTheCommandsOutput(String shell) throws Exception {
        rehash(gotoolchain("path", true));
        Files.writeString(project.resolve("go.mod"), "module m\n\ngo 1.22.5\n\ntoolchain go1.23.4\n");
        Path jgvm = Files.createDirectories(home.resolve("bin")).resolve("jgvm");
        Files.writeString(jgvm, "#!/bin/sh\necho \"info: installed go $2\" >&2\necho \"$JGVM_HOME/versions/$2\"\n");
        Files.setPosixFilePermissions(jgvm, PosixFilePermissions.fromString("rwxr-xr-x"));

        Run r = shim(shell, project, Map.of(), "", "version");

        assertEquals(0, r.exit(), r.err());
        assertEquals("go1.22.5 version\n", r.out());
        assertTrue(r.err().endsWith("\ninfo: installed go 1.23.4\n"), r.err());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"dash,1.22.05", "dash,01.22.5", "dash,1.22.5.", "dash,v1.22.5",
            "busybox sh,1.22.05", "busybox sh,v1.22.5", "bash --posix,1.22.5.", "bash --posix,01.22.5"})
    void aNearValidVersionIsNotAGoVersionAndIsNeverInstalled(String shell, String near) throws Exception {
        Files.writeString(project.resolve(".go-version"), near + "\n");
        Files.writeString(home.resolve("version"), "1.22.5\n");
        Path jgvm = Files.createDirectories(home.resolve("bin")).resolve("jgvm");
        Files.writeString(jgvm, "#!/bin/sh\necho \"jgvm $*\" >>\"$JGVM_HOME/calls\"\nexit 2\n");
        Files.setPosixFilePermissions(jgvm, PosixFilePermissions.fromString("rwxr-xr-x"));

        Run r = shim(shell, project, Map.of("JGVM_AUTO_INSTALL", "1"), "", "version");

        assertEquals(127, r.exit());
        assertEquals("", r.out());
        assertEquals("error: '" + near + "' is not a Go version (selected by " + project.resolve(".go-version") + ")\n"
                + "hint: write a release such as 1.22.5 or go1.21rc2, a line such as 1.22, latest or system there\n", r.err());
        assertFalse(Files.exists(home.resolve("calls")), "never offered for install");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void aFailedAutoInstallExits127AndDoesNotLoop(String shell) throws Exception {
        Files.writeString(project.resolve(".go-version"), "1.23.0\n");
        Path jgvm = Files.createDirectories(home.resolve("bin")).resolve("jgvm");
        Files.writeString(jgvm, "#!/bin/sh\necho \"error: no network\" >&2\nexit 5\n");
        Files.setPosixFilePermissions(jgvm, PosixFilePermissions.fromString("rwxr-xr-x"));

        Run r = shim(shell, project, Map.of(), "", "version");

        assertEquals(127, r.exit());
        assertTrue(r.err().contains("error: no network"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void aCommandTheSelectedVersionLacksFailsClearly(String shell) throws Exception {
        Path bin = Files.createDirectories(home.resolve("versions/1.23.0/bin"));
        Files.setPosixFilePermissions(Files.writeString(bin.resolve("newtool"), "#!/bin/sh\necho new\n"), PosixFilePermissions.fromString("rwxr-xr-x"));
        rehash(Settings.defaults());
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(shell.split(" ")))).directory(project.toFile());
        pb.command().add(home.resolve("shims/newtool").toString());
        pb.environment().put("PWD", project.toString());
        pb.environment().remove("JGVM_HOME");

        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(127, p.waitFor());
        assertTrue(err.startsWith("error: go 1.22.5 has no 'newtool' (go 1.22.5 selected by " + project.resolve(".go-version") + ")\n"), err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void systemRunsTheFirstGoOnPathThatIsNotAShim(String shell) throws Exception {
        Path sysbin = Files.createDirectories(tmp.resolve("usr local/bin"));
        Files.setPosixFilePermissions(Files.writeString(sysbin.resolve("go"), "#!/bin/sh\necho system go \"$@\"\n"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(project.resolve(".go-version"), "system\n");

        Run r = shim(shell, project, Map.of("PATH", home.resolve("shims") + ":" + sysbin + ":/usr/bin:/bin"), "", "version");

        assertEquals("system go version\n", r.out(), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh"})
    void readGoModOffIsBakedInAndTheEnvironmentStillWins(String shell) throws Exception {
        Files.delete(project.resolve(".go-version"));
        Files.writeString(project.resolve("go.mod"), "module m\n\ngo 1.22\n\ntoolchain go1.22.5\n");
        rehash(new Settings(true, false, "", Settings.EvidenceLevel.ORIGIN, java.util.Optional.empty(), Settings.Network.defaults(), List.of(), java.util.Optional.empty()));

        assertEquals(127, shim(shell, project, Map.of("JGVM_AUTO_INSTALL", "0"), "", "version").exit());
        assertEquals("go1.22.5 version\n", shim(shell, project, Map.of("JGVM_READ_GO_MOD", "true"), "", "version").out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void systemSkipsTheShimsDirectoryHoweverPathSpellsIt(String shell) throws Exception {
        Path sysbin = Files.createDirectories(tmp.resolve("usr local/bin"));
        Files.setPosixFilePermissions(Files.writeString(sysbin.resolve("go"), "#!/bin/sh\necho system go \"$@\"\n"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(project.resolve(".go-version"), "system\n");
        Path linked = Files.createSymbolicLink(tmp.resolve("linked-shims"), home.resolve("shims"));
        Path linkedGo = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("bin")).resolve("go"), home.resolve("shims/go"));

        for (String shims : List.of(linked.toString(), "/" + home.resolve("shims"), home.resolve("shims") + "/", home + "//shims", linkedGo.getParent().toString())) {
            Run r = shim(shell, project, Map.of("PATH", shims + ":" + sysbin + ":/usr/bin:/bin"), "", "version");
            Run slash = shim(shell, project, Map.of("PATH", shims + ":" + sysbin + ":/usr/bin:/bin", "JGVM_HOME", home + "/"), "", "version");

            assertEquals("system go version\n", r.out(), shims + ": " + r.err());
            assertEquals("system go version\n", slash.out(), shims + " with JGVM_HOME ending in /: " + slash.err());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void aShimLoopEndsWithAClearError(String shell) throws Exception {
        // Another tool's go wrapper that runs jgvm's shim again: 'system' would go round forever.
        Path wrappers = Files.createDirectories(tmp.resolve("other manager/bin"));
        Files.setPosixFilePermissions(Files.writeString(wrappers.resolve("go"), "#!/bin/sh\nexec " + ShimWriter.shQuote(home.resolve("shims/go").toString()) + " \"$@\"\n"),
                PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(project.resolve(".go-version"), "system\n");

        Run r = shim(shell, project, Map.of("PATH", home.resolve("shims") + ":" + wrappers + ":/usr/bin:/bin"), "", "version");

        assertEquals(127, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("error: jgvm's 'go' shim ran 16 times in a row without reaching a real 'go' (a loop)\n"
                + "hint: a 'go' on PATH or in the selected version leads back to the shims in '" + home.resolve("shims") + "'"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void aNestedShimForAnotherMissingVersionStillAutoInstalls(String shell) throws Exception {
        Files.writeString(project.resolve(".go-version"), "1.23.0\n");
        Path other = Files.createDirectories(tmp.resolve("other project"));
        Files.writeString(other.resolve(".go-version"), "1.24.0\n");
        // A stand-in for the launcher whose go runs the shim again in the other project, as a build script might.
        Path jgvm = Files.createDirectories(home.resolve("bin")).resolve("jgvm");
        Files.writeString(jgvm, """
                #!/bin/sh
                echo "jgvm $*" >>"$JGVM_HOME/calls"
                mkdir -p "$JGVM_HOME/versions/$2/bin"
                printf '#!/bin/sh\\nif [ "$1" = nested ]; then cd "$2" && PWD=$2 exec "$JGVM_HOME/shims/go" version; fi\\necho "go%s $*"\\n' "$2" >"$JGVM_HOME/versions/$2/bin/go"
                chmod +x "$JGVM_HOME/versions/$2/bin/go"
                """);
        Files.setPosixFilePermissions(jgvm, PosixFilePermissions.fromString("rwxr-xr-x"));

        Run r = shim(shell, project, Map.of(), "", "nested", other.toString());

        assertEquals(0, r.exit(), r.err());
        assertEquals("go1.24.0 version\n", r.out());
        assertEquals("jgvm install 1.23.0\njgvm install 1.24.0\n", Files.readString(home.resolve("calls")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void anUnreadableVersionFileGetsJgvmsOwnMessage(String shell) throws Exception {
        Path file = project.resolve(".go-version");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        // root reads anything: run the shim as nobody then, with the way to it open.
        String as = "root".equals(System.getProperty("user.name")) ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
        for (Path p = project; p.startsWith(tmp.getParent()) && !p.equals(tmp.getParent()); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.walk(home).forEach(p -> p.toFile().setReadable(true, false));

        Run r = shim(as + shell, project, Map.of(), "", "version");

        assertEquals(127, r.exit());
        assertEquals("warn: cannot read '" + file + "'; skipped it\n"
                + "hint: make it readable ('chmod a+r " + file + "') or remove it\n"
                + "error: no Go version is selected in " + project + "\n"
                + "hint: run 'jgvm use <version>' here for this project, or 'jgvm use --global <version>' for a default\n", r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void anUnreadableGoModGetsJgvmsOwnMessageAndIsSkipped(String shell) throws Exception {
        Files.writeString(home.resolve("version"), "1.22.5\n");
        Path mod = Files.createDirectories(tmp.resolve("mod/a/b"));
        Path file = Files.writeString(tmp.resolve("mod/go.mod"), "module m\n\ngo 1.21\n\ntoolchain go1.21.13\n");
        fakeGo("1.21.13", "#!/bin/sh\necho go1.21.13\n");
        rehash(Settings.defaults());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        String as = "root".equals(System.getProperty("user.name")) ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
        for (Path p = mod; p.startsWith(tmp.getParent()) && !p.equals(tmp.getParent()); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.walk(home).forEach(p -> p.toFile().setReadable(true, false));

        Run r = shim(as + shell, mod, Map.of(), "", "version");

        assertEquals("go1.22.5 version\n", r.out(), r.err());
        assertEquals("warn: cannot read '" + file + "'; skipped it\n"
                + "hint: make it readable ('chmod a+r " + file + "') or remove it\n", r.err());
    }

    // The fast path reads go.mod as the resolver does: where read takes -n, no further than its first 4096 bytes.
    @ParameterizedTest
    @ValueSource(strings = {"busybox sh", "bash --posix"})
    void aHugeOneLineGoModIsNotReadPastItsFirst4096Bytes(String shell) throws Exception {
        assertTrue(onPath("strace"), "strace counts the read calls: bash .ci/run installs it");
        Files.writeString(home.resolve("version"), "1.22.5\n");
        Path mod = Files.createDirectories(tmp.resolve("mod/a"));
        Files.writeString(tmp.resolve("mod/go.mod"), "toolchain go1.23.0 " + "x".repeat(1 << 20));
        Path counts = tmp.resolve("strace.txt");

        List<String> cmd = new ArrayList<>(List.of("strace", "-f", "-c", "-e", "trace=read", "-o", counts.toString()));
        cmd.addAll(List.of(shell.split(" ")));
        cmd.add(home.resolve("shims/go").toString());
        cmd.add("version");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(mod.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("JGVM_"));
        pb.environment().put("PWD", mod.toString());
        pb.environment().put("JGVM_AUTO_INSTALL", "0");
        Run r = run(pb, "");

        assertEquals("go1.22.5 version\n", r.out(), "the line does not end within 4096 bytes: skipped; " + r.err());
        long reads = Files.readAllLines(counts).stream().map(String::strip).filter(l -> l.endsWith(" read"))
                .mapToLong(l -> Long.parseLong(l.split("\\s+")[3])).sum();
        assertTrue(reads < 4096 + 1000, "a bounded prefix, not the 1 MiB line: " + reads + " read calls");
    }

    // dash is not among them: its read has no -n and reads a line whole, byte by byte (README, 'Which version a
    // directory uses'); no dash builtin reads less than a line, and a process per go call would cost more than the shim.
    @ParameterizedTest
    @ValueSource(strings = {"busybox sh", "bash --posix"})
    void aHugeOneLineVersionFileIsNotReadPastItsFirst4096Bytes(String shell) throws Exception {
        Files.writeString(home.resolve("version"), "1.22.5\n");
        Path big = Files.createDirectories(tmp.resolve("big"));
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(big.resolve(".go-version")))) {
            out.write("1.23.0 ".getBytes(StandardCharsets.US_ASCII));
            byte[] junk = new byte[1 << 20];
            java.util.Arrays.fill(junk, (byte) 'x');
            for (int i = 0; i < 50; i++) out.write(junk);   // 50 MiB on one line, no newline
        }

        long start = System.nanoTime();
        Run r = shim(shell, big, Map.of("JGVM_AUTO_INSTALL", "0"), "", "version");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals("go1.22.5 version\n", r.out(), "the line does not end within 4096 bytes: skipped, the global default runs; " + r.err());
        assertEquals(0, r.exit());
        assertTrue(millis < 5_000, "read a bounded prefix, not 50 MiB: took " + millis + " ms");
    }

    // Under dash nothing bounds the read of one long line (its read has no -n and takes a byte per system call), but
    // the fast path's read is the only one: the full resolver is told the first line is too long (fast.sh).
    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh"})
    void aLongFirstLineIsReadOnceNotByBothPaths(String shell) throws Exception {
        assertTrue(onPath("strace"), "strace counts the read calls: bash .ci/run installs it");
        Files.writeString(home.resolve("version"), "1.22.5\n");
        Path big = Files.createDirectories(tmp.resolve("big"));
        Files.writeString(big.resolve(".go-version"), "1.23.0 " + "x".repeat(64 * 1024));
        Path counts = tmp.resolve("strace.txt");

        List<String> cmd = new ArrayList<>(List.of("strace", "-f", "-c", "-e", "trace=read", "-o", counts.toString()));
        cmd.addAll(List.of(shell.split(" ")));
        cmd.add(home.resolve("shims/go").toString());
        cmd.add("version");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(big.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("JGVM_"));
        pb.environment().put("PWD", big.toString());
        pb.environment().put("JGVM_AUTO_INSTALL", "0");
        Run r = run(pb, "");

        assertEquals("go1.22.5 version\n", r.out(), "the line does not end within 4096 bytes: skipped; " + r.err());
        long reads = Files.readAllLines(counts).stream().map(String::strip).filter(l -> l.endsWith(" read"))
                .mapToLong(l -> Long.parseLong(l.split("\\s+")[3])).sum();
        long limit = shell.equals("dash") ? 64 * 1024 + 1000 : 4096 + 1000;
        assertTrue(reads < limit, "read once (" + limit + " calls at most), not twice: " + reads + " read calls");
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) return true;
        }
        return false;
    }

    @org.junit.jupiter.api.Test
    void shimsUseNoExternalCommandOnTheWayToAFoundVersion() throws IOException {
        String script = Files.readString(home.resolve("shims/go"));
        String onPath = script.substring(0, script.indexOf("  case $_jgvm_b in")).lines()
                .filter(l -> !l.strip().startsWith("#")).collect(java.util.stream.Collectors.joining("\n"));

        assertFalse(onPath.replace("$((", "").contains("$("), "no command substitution (arithmetic is a builtin)");
        assertFalse(onPath.contains("`"), "no backquotes");
        for (String external : List.of("cat ", "sed ", "awk ", "grep ", "dirname ", "basename ", "readlink ", "java ")) {
            assertFalse(onPath.contains(external), "no " + external.strip());
        }
    }

    @org.junit.jupiter.api.Test
    void windowsShimsDelegateToJgvmExecWithCrlfLines() throws IOException {
        String cmd = Files.readString(home.resolve("shims/go.cmd"));

        assertTrue(cmd.startsWith("@echo off\r\n"), cmd);
        assertTrue(cmd.contains("if not defined JGVM_HOME set \"JGVM_HOME=" + home + "\"\r\n"), cmd);
        assertTrue(cmd.contains("call \"%JGVM_HOME%\\bin\\jgvm.cmd\" exec --shim -- go %*\r\n"), cmd);
        assertTrue(cmd.endsWith("exit /b %ERRORLEVEL%\r\n"), cmd);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void eachInstalledVersionHasAVersionCommandThatRunsExactlyItAnywhere(String shell) throws Exception {
        fakeGo("1.21.13", "#!/bin/sh\nprintf 'go1.21.13 %s GOROOT=%s GOTOOLCHAIN=%s\\n' \"$*\" \"$GOROOT\" \"${GOTOOLCHAIN-unset}\"\n");
        rehash(Settings.defaults());
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));

        Run inProject = command("go1.21.13", shell, project, Map.of(), "", "version");
        Run nowhere = command("go1.21.13", shell, elsewhere, Map.of(), "", "env", "GOROOT");
        Run bySwitch = command("go1.21.13", shell, project, Map.of("GOTOOLCHAIN", "path", "GOTOOLCHAIN_INTERNAL_SWITCH_VERSION", "go1.21.13"), "", "build");

        Path goroot = home.resolve("versions/1.21.13");
        assertEquals("go1.21.13 version GOROOT=" + goroot + " GOTOOLCHAIN=local\n", inProject.out(), inProject.err());
        assertEquals("go1.21.13 env GOROOT GOROOT=" + goroot + " GOTOOLCHAIN=local\n", nowhere.out(), nowhere.err());
        assertEquals("go1.21.13 build GOROOT=" + goroot + " GOTOOLCHAIN=path\n", bySwitch.out(), "Go's switch keeps its GOTOOLCHAIN");
        assertTrue(Files.isExecutable(home.resolve("shims/go1.22.5")));
        assertTrue(Files.readString(home.resolve("shims/go1.21.13.cmd")).contains("exec --version 1.21.13 -- go %*\r\n"));
    }

    @org.junit.jupiter.api.Test
    void aRemovedVersionLosesItsVersionCommand() throws Exception {
        fakeGo("1.21.13", "#!/bin/sh\necho 1.21.13\n");
        rehash(Settings.defaults());
        assertTrue(Files.exists(home.resolve("shims/go1.21.13")));

        InstallStore.deleteTree(home.resolve("versions/1.21.13"));
        rehash(Settings.defaults());

        assertFalse(Files.exists(home.resolve("shims/go1.21.13")));
        assertFalse(Files.exists(home.resolve("shims/go1.21.13.cmd")));
        assertTrue(Files.exists(home.resolve("shims/go1.22.5")));
    }

    private static Settings gotoolchain(String value, boolean autoInstall) {
        return new Settings(autoInstall, true, value, Settings.EvidenceLevel.ORIGIN, java.util.Optional.empty(), Settings.Network.defaults(), List.of(), java.util.Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void inPathModeAGoModAskingForAVersionNotInstalledSaysWhichInstallFixesIt(String shell) throws Exception {
        rehash(gotoolchain("path", false));
        Files.writeString(project.resolve("go.mod"), "module m\n\ngo 1.99\n");
        Path sub = Files.createDirectories(project.resolve("cmd/tool"));

        Run r = shim(shell, sub, Map.of("PATH", home.resolve("shims") + ":/usr/bin:/bin"), "", "build");

        assertEquals(127, r.exit(), r.out());
        assertEquals("error: " + project.resolve("go.mod") + " asks for go1.99.0, which jgvm has not installed, and GOTOOLCHAIN=path lets Go run only a go1.99.0 found on PATH\n"
                + "hint: run 'jgvm install 1.99.0' (Go's switch then runs jgvm's go1.99.0), or 'jgvm use' a version that is new enough\n", r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void inPathModeGoRunsWhenNoSwitchIsNeededOrItsTargetIsInstalled(String shell) throws Exception {
        fakeGo("1.23.4", "#!/bin/sh\necho go1.23.4\n");
        rehash(gotoolchain("path", false));
        Path older = Files.createDirectories(project.resolve("older"));
        Files.writeString(older.resolve("go.mod"), "module m\r\n\r\ngo 1.21 // a comment\r\n");
        Path pinned = Files.createDirectories(project.resolve("pinned"));
        Files.writeString(pinned.resolve("go.mod"), "module m\n\ngo 1.22.0\n\ntoolchain go1.23.4\n");
        Files.writeString(pinned.resolve(".go-version"), "1.22.5\n");
        Path rc = Files.createDirectories(project.resolve("rc"));
        Files.writeString(rc.resolve("go.mod"), "module m\n\ngo 1.22rc1\n");

        assertEquals("go1.22.5 version\n", shim(shell, older, Map.of(), "", "version").out());
        assertEquals("go1.22.5 version\n", shim(shell, pinned, Map.of(), "", "version").out(), "go1.23.4 is installed: Go's switch finds it");
        assertEquals("go1.22.5 version\n", shim(shell, rc, Map.of(), "", "version").out(), "1.22rc1 is older than 1.22.5");
        assertEquals("go1.22.5 version\n", shim(shell, project, Map.of("JGVM_GOTOOLCHAIN", "local"), "", "version").out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void inPathModeWithAutoInstallTheVersionGoModAsksForIsInstalledThroughJgvm(String shell) throws Exception {
        rehash(gotoolchain("path", true));
        Files.writeString(project.resolve("go.mod"), "module m\n\ngo 1.22.5\n\ntoolchain go1.23.4\n");
        Path jgvm = Files.createDirectories(home.resolve("bin")).resolve("jgvm");
        Files.writeString(jgvm, "#!/bin/sh\necho \"jgvm $*\" >>\"$JGVM_HOME/calls\"\n");
        Files.setPosixFilePermissions(jgvm, PosixFilePermissions.fromString("rwxr-xr-x"));

        Run r = shim(shell, project, Map.of(), "", "version");

        assertEquals(0, r.exit(), r.err());
        assertEquals("go1.22.5 version\n", r.out());
        assertEquals("jgvm install 1.23.4\n", Files.readString(home.resolve("calls")));
        assertTrue(r.err().startsWith("info: " + project.resolve("go.mod") + " asks for go1.23.4; installing it through jgvm"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void jgvmGotoolchainPathInTheEnvironmentAloneGetsTheSamePreCheck(String shell) throws Exception {
        // No config.toml: the shims were written with the defaults (no gotoolchain), the variable alone asks for path.
        Files.writeString(project.resolve("go.mod"), "module m\n\ngo 1.99\n");
        Path jgvm = Files.createDirectories(home.resolve("bin")).resolve("jgvm");
        Files.writeString(jgvm, "#!/bin/sh\necho \"jgvm $*\" >>\"$JGVM_HOME/calls\"\n");
        Files.setPosixFilePermissions(jgvm, PosixFilePermissions.fromString("rwxr-xr-x"));

        Run refused = shim(shell, project, Map.of("JGVM_GOTOOLCHAIN", "path", "JGVM_AUTO_INSTALL", "0"), "", "build");
        Run installed = shim(shell, project, Map.of("JGVM_GOTOOLCHAIN", "path"), "", "env");
        Run plain = shim(shell, project, Map.of(), "", "version");

        assertEquals(127, refused.exit(), refused.out());
        assertEquals("error: " + project.resolve("go.mod") + " asks for go1.99.0, which jgvm has not installed, and GOTOOLCHAIN=path lets Go run only a go1.99.0 found on PATH\n"
                + "hint: run 'jgvm install 1.99.0' (Go's switch then runs jgvm's go1.99.0), or 'jgvm use' a version that is new enough\n", refused.err());
        assertEquals(0, installed.exit(), installed.err());
        assertEquals("jgvm install 1.99.0\n", Files.readString(home.resolve("calls")), "auto_install (default on) installs it through jgvm");
        assertTrue(installed.out().endsWith("GOTOOLCHAIN=path\n"), installed.out());
        assertEquals("go1.22.5 version\n", plain.out(), "without the variable nothing is checked");
        assertEquals(1, Files.readAllLines(home.resolve("calls")).size());
    }

    @org.junit.jupiter.api.Test
    void onlyTheGoShimInPathModeCarriesTheSwitchCheck() throws IOException {
        assertFalse(Files.readString(home.resolve("shims/go")).contains("_jgvm_gvp()"), "toolchain.sh's functions are not parsed at every go call");
        assertFalse(Files.readString(home.resolve("shims/gofmt")).contains("_jgvm_switch"));
        rehash(gotoolchain("path", true));

        assertTrue(Files.readString(home.resolve("shims/go")).contains("_jgvm_switch 1\n"));
        assertFalse(Files.readString(home.resolve("shims/gofmt")).contains("_jgvm_switch"));
    }
}
