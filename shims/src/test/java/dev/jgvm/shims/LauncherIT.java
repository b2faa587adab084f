package dev.jgvm.shims;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the launcher hands the JVM: a stand-in {@code java} prints the arguments and locale it was given. */
class LauncherIT {
    @TempDir Path tmp;
    Path launcher;
    Path jdk;

    @BeforeEach
    void layOut() throws IOException {
        jdk = Files.createDirectories(tmp.resolve("jdk-17/bin")).getParent();
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.9\"\n");
        Path java = Files.writeString(jdk.resolve("bin/java"), """
                #!/bin/sh
                echo "LC_ALL=${LC_ALL-unset} _JGVM_LC_ALL=${_JGVM_LC_ALL-unset}"
                for a; do echo "$a"; done
                echo "_JGVM_SHELL_ROSETTA=${_JGVM_SHELL_ROSETTA-unset}"
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        launcher = tmp.resolve("home/bin/jgvm");
        new LauncherWriter().write(tmp.resolve("lib"), tmp.resolve("home"), launcher);
    }

    private List<String> jvm(Map<String, String> env, String... args) throws Exception { return jvm("dash", env, args); }

    private List<String> jvm(String shell, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(shell.split(" ")));
        cmd.add(launcher.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("JAVA_HOME", jdk.toString());
        pb.environment().put("JGVM_NO_TRAIN", "1");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        return out.lines().toList();
    }

    private static String last(List<String> lines) { return lines.get(lines.size() - 1); }

    private static boolean c1Only(List<String> jvmArgs) { return jvmArgs.contains("-XX:TieredStopAtLevel=1"); }

    @Test
    void doctorIsToldWhetherTheShellRunsTranslatedByRosetta() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("sysctl-bin"));
        Path sysctl = Files.writeString(bin.resolve("sysctl"), "#!/bin/sh\n[ \"$*\" = '-n sysctl.proc_translated' ] && echo 1\n");
        Files.setPosixFilePermissions(sysctl, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> translated = Map.of("PATH", bin + ":/usr/bin:/bin");

        assertEquals("_JGVM_SHELL_ROSETTA=1", last(jvm(translated, "doctor")));
        assertEquals("_JGVM_SHELL_ROSETTA=1", last(jvm(translated, "-v", "doctor", "--json")));
        assertEquals("_JGVM_SHELL_ROSETTA=unset", last(jvm(translated, "list-remote")), "only doctor asks");
        assertEquals("_JGVM_SHELL_ROSETTA=", last(jvm(Map.of("PATH", tmp.resolve("nowhere") + ":/usr/bin:/bin"), "doctor")),
                "no sysctl (Linux): nothing, and no message");
    }

    @Test
    void installJitFlagsOnlyWhenTheCommandItselfInstalls() throws Exception {
        assertFalse(c1Only(jvm(Map.of(), "install", "1.22")), "install compiles with C2");
        assertFalse(c1Only(jvm(Map.of(), "-q", "--no-color", "install", "1.22")), "after global options too");
        assertFalse(c1Only(jvm(Map.of(), "use", "1.22")));
        assertTrue(c1Only(jvm(Map.of(), "exec", "--", "go", "install", "./...")), "an argument after -- is not the command");
        assertTrue(c1Only(jvm(Map.of(), "exec", "go", "install")));
        assertTrue(c1Only(jvm(Map.of(), "list-remote", "--mirror", "install")));
        assertTrue(c1Only(jvm(Map.of(), "list-remote")));
    }

    @Test
    void theEverydayCommandsRunInterpreted() throws Exception {
        // No compiler thread for what runs a few milliseconds of bytecode: ~10% of `list --json`'s CPU (StartupCostTest's kin).
        for (String[] everyday : List.of(new String[] {"list", "--json"}, new String[] {"-q", "current", "--json"}, new String[] {"--help"},
                new String[] {}, new String[] {"which", "-v", "gofmt"}, new String[] {"env", "--shell", "nu"})) {
            assertTrue(jvm(Map.of(), everyday).contains("-Xint"), String.join(" ", everyday));
        }
        for (String[] other : List.of(new String[] {"list-remote"}, new String[] {"exec", "go", "build"}, new String[] {"install", "1.22"},
                new String[] {"doctor"})) {
            assertFalse(jvm(Map.of(), other).contains("-Xint"), String.join(" ", other));
        }
    }

    @ParameterizedTest
    @CsvSource({"17.0.15, .jsa, -XX:SharedArchiveFile=", "25.0.1, .aot, -XX:AOTCache="})
    void theEverydayCommandsHaveTheirOwnStartUpCache(String version, String ext, String flag) throws Exception {
        // Each start pays for the whole cache: a JDK 25 start loads every class its AOT cache holds (the one trained on
        // an install too was 2.6x the floor), a JDK 17 start relocates all of its archive (~10% of `list --json`).
        Path other = Files.createDirectories(tmp.resolve("jdk-" + version + "/bin")).getParent();
        Files.writeString(other.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Files.copy(jdk.resolve("bin/java"), other.resolve("bin/java"));
        Files.setPosixFilePermissions(other.resolve("bin/java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        String key = key(version, other);
        Path cache = Files.createDirectories(tmp.resolve("lib/cache"));
        Files.writeString(cache.resolve(key + ext), "");
        Files.writeString(cache.resolve(key + ".all" + ext), "");
        Map<String, String> env = Map.of("JAVA_HOME", other.toString());

        assertTrue(jvm(env, "list", "--json").contains(flag + cache.resolve(key + ext)));
        assertTrue(jvm(env, "--help").contains(flag + cache.resolve(key + ext)));
        assertTrue(jvm(env, "keys", "list").contains(flag + cache.resolve(key + ".all" + ext)));
        assertTrue(jvm(env, "install", "1.22").contains(flag + cache.resolve(key + ".all" + ext)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void aNonAsciiJdkHomeGetsTheSameKeyInEveryShellAndLocale(String shell) throws Exception {
        // bash takes a character at a time under a UTF-8 locale, dash and busybox a byte: the key loop runs under
        // LC_ALL=C so the cache's name depends neither on the shell nor on the locale, and doctor (JdkCheck) finds it.
        Path other = Files.createDirectories(tmp.resolve("jdk-\u00e917/bin")).getParent();
        Files.writeString(other.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Files.copy(jdk.resolve("bin/java"), other.resolve("bin/java"));
        Files.setPosixFilePermissions(other.resolve("bin/java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        String key = "17.0.15-" + tmp.toRealPath().toString().replaceAll("[^A-Za-z0-9.+-]", "_") + "_jdk-__17";
        Path cache = Files.createDirectories(tmp.resolve("lib/cache"));
        Files.writeString(cache.resolve(key + ".all.jsa"), "");

        for (String locale : List.of("C.UTF-8", "C")) {
            List<String> args = jvm(shell, Map.of("JAVA_HOME", other.toString(), "LANG", locale), "keys", "list");
            assertTrue(args.contains("-XX:SharedArchiveFile=" + cache.resolve(key + ".all.jsa")), shell + " " + locale + ": " + args);
        }
        List<String> utf8User = jvm(shell, Map.of("JAVA_HOME", other.toString(), "LC_ALL", "C.UTF-8"), "keys", "list");
        assertEquals("LC_ALL=C.UTF-8 _JGVM_LC_ALL=unset", utf8User.get(0), "the user's LC_ALL is back as it was");
    }

    @Test
    void aUsersLocaleThatDoesNotExistIsNotComplainedAboutAgainByTheKeyLoop() throws Exception {
        // bash warns when LC_ALL names a locale that is not installed: once as it starts, which is bash's own, and
        // again at each assignment of it, which the key loop's LC_ALL=C and its putting back must not add.
        for (Map<String, String> locale : List.of(Map.of("LC_ALL", "xx_YY.UTF-8"), Map.of("LANG", "xx_YY.UTF-8"))) {
            ProcessBuilder pb = new ProcessBuilder("bash", "--posix", launcher.toString(), "keys", "list").directory(tmp.toFile());
            pb.environment().clear();
            pb.environment().put("PATH", "/usr/bin:/bin");
            pb.environment().put("JAVA_HOME", jdk.toString());
            pb.environment().put("JGVM_NO_TRAIN", "1");
            pb.environment().putAll(locale);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));

            assertEquals(0, p.exitValue(), err);
            assertFalse(err.contains(launcher.toString()), locale + ": " + err);
            assertTrue(out.contains("keys"), out);
        }
    }

    @Test
    void aJdkRebuiltInPlaceWithTheSameJavaVersionGetsCachesOfItsOwn() throws Exception {
        // A package revision or a vendor's respin replaces the JVM under the same JAVA_VERSION: a cache the old build
        // wrote does not map (JDK 24+ print three [error][aot] lines at every start, 17-23 silently go without), so
        // the key takes the build's JAVA_RUNTIME_VERSION when the release file has one, as release files list it
        // before JAVA_VERSION.
        Path other = Files.createDirectories(tmp.resolve("jdk-25/bin")).getParent();
        Files.copy(jdk.resolve("bin/java"), other.resolve("bin/java"));
        Files.setPosixFilePermissions(other.resolve("bin/java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        String home = other.toRealPath().toString().replaceAll("[^A-Za-z0-9.+-]", "_");
        Path cache = Files.createDirectories(tmp.resolve("lib/cache"));
        for (String key : List.of("25.0.1+9-LTS-" + home, "25.0.1-" + home)) {
            Files.writeString(cache.resolve(key + ".aot"), "");
            Files.writeString(cache.resolve(key + ".all.aot"), "");
        }
        Map<String, String> env = Map.of("JAVA_HOME", other.toString());

        Files.writeString(other.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_RUNTIME_VERSION=\"25.0.1+9-LTS\"\nJAVA_VERSION=\"25.0.1\"\n");
        assertTrue(jvm(env, "list", "--json").contains("-XX:AOTCache=" + cache.resolve("25.0.1+9-LTS-" + home + ".aot")));
        assertTrue(jvm(env, "keys", "list").contains("-XX:AOTCache=" + cache.resolve("25.0.1+9-LTS-" + home + ".all.aot")));

        Files.writeString(other.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_RUNTIME_VERSION=\"25.0.1+10-LTS\"\nJAVA_VERSION=\"25.0.1\"\n");
        List<String> rebuilt = jvm(env, "keys", "list");
        assertFalse(rebuilt.stream().anyMatch(a -> a.startsWith("-XX:AOTCache=")), "the old build's cache is not offered: " + rebuilt);
        assertTrue(rebuilt.contains("-XX:+UnlockDiagnosticVMOptions"), "still a JDK 25 start: " + rebuilt);

        Files.writeString(other.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
        assertTrue(jvm(env, "keys", "list").contains("-XX:AOTCache=" + cache.resolve("25.0.1-" + home + ".all.aot")),
                "no JAVA_RUNTIME_VERSION: JAVA_VERSION, as before");
    }

    @ParameterizedTest
    @CsvSource({"17.0.9, .jsa, dash", "24.0.2, .aot, busybox sh", "25.0.1, .aot, bash --posix", "17.0.9, .jsa, busybox sh",
            "24.0.2, .aot, bash --posix", "25.0.1, .aot, dash"})
    void aTrainingThatDiesMidwayLeavesNoHalfCacheBehind(String version, String ext, String shell) throws Exception {
        // A start finding the cache's name maps it: JDK 24+ print three [error][aot] lines on stderr at every start for
        // a half-written one (one a concurrent start, or every start after a training killed midway, would find), and
        // 17-23 silently start without one while doctor reports it trained.
        Path other = fakeTrainingJdk(version, "exit 3");
        Path cache = tmp.resolve("lib/cache");

        assertEquals("", train(shell, other), "no cache is reported written");

        String key = key(version, other);
        assertFalse(Files.exists(cache.resolve(key + ext)), "no half-written everyday cache");
        try (var left = Files.list(cache)) {
            assertEquals(List.of(key + ext + ".lock"), left.map(p -> p.getFileName().toString()).toList(),
                    "nothing half-written is left under any name, only the failed training's lock");
        }
        try (var left = Files.list(cache.resolve(key + ext + ".lock"))) {
            assertEquals(List.of("failed"), left.map(p -> p.getFileName().toString()).toList(), "what the training printed, for doctor");
        }
    }

    @ParameterizedTest
    @CsvSource({"17.0.9, .jsa, dash", "24.0.2, .aot, busybox sh", "25.0.1, .aot, bash --posix", "17.0.9, .jsa, busybox sh",
            "24.0.2, .aot, bash --posix", "25.0.1, .aot, dash"})
    void aFinishedTrainingLeavesExactlyTheTwoCaches(String version, String ext, String shell) throws Exception {
        Path other = fakeTrainingJdk(version, ":");
        Path cache = tmp.resolve("lib/cache");
        String key = key(version, other);
        // What trainings killed midway left (the files they wrote into), for doctor --fix to clear; another JDK's stay.
        Files.createDirectories(cache);
        for (String left : List.of(key + ".tmp4242" + ext, key + ".all.tmp4242" + ext, key + ".all.tmp4243" + ext + ".conf")) {
            Files.writeString(cache.resolve(left), "trained ");
        }
        Files.writeString(cache.resolve("9.0.1-elsewhere.tmp4242" + ext), "trained ");

        assertEquals(cache.resolve(key + ext) + "\n" + cache.resolve(key + ".all" + ext) + "\n", train(shell, other));

        try (var left = Files.list(cache)) {
            assertEquals(List.of(key + ".all" + ext, key + ext, "9.0.1-elsewhere.tmp4242" + ext),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("trained quick\n", Files.readString(cache.resolve(key + ext)));
        assertEquals("trained all\n", Files.readString(cache.resolve(key + ".all" + ext)));
    }

    @ParameterizedTest
    @CsvSource({"17.0.9, .jsa, dash", "25.0.1, .aot, busybox sh", "17.0.9, .jsa, bash --posix"})
    void aTrainingThatFailsIsNotRetriedAtEveryStartAndKeepsWhy(String version, String ext, String shell) throws Exception {
        // A JDK that cannot train (17 without its base CDS archive fails at once) used to start another training in the
        // background at every jgvm command, and nobody learnt why the commands stayed slow.
        Path trainings = tmp.resolve("trainings");
        Path other = countingTrainingJdk(version, trainings,
                "echo 'Error occurred during initialization of VM' >&2; "
                        + "echo 'DynamicDumpSharedSpaces is unsupported when base CDS archive is not loaded' >&2; exit 1");
        String key = key(version, other);
        Path lock = tmp.resolve("lib/cache/" + key + ".all" + ext + ".lock");

        start(shell, other, "keys", "list");
        Path failed = lock.resolve("failed");
        waitFor(() -> Files.isRegularFile(failed), "the failed training's output kept in its lock: " + failed);
        assertTrue(Files.readString(failed).contains("DynamicDumpSharedSpaces is unsupported when base CDS archive is not loaded"),
                Files.readString(failed));
        start(shell, other, "keys", "list");
        start(shell, other, "keys", "list");
        Thread.sleep(1500);
        assertEquals(1, Files.readAllLines(trainings).size(), "one training, not one a start");

        // An hour on, the next start tries again.
        twoHoursOld(lock);
        start(shell, other, "keys", "list");
        waitFor(() -> Files.readAllLines(trainings).size() == 2, "a second training an hour after the first");
    }

    @ParameterizedTest
    @CsvSource({"17.0.9, .jsa, dash", "25.0.1, .aot, busybox sh", "25.0.1, .aot, bash --posix"})
    void aLockLeftByAKilledTrainingIsTakenOverAfterAnHour(String version, String ext, String shell) throws Exception {
        // A training killed midway (a reboot, an OOM kill) never removed its lock, and no start ever trained again.
        Path trainings = tmp.resolve("trainings");
        Path other = countingTrainingJdk(version, trainings, "printf 'trained\\n' >\"$out\"");
        String key = key(version, other);
        Path cache = tmp.resolve("lib/cache/" + key + ext);
        Path lock = Files.createDirectories(tmp.resolve("lib/cache/" + key + ext + ".lock"));
        Files.writeString(lock.resolve("log"), "Error occurred");

        start(shell, other, "list", "--json");
        Thread.sleep(1500);
        assertFalse(Files.exists(trainings), "a recent lock is a training under way: no second one");

        twoHoursOld(lock);
        start(shell, other, "list", "--json");
        waitFor(() -> Files.isRegularFile(cache) && !Files.exists(lock), "the cache trained and the lock gone: " + lock);
        assertEquals("trained\n", Files.readString(cache));
    }

    @ParameterizedTest
    @CsvSource({"17.0.9, .jsa, dash", "25.0.1, .aot, busybox sh", "17.0.9, .jsa, bash --posix"})
    void anHourOldLockThisUserCannotRemoveIsLeftQuietly(String version, String ext, String shell) throws Exception {
        // A lib/cache this user only reads (a system-wide install) holding another account's failed training: rm's
        // "Permission denied" for the lock it could not take over was printed at every JVM command.
        Path trainings = tmp.resolve("trainings");
        Path other = countingTrainingJdk(version, trainings, "printf 'trained\\n' >\"$out\"");
        String key = key(version, other);
        Path lock = Files.createDirectories(tmp.resolve("lib/cache/" + key + ".all" + ext + ".lock"));
        Files.writeString(lock.resolve("failed"), "Error occurred during initialization of VM\n");
        Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString("r-xr-xr-x"));
        twoHoursOld(lock);
        // root removes anything: run the launcher as nobody then, with the way to it open.
        String as = "root".equals(System.getProperty("user.name")) ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
        for (Path p = tmp; !p.equals(tmp.getParent()); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        String err = startForStderr(as + shell, other, Map.of(), "keys", "list");

        assertEquals("", err);
        assertTrue(Files.isRegularFile(lock.resolve("failed")), "the lock is another's to remove");
        assertFalse(Files.exists(trainings), "no training without the lock");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void theUsersAotOptionsReachNeitherTheTrainingNorTheJvm(String shell) throws Exception {
        // JDK 25 reads JDK_AOT_VM_OPTIONS as it assembles an AOT cache, jgvm's training's too: a collector there failed
        // it ("Multiple garbage collectors selected"), an agent made a cache every start refused with [error][aot] lines.
        Path trainings = tmp.resolve("trainings");
        Path other = countingTrainingJdk("25.0.1", trainings,
                "printf '%s|%s\\n' \"${JDK_AOT_VM_OPTIONS-unset}\" \"${_JGVM_WAS_JDK_AOT_VM_OPTIONS-unset}\" >\"$out\"");
        String key = key("25.0.1", other);
        Map<String, String> theirs = Map.of("JDK_AOT_VM_OPTIONS", "-XX:+UseG1GC -Dtheirs=1");

        assertEquals("", startForStderr(shell, other, Map.of("JGVM_TRAIN", "1", "JDK_AOT_VM_OPTIONS", "-XX:+UseG1GC -Dtheirs=1")));
        List<String> args = jvm(shell, theirs, "list-remote");

        assertEquals("unset|-XX:+UseG1GC -Dtheirs=1\n", Files.readString(tmp.resolve("lib/cache/" + key + ".aot")),
                "trained without it; kept for what jgvm starts");
        assertEquals("unset|-XX:+UseG1GC -Dtheirs=1\n", Files.readString(tmp.resolve("lib/cache/" + key + ".all.aot")));
        assertFalse(args.contains("-Dtheirs=1"), "its properties are an AOT cache's assembly's, not a JVM's: " + args);
    }

    /** As {@link #start}, with these variables too, but what the launcher printed on stderr (its JVM prints nothing). */
    private String startForStderr(String shell, Path javaHome, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(shell.split(" ")));
        cmd.add(launcher.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        return err;
    }

    /** The launcher's cache key for this JDK: its version and real home, each byte outside [A-Za-z0-9.+-] made _. */
    private static String key(String version, Path jdkHome) throws IOException {
        return version + "-" + jdkHome.toRealPath().toString().replaceAll("[^A-Za-z0-9.+-]", "_");
    }

    private static void twoHoursOld(Path p) throws IOException {
        Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 2 * 3600_000L));
    }

    private interface Condition { boolean holds() throws IOException; }

    private static void waitFor(Condition c, String what) throws Exception {
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); !c.holds(); Thread.sleep(50)) {
            assertTrue(System.nanoTime() < end, "never: " + what);
        }
    }

    /** A JDK whose training (one step on 17-23 and 25+) counts itself in {@code trainings} and then runs {@code then}. */
    private Path countingTrainingJdk(String version, Path trainings, String then) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("jdk-" + version + "/bin")).getParent();
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.writeString(home.resolve("bin/java"), """
                #!/bin/sh
                for a; do
                  case $a in
                    -XX:ArchiveClassesAtExit=*|-XX:AOTCacheOutput=*) out=${a#*=}; echo training >>"%s"; %s; exit 0 ;;
                  esac
                done
                """.formatted(trainings, then));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    /** Starts the launcher under this shell with this JDK and training allowed; waits for its JVM, not the training. */
    private void start(String shell, Path javaHome, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(shell.split(" ")));
        cmd.add(launcher.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("JAVA_HOME", javaHome.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }

    @ParameterizedTest
    @CsvSource({"17.0.9, .jsa, dash", "25.0.1, .aot, busybox sh", "25.0.1, .aot, bash --posix"})
    void aTrainingRemovesWhatEarlierBuildsOfTheSameJdkLeft(String version, String ext, String shell) throws Exception {
        // A JDK updated in place (a package update) gets a new key each time; each build left 20-50 MB of caches for good.
        Path other = fakeTrainingJdk(version, ":");
        Path cache = Files.createDirectories(tmp.resolve("lib/cache"));
        String home = other.toRealPath().toString().replaceAll("[^A-Za-z0-9.+-]", "_");
        String key = version + "-" + home;
        List<String> earlier = List.of("17.0.8+7-Debian-1-" + home + ext, "17.0.8+7-Debian-1-" + home + ".all" + ext,
                "25.0.0-" + home + ".aot", "17.0.1-" + home + ".jsa");
        for (String name : earlier) Files.writeString(cache.resolve(name), "trained old\n");
        Files.createDirectories(cache.resolve("17.0.8+7-Debian-1-" + home + ".all" + ext + ".lock"));
        Files.writeString(cache.resolve("17.0.8+7-Debian-1-" + home + ".all" + ext + ".lock/failed"), "Error\n");
        // Other JDKs' caches stay: another home, one whose name only begins like this one's, one ending in it after '_'.
        List<String> others = List.of("17.0.8-_opt_jdk17" + ext, "17.0.8-" + home + ".old" + ext, "17.0.8-" + home + "2" + ext,
                "17.0.8-_x_-" + home + ext);
        for (String name : others) Files.writeString(cache.resolve(name), "trained other\n");

        assertEquals(cache.resolve(key + ext) + "\n" + cache.resolve(key + ".all" + ext) + "\n", train(shell, other));

        try (var left = Files.list(cache)) {
            List<String> expected = new ArrayList<>(others);
            expected.addAll(List.of(key + ext, key + ".all" + ext));
            assertEquals(expected.stream().sorted().toList(), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /**
     * A JDK of this version whose {@code java} writes the cache it is asked to (the archive, the AOT cache or, on 24,
     * the record step's configuration, whose workload the create step's cache then says) a part at a time, as a
     * training does, running {@code end} halfway.
     */
    private Path fakeTrainingJdk(String version, String end) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("jdk-" + version + "/bin")).getParent();
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.writeString(home.resolve("bin/java"), """
                #!/bin/sh
                out= what=all auto=
                for a; do
                  case $a in
                    -XX:ArchiveClassesAtExit=*|-XX:AOTCache=*) out=${a#*=} ;;
                    -XX:AOTCacheOutput=*) out=${a#*=} auto=$out.config ;;
                    -XX:AOTConfiguration=*) [ -n "$out" ] || conf=${a#*=} ;;
                    quick) what=quick ;;
                  esac
                done
                if [ -z "$out" ]; then echo "$what" >"$conf"; exit 0; fi
                [ -z "$conf" ] || what=$(cat "$conf")
                # JDK 25's one step records the training in <cache>.config, removed once the cache is assembled from it.
                [ -z "$auto" ] || echo "$what" >"$auto"
                printf 'trained ' >"$out"
                %s
                echo "$what" >>"$out"
                [ -z "$auto" ] || rm -f "$auto"
                """.formatted(end));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    /** {@code JGVM_TRAIN=1 jgvm} (install.sh's and doctor --fix's training) under this shell with this JDK; its stdout. */
    private String train(String shell, Path javaHome) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(shell.split(" ")));
        cmd.add(launcher.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().put("JGVM_TRAIN", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals("", err);
        return out;
    }

    @Test
    void theRealJdkAcceptsEveryJvmFlagSilently() throws Exception {
        // A flag this JDK does not know would stop every install with "Unrecognized VM option"; a CompileCommand
        // without quiet would print on stdout, where 'jgvm install' prints the GOROOT.
        for (String[] command : List.of(new String[] {"install", "1.22"}, new String[] {"list-remote"}, new String[] {"list", "--json"})) {
            List<String> args = jvm(Map.of(), command);
            List<String> flags = new ArrayList<>(args.subList(1, args.indexOf("-cp")));
            flags.add(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
            flags.add("-version");
            Process p = new ProcessBuilder(flags).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), "the JDK refused " + flags);
            assertEquals("", out, "the JVM printed on stdout with " + flags);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void theUsersPropertiesThatConfigureTheJvmItselfAreLeftOut(String shell) throws Exception {
        // Set for the user's own programs: java.security.manager=allow (kept for JDK 18-23) stops JDK 24+ at VM start,
        // a system class loader jgvm has not stops every JDK, jdk.module.* is ignored with a warning at each start, and
        // user.dir moved jgvm to another directory (the .go-version it read, the one 'use' wrote).
        List<String> args = jvm(shell, Map.of(
                "JAVA_TOOL_OPTIONS", "-Djava.security.manager=allow -Djavax.net.ssl.trustStore=/etc/corp.p12 -Djava.security.manager",
                "JDK_JAVA_OPTIONS", "-Djava.system.class.loader=com.corp.Loader -Djdk.module.addmods=java.sql",
                "_JAVA_OPTIONS", "-Duser.dir=/ -Dhttps.proxyHost=proxy.corp"), "list-remote");

        assertEquals(List.of("-Djavax.net.ssl.trustStore=/etc/corp.p12", "-Dhttps.proxyHost=proxy.corp"),
                args.stream().filter(a -> a.startsWith("-D") && !a.startsWith("-Dfile.encoding=")).toList());
    }

    @Test
    void theJvmGetsAUtf8LocaleAndTheUsersLcAllGoesAlong() throws Exception {
        // list-remote always runs in the JVM; list is answered by the launcher itself (no JVM) when it can be.
        List<String> c = jvm(Map.of("LC_ALL", "C", "LANG", "de_DE.UTF-8"), "list-remote");
        List<String> none = jvm(Map.of(), "list-remote");
        List<String> utf8 = jvm(Map.of("LANG", "de_DE.UTF-8"), "list-remote");

        assertEquals("LC_ALL=C.UTF-8 _JGVM_LC_ALL=C", c.get(0));
        assertTrue(c.contains("-Dfile.encoding=UTF-8"), c.toString());
        assertEquals("LC_ALL=C.UTF-8 _JGVM_LC_ALL=@unset", none.get(0));
        assertEquals("LC_ALL=unset _JGVM_LC_ALL=unset", utf8.get(0), "a UTF-8 locale is left alone");
    }
}
