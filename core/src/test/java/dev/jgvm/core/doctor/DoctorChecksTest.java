package dev.jgvm.core.doctor;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.config.SettingsLoader;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.resolve.VersionResolver;
import dev.jgvm.core.store.InstallStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each doctor check against an environment built the way a newcomer's machine looks. */
class DoctorChecksTest {
    static final Platform LINUX_AMD64 = Platform.parse("linux/amd64");
    @TempDir Path tmp;
    Path home;
    Path project;
    Path shims;

    @BeforeEach
    void layout() throws IOException {
        home = tmp.resolve("jgvm");
        project = Files.createDirectories(tmp.resolve("src/api"));
        shims = Files.createDirectories(home.resolve("shims"));
        executable(shims.resolve("go"), "#!/bin/sh\necho shim\n");
    }

    // --- path

    @Test
    void anotherGoAheadOfTheShimsFailsAndNamesTheWinner() throws IOException {
        Path brew = stubGo(tmp.resolve("usr/local/go/bin"), "go1.21.0");
        Env env = env("PATH", brew.getParent() + ":" + shims + ":/usr/bin:/bin");

        Finding f = one(new PathCheck(), env, "path");

        assertEquals(Status.FAIL, f.status());
        assertEquals("'%s' (go1.21.0) comes before jgvm's shims on PATH, so it wins".formatted(brew), f.finding());
        assertEquals("put 'eval \"$(jgvm init bash)\"' last in ~/.bashrc, after any line that adds another Go to PATH, then open a new shell", f.fix());
    }

    @Test
    void aStaleGorootDoesNotHideTheVersionOfAnotherGoOnPath() throws IOException {
        // As Go does: a GOROOT that names a missing directory makes 'go version' fail, whatever go is run. Doctor asks
        // each go on PATH about itself, so it runs it without the user's GOROOT (the goroot check reports that).
        Path distro = executable(tmp.resolve("usr/lib/go-1.19/bin/go"), """
                #!/bin/sh
                if [ -n "$GOROOT" ] && [ ! -d "$GOROOT" ]; then echo "go: cannot find GOROOT directory: $GOROOT" >&2; exit 2; fi
                [ "$1" = version ] && echo 'go version go1.19.8 linux/amd64'
                """);
        Env env = env("PATH", distro.getParent() + ":" + shims, "GOROOT", home.resolve("versions/1.20.3").toString());

        Finding f = one(new PathCheck(), env, "path");

        assertEquals("'%s' (go1.19.8) comes before jgvm's shims on PATH, so it wins".formatted(distro), f.finding());
    }

    @Test
    void shimsFirstIsOkAndListsEveryOtherGoWithItsVersion() throws IOException {
        Path other = stubGo(tmp.resolve("opt/go/bin"), "go1.19.8");
        Env env = env("PATH", shims + ":" + other.getParent());

        Finding f = one(new PathCheck(), env, "path");

        assertEquals(Status.OK, f.status());
        assertEquals("jgvm's shim '%s' comes first on PATH; also on PATH, behind it: '%s' (go1.19.8)".formatted(shims.resolve("go"), other), f.finding());
    }

    @Test
    void shimsMissingFromPathFailWithTheSetUpLineForTheUsersShell() throws IOException {
        Path distro = stubGo(tmp.resolve("usr/lib/go-1.19/bin"), "go1.19.8");
        Env env = env("PATH", distro.getParent().toString(), "SHELL", "/usr/bin/zsh");

        Finding f = one(new PathCheck(), env, "path");

        assertEquals(Status.FAIL, f.status());
        assertEquals("jgvm's shims ('%s') are not on PATH: 'go' runs '%s' (go1.19.8)".formatted(shims, distro), f.finding());
        assertEquals("add 'eval \"$(jgvm init zsh)\"' to ~/.zshrc (or export PATH=\"%s:$PATH\"), then open a new shell".formatted(shims), f.fix());
    }

    // --- goroot, gobin, gopath

    @Test
    void aGorootThatIsGoneFails() {
        Env env = env("GOROOT", tmp.resolve("usr/local/go1.18").toString());

        Finding f = one(new GoEnvCheck(), env, "goroot");

        assertEquals(Status.FAIL, f.status());
        assertEquals("GOROOT='%s' has no bin/go: it points at a Go that is gone".formatted(tmp.resolve("usr/local/go1.18")), f.finding());
        assertTrue(f.fix().startsWith("remove 'export GOROOT=...' from your shell start-up files"), f.fix());
    }

    @Test
    void aGorootIntoShimsFails() {
        Finding f = one(new GoEnvCheck(), env("GOROOT", shims.toString()), "goroot");

        assertEquals(Status.FAIL, f.status());
        assertEquals("GOROOT='%s' points into jgvm's shims/, which holds no Go".formatted(shims), f.finding());
    }

    @Test
    void aGorootOfAnotherGoWarnsWithItsVersion() throws IOException {
        Path other = tmp.resolve("usr/local/go");
        stubGo(other.resolve("bin"), "go1.21.0");
        install("1.22.5", "#!/bin/sh\necho go1.22.5\n");
        Files.writeString(project.resolve(".go-version"), "1.22.5\n");

        Finding f = one(new GoEnvCheck(), env("GOROOT", other.toString()), "goroot");

        assertEquals(Status.WARN, f.status());
        assertEquals("GOROOT='%s' is another Go (go1.21.0) than the one jgvm selects (go1.22.5); tools that read GOROOT use it".formatted(other), f.finding());
    }

    @Test
    void gobinIntoShimsAndARelativeGopathFail() {
        Env env = env("GOBIN", shims.toString(), "GOPATH", "go");

        Finding gobin = one(new GoEnvCheck(), env, "gobin");
        Finding gopath = one(new GoEnvCheck(), env, "gopath");

        assertEquals(Status.FAIL, gobin.status());
        assertEquals("GOBIN='%s' is jgvm's shims/: go install writes there and jgvm rehash deletes what it wrote".formatted(shims), gobin.finding());
        assertEquals(Status.FAIL, gopath.status());
        assertEquals("GOPATH entry 'go' is not an absolute path", gopath.finding());
    }

    // --- gotoolchain

    @Test
    void goModNeedingANewerGoWithAutoFailsAsADownloadOutsideJgvm() throws IOException {
        install("1.22.5", "#!/bin/sh\n");
        Files.writeString(home.resolve("versions/1.22.5/go.env"), "GOPROXY=https://proxy.golang.org,direct\nGOTOOLCHAIN=auto\n");
        Files.writeString(project.resolve(".go-version"), "1.22.5\n");
        Files.writeString(project.resolve("go.mod"), "module example.com/api\n\ngo 1.24\n");

        Finding f = one(new ToolchainCheck(), env(), "gotoolchain");

        assertEquals(Status.FAIL, f.status());
        assertEquals("%s needs go1.24; selected 1.22.5; with GOTOOLCHAIN=auto (from '%s') Go downloads go1.24.0 itself, outside jgvm's mirrors and checks"
                .formatted(project.resolve("go.mod"), home.resolve("versions/1.22.5/go.env")), f.finding());
        assertEquals("run 'jgvm install 1.24' and 'jgvm use 1.24', or set 'gotoolchain = \"path\"' in config.toml", f.fix());
    }

    @Test
    void goToolchainSetNowhereReadsAsGosOwnFallbackLocal() throws IOException {
        // A Go whose go.env lost its GOTOOLCHAIN line (a packager's build), nothing in the environment or go env -w.
        install("1.22.5", "#!/bin/sh\n");
        Files.writeString(project.resolve(".go-version"), "1.22.5\n");
        Files.writeString(project.resolve("go.mod"), "module m\n\ngo 1.24.0\n");

        Finding f = one(new ToolchainCheck(), env(), "gotoolchain");

        assertEquals(Status.FAIL, f.status());
        assertEquals("%s needs go1.24.0; selected 1.22.5; GOTOOLCHAIN is set nowhere (not in the environment, go env -w or the selected Go's go.env),"
                .formatted(project.resolve("go.mod")) + " which Go takes as local: no switching, so go commands here fail with 'go.mod requires go >= 1.24.0'", f.finding());
        assertEquals("run 'jgvm install 1.24' and 'jgvm use 1.24'", f.fix());
    }

    @Test
    void pathModeWithTheNeededVersionMissingFailsNamingTheInstall() throws IOException {
        install("1.22.5", "#!/bin/sh\n");
        Files.writeString(project.resolve(".go-version"), "1.22.5\n");
        Files.writeString(project.resolve("go.mod"), "module m\n\ngo 1.22\n\ntoolchain go1.23.4\n");

        Finding f = one(new ToolchainCheck(), env("JGVM_GOTOOLCHAIN", "path"), "gotoolchain");

        assertEquals(Status.FAIL, f.status());
        assertTrue(f.finding().endsWith("with GOTOOLCHAIN=path (from jgvm's gotoolchain setting, which its shims export) Go finds no go1.23.4 on PATH and stops"), f.finding());
        assertEquals("run 'jgvm install 1.23.4' (Go's switch then runs jgvm's go1.23.4), or 'jgvm install 1.23' and 'jgvm use 1.23'", f.fix());
    }

    @Test
    void aSwitchToAnInstalledVersionGoesThroughJgvmAndOnlyWarns() throws IOException {
        install("1.22.5", "#!/bin/sh\n");
        install("1.24.0", "#!/bin/sh\n");
        Files.writeString(project.resolve(".go-version"), "1.22.5\n");
        Files.writeString(project.resolve("go.mod"), "module m\n\ngo 1.24.0\n");

        Finding f = one(new ToolchainCheck(), env("GOTOOLCHAIN", "auto"), "gotoolchain");

        assertEquals(Status.WARN, f.status());
        assertTrue(f.finding().endsWith("with GOTOOLCHAIN=auto (from the environment) Go switches to jgvm's go1.24.0 (a version command in shims/)"), f.finding());
        assertEquals("run 'jgvm use 1.24.0' to select it directly", f.fix());
    }

    @Test
    void aSatisfiedGoLineIsOk() throws IOException {
        install("1.22.5", "#!/bin/sh\n");
        Files.writeString(project.resolve(".go-version"), "1.22.5\n");
        Files.writeString(project.resolve("go.mod"), "module m\n\ngo 1.21\n");

        assertEquals(Status.OK, one(new ToolchainCheck(), env("GOTOOLCHAIN", "auto"), "gotoolchain").status());
    }

    @Test
    void aGoVersionFileThatDisagreesWithTheToolchainLineWarns() throws IOException {
        install("1.22.5", "#!/bin/sh\n");
        Files.writeString(project.resolve(".go-version"), "1.22.5\n");
        Files.writeString(project.resolve("go.mod"), "module m\n\ngo 1.22\n\ntoolchain go1.23.4\n");

        Finding f = one(new ToolchainCheck(), env(), "toolchain-pin");

        assertEquals(Status.WARN, f.status());
        assertEquals("%s says 1.22.5 but %s's toolchain line says go1.23.4; jgvm uses .go-version's".formatted(project.resolve(".go-version"), project.resolve("go.mod")), f.finding());
        assertEquals("run 'jgvm use 1.23.4' to write it into .go-version, or change the toolchain line", f.fix());
    }

    // --- platform

    @Test
    void aJgvmPlatformThatIsNotTheMachinesWarns() {
        Env env = env("JGVM_PLATFORM", "linux/arm64");

        Finding differs = new PlatformCheck(Optional.of(LINUX_AMD64)).examine(situation(env, Platform.parse("linux/arm64"), "amd64")).get(0);
        Finding same = new PlatformCheck(Optional.of(LINUX_AMD64)).examine(situation(env(), LINUX_AMD64, "amd64")).get(0);

        assertEquals(Status.WARN, differs.status());
        assertEquals("JGVM_PLATFORM=linux/arm64 makes jgvm install Go for linux/arm64, but this machine is linux/amd64", differs.finding());
        assertEquals("unset JGVM_PLATFORM (remove it from your shell start-up files) unless you install for another machine on purpose", differs.fix());
        assertEquals(Status.OK, same.status());
    }

    // --- arch

    @Test
    void elfHeadersAreCheckedAgainstTheMachine() throws IOException {
        install("1.22.5", null);
        Files.write(home.resolve("versions/1.22.5/bin/go"), elf(0x3E));
        install("1.21.13", null);
        Files.write(home.resolve("versions/1.21.13/bin/go"), elf(0xB7));

        Finding amd64 = one(new ArchitectureCheck(), env(), LINUX_AMD64, "arch");
        Finding arm64 = one(new ArchitectureCheck(), env(), Platform.parse("linux/arm64"), "arch");

        assertEquals(Status.FAIL, amd64.status());
        assertEquals("1.21.13's bin/go is built for linux/arm64, this machine is linux/amd64", amd64.finding());
        assertEquals("run 'jgvm install --force --platform linux/amd64 1.21.13'", amd64.fix());
        assertEquals("1.22.5's bin/go is built for linux/amd64, this machine is linux/arm64", arm64.finding());
    }

    @Test
    void anArmv6lGoOnArm64LinuxFails() throws IOException {
        install("1.22.5", null);
        byte[] arm = elf(0x28);
        arm[4] = 1; // 32-bit
        Files.write(home.resolve("versions/1.22.5/bin/go"), arm);

        Finding f = one(new ArchitectureCheck(), env(), Platform.parse("linux/arm64"), "arch");

        assertEquals(Status.FAIL, f.status());
        assertEquals("1.22.5's bin/go is built for linux/armv6l (32-bit ARM), this machine is linux/arm64", f.finding());
        assertEquals("run 'jgvm install --force --platform linux/arm64 1.22.5'", f.fix());
    }

    @Test
    void anAmd64MachOGoOnAppleSiliconRunsUnderRosettaAndWarns() throws IOException {
        install("1.22.5", null);
        byte[] macho = new byte[64];
        ByteBuffer.wrap(macho).order(ByteOrder.LITTLE_ENDIAN).putInt(0xFEEDFACF).putInt(0x01000007);
        Files.write(home.resolve("versions/1.22.5/bin/go"), macho);

        Finding onArm = one(new ArchitectureCheck(), env(), Platform.parse("darwin/arm64"), "arch");
        Finding onIntel = one(new ArchitectureCheck(), env(), Platform.parse("darwin/amd64"), "arch");

        assertEquals(Status.WARN, onArm.status());
        assertEquals("1.22.5 is darwin/amd64 and runs translated by Rosetta on this arm64 Mac", onArm.finding());
        assertEquals("run 'jgvm install --force --platform darwin/arm64 1.22.5'", onArm.fix());
        assertEquals(Status.OK, onIntel.status());
    }

    // --- rosetta: sysctl stands in on PATH, JGVM_PLATFORM-like machine darwin/arm64, the JVM's os.arch in Jdk

    @Test
    void aShellUnderRosettaOnAnArm64MacWarnsWithTheWayBackToANativeShell() throws IOException {
        Env env = env("PATH", sysctl("1", "0") + ":/usr/bin:/bin", RosettaCheck.SHELL_VARIABLE, "1");

        Finding f = rosetta(env, "aarch64");

        assertEquals(Status.WARN, f.status());
        assertEquals("the shell that started jgvm runs translated by Rosetta (as x86_64) on this arm64 Mac, so the universal programs it starts"
                + " run as x86_64 too (clang for cgo, make, git)", f.finding());
        assertEquals("open a terminal that does not use Rosetta (the terminal app's Get Info: untick 'Open using Rosetta'),"
                + " or start a native shell with 'arch -arm64 /bin/zsh -l'", f.fix());
    }

    @Test
    void anX86JvmOnAnArm64MacWarnsWithAnArm64Jdk() throws IOException {
        Env env = env("PATH", sysctl("1", "0") + ":/usr/bin:/bin", RosettaCheck.SHELL_VARIABLE, "0");

        Finding byArch = rosetta(env, "x86_64");
        Finding bySysctl = rosetta(env("PATH", sysctl("1", "1") + ":/usr/bin:/bin"), "aarch64");

        assertEquals(Status.WARN, byArch.status());
        assertEquals("jgvm's JVM ('%s', os.arch x86_64) runs translated by Rosetta on this arm64 Mac, so every jgvm command that starts Java is slower"
                .formatted(tmp.resolve("jdk")), byArch.finding());
        assertEquals("install an arm64 JDK 17+ (for example 'brew install openjdk@21' with Homebrew in /opt/homebrew) and point JAVA_HOME at it", byArch.fix());
        assertEquals(Status.WARN, bySysctl.status());
        assertTrue(bySysctl.finding().startsWith("jgvm's JVM ("), bySysctl.finding());
    }

    @Test
    void nativeShellAndJvmAnIntelMacAndLinuxGiveNoWarning() throws IOException {
        Finding nativeBoth = rosetta(env("PATH", sysctl("1", "0") + ":/usr/bin:/bin"), "aarch64");
        Finding intel = rosetta(env("PATH", sysctl("0", "0") + ":/usr/bin:/bin", RosettaCheck.SHELL_VARIABLE, "1"), "x86_64");
        List<Finding> linux = new RosettaCheck().examine(situation(env(), LINUX_AMD64, "x86_64"));

        assertEquals(Status.OK, nativeBoth.status());
        assertEquals("neither the shell that started jgvm nor jgvm's JVM runs translated by Rosetta on this arm64 Mac", nativeBoth.finding());
        assertEquals(Status.OK, intel.status());
        assertEquals("an Intel Mac: nothing runs translated by Rosetta", intel.finding());
        assertEquals(List.of(), linux, "only a Mac gets the check");
    }

    private Finding rosetta(Env env, String jvmArch) {
        List<Finding> all = new RosettaCheck().examine(situation(env, Platform.parse("darwin/arm64"), jvmArch));
        assertEquals(1, all.size(), all.toString());
        assertEquals("rosetta", all.get(0).id());
        return all.get(0);
    }

    // A sysctl that answers hw.optional.arm64 and sysctl.proc_translated (for the process that runs it) as told.
    private Path sysctl(String arm64, String translated) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("sysctl-" + arm64 + translated));
        executable(bin.resolve("sysctl"), """
                #!/bin/sh
                case "$2" in
                  hw.optional.arm64) echo %s ;;
                  sysctl.proc_translated) echo %s ;;
                  *) echo "sysctl: unknown oid '$2'" >&2; exit 1 ;;
                esac
                """.formatted(arm64, translated));
        return bin;
    }

    // --- cgo

    @Test
    void noCompilerOnPathWarnsAndFailsWhenCgoIsDemanded() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Env env = env("PATH", shims + ":" + bin);

        Finding off = one(new CgoCheck(), env, "cgo");
        Finding demanded = one(new CgoCheck(), env.with("CGO_ENABLED", "1"), "cgo");
        Finding disabled = one(new CgoCheck(), env.with("CGO_ENABLED", "0"), "cgo");
        executable(bin.resolve("gcc"), "#!/bin/sh\n");
        Finding present = one(new CgoCheck(), env, "cgo");

        assertEquals(Status.WARN, off.status());
        assertEquals("no C compiler: 'gcc' (Go's default C compiler) is not on PATH; Go builds with cgo off, and packages that import \"C\" (go-sqlite3 and the like) fail to build", off.finding());
        assertTrue(off.fix().startsWith("install one (Debian/Ubuntu: 'sudo apt-get install gcc'"), off.fix());
        assertEquals(Status.FAIL, demanded.status());
        assertTrue(demanded.finding().endsWith("CGO_ENABLED=1 asks for cgo, so builds fail"), demanded.finding());
        assertEquals(Status.OK, disabled.status());
        assertEquals("cgo can build: 'gcc' (Go's default C compiler) is '%s'".formatted(bin.resolve("gcc")), present.finding());
    }

    @Test
    void onMacOsMissingCommandLineToolsFail() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        executable(bin.resolve("clang"), "#!/bin/sh\n");
        executable(bin.resolve("xcrun"), "#!/bin/sh\necho 'xcrun: error: invalid active developer path' >&2\nexit 1\n");

        Finding f = one(new CgoCheck(), env("PATH", bin.toString()), Platform.parse("darwin/arm64"), "cgo");

        assertEquals(Status.FAIL, f.status());
        assertEquals("the Xcode command-line tools are missing ('xcrun --find clang' fails), so cgo builds fail", f.finding());
        assertEquals("run 'xcode-select --install', or CGO_ENABLED=0 if you need no cgo", f.fix());
    }

    // --- shims, version files, directories, jdk

    @Test
    void staleAndMissingShimsAreRepairedByRehash() throws IOException {
        executable(shims.resolve("gofmt"), "#!/bin/sh\nold\n");
        executable(shims.resolve("go1.19"), "#!/bin/sh\nold\n");
        Situation s = new Situation(env(), settings(env()), store(env()), resolution(env()), LINUX_AMD64,
                Map.of("go", "#!/bin/sh\necho shim\n", "gofmt", "#!/bin/sh\nnew\n", "vet", "#!/bin/sh\n"), jdk(), List.of());

        Finding f = new ShimCheck().examine(s).get(0);

        assertEquals(Status.WARN, f.status());
        assertEquals("shims in '%s': missing 'vet'; written by another jgvm or with other settings: 'gofmt'; no longer wanted: 'go1.19'".formatted(shims), f.finding());
        assertEquals("run 'jgvm rehash'", f.fix());
        assertEquals(Optional.of(Repair.REHASH), f.repair());
    }

    @Test
    void aVersionFileNamingNoVersionWarns() throws IOException {
        install("1.22.5", "#!/bin/sh\n");
        Files.writeString(home.resolve("version"), "1.22.5\n");
        Files.writeString(project.resolve(".go-version"), "stable\n");

        Finding f = one(new VersionFileCheck(), env(), "version-files");

        assertEquals(Status.WARN, f.status());
        assertEquals("skipped as naming no usable version: %s ('stable' is not a version)".formatted(project.resolve(".go-version")), f.finding());
    }

    @Test
    void missingDirectoriesAreCreatedByTheRepair() throws IOException {
        Finding f = one(new HomeCheck(), env(), "directories");

        assertEquals(Status.WARN, f.status());
        assertTrue(f.finding().startsWith("missing in '%s': versions/, aliases/, meta/".formatted(home)), f.finding());
        assertEquals(Optional.of(Repair.CREATE_DIRECTORIES), f.repair());
        HomeCheck.createDirectories(store(env()));
        assertEquals(Status.OK, one(new HomeCheck(), env(), "directories").status());
        assertTrue(one(new HomeCheck(), env(), "disk").finding().contains(" free for '" + home + "'"));
    }

    @Test
    void theStartUpCacheIsLookedForUnderTheLaunchersName() throws IOException {
        Path jdkHome = Files.createDirectories(tmp.resolve("jdk 21"));
        Situation s = launcherAndJdk(jdkHome, "JAVA_VERSION=\"21.0.5\"\n", "21.0.5");

        Finding untrained = new JdkCheck().examine(s).get(0);
        String key = "21.0.5-" + jdkHome.toString().replaceAll("[^A-Za-z0-9.+-]", "_");
        Path cache = home.resolve("lib/cache/" + key + ".jsa");
        Files.createDirectories(cache.getParent());
        Files.writeString(cache, "x");
        Files.writeString(home.resolve("lib/cache/" + key + ".all.jsa"), "x");
        Finding trained = new JdkCheck().examine(s).get(0);

        assertEquals(Status.WARN, untrained.status());
        assertEquals(Optional.of(Repair.RETRAIN), untrained.repair());
        assertTrue(untrained.finding().contains("its start-up cache '%s' is not trained yet".formatted(cache)), untrained.finding());
        assertEquals(Status.OK, trained.status());
    }

    @Test
    void aNonAsciiJdkHomeIsKeyedByteByByteAsTheLauncherKeysIt() throws IOException {
        // The launcher's key loop runs under LC_ALL=C: each byte of a non-ASCII name is one '_' in dash, busybox and bash.
        Path jdkHome = Files.createDirectories(tmp.resolve("jdk-\u00e917"));
        Situation s = launcherAndJdk(jdkHome, "JAVA_VERSION=\"17.0.15\"\n", "17.0.15");
        String key = "17.0.15-" + tmp.toString().replaceAll("[^A-Za-z0-9.+-]", "_") + "_jdk-__17";
        Path cache = Files.createDirectories(home.resolve("lib/cache"));
        Files.writeString(cache.resolve(key + ".jsa"), "x");
        Files.writeString(cache.resolve(key + ".all.jsa"), "x");

        Finding f = new JdkCheck().examine(s).get(0);

        assertEquals(Status.OK, f.status(), f.finding());
    }

    @Test
    void theStartUpCacheIsKeyedByTheBuildsRuntimeVersionAsTheLauncherKeysIt() throws IOException {
        // A JDK rebuilt in place under the same JAVA_VERSION gets new caches from the launcher; doctor looks for those.
        Path jdkHome = Files.createDirectories(tmp.resolve("jdk25"));
        Situation s = launcherAndJdk(jdkHome, "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_RUNTIME_VERSION=\"25.0.1+9-LTS\"\n"
                + "JAVA_VERSION=\"25.0.1\"\nMODULES=\"java.base\"\n", "25.0.1");
        String safeHome = jdkHome.toString().replaceAll("[^A-Za-z0-9.+-]", "_");
        Path cache = Files.createDirectories(home.resolve("lib/cache"));
        Files.writeString(cache.resolve("25.0.1-" + safeHome + ".aot"), "x");
        Files.writeString(cache.resolve("25.0.1-" + safeHome + ".all.aot"), "x");

        Finding oldBuildsOnly = new JdkCheck().examine(s).get(0);
        Files.writeString(cache.resolve("25.0.1+9-LTS-" + safeHome + ".aot"), "x");
        Files.writeString(cache.resolve("25.0.1+9-LTS-" + safeHome + ".all.aot"), "x");
        Finding trained = new JdkCheck().examine(s).get(0);

        assertEquals(Status.WARN, oldBuildsOnly.status(), oldBuildsOnly.finding());
        assertTrue(oldBuildsOnly.finding().contains("'" + cache.resolve("25.0.1+9-LTS-" + safeHome + ".aot") + "' is not trained yet"),
                oldBuildsOnly.finding());
        assertEquals(Status.OK, trained.status(), trained.finding());
    }

    @Test
    void aTrainingThatFailedIsShownWithWhatTheJdkSaid() throws IOException {
        // The launcher keeps a failed background training's output in its lock (lock/failed) and does not retry for an
        // hour; doctor says why the commands stay slow, and for a JDK without its base CDS archive, what mends it.
        Path jdkHome = Files.createDirectories(tmp.resolve("jdk17"));
        Situation s = launcherAndJdk(jdkHome, "JAVA_VERSION=\"17.0.15\"\n", "17.0.15");
        String key = "17.0.15-" + jdkHome.toString().replaceAll("[^A-Za-z0-9.+-]", "_");
        Path cache = Files.createDirectories(home.resolve("lib/cache"));
        // The everyday commands' cache is not trained either (none of them has started a JVM yet), without a failure.
        Path lock = Files.createDirectories(cache.resolve(key + ".all.jsa.lock"));
        Files.writeString(lock.resolve("failed"), "Error occurred during initialization of VM\n"
                + "DynamicDumpSharedSpaces is unsupported when base CDS archive is not loaded\n\n");

        Finding noBase = new JdkCheck().examine(s).get(0);
        Files.writeString(lock.resolve("failed"), "Error occurred during initialization of VM\nCould not reserve enough space\n");
        Finding other = new JdkCheck().examine(s).get(0);

        assertEquals(Status.WARN, noBase.status());
        assertTrue(noBase.finding().contains("its start-up cache '%s' could not be trained: DynamicDumpSharedSpaces is unsupported when base CDS archive is not loaded"
                .formatted(cache.resolve(key + ".all.jsa"))), noBase.finding());
        assertTrue(noBase.fix().contains("'" + jdkHome.resolve("bin/java") + " -Xshare:dump'"), noBase.fix());
        assertEquals(Optional.of(Repair.RETRAIN), noBase.repair());
        assertTrue(other.finding().endsWith("could not be trained: Could not reserve enough space; every jgvm command starts slower"), other.finding());
        assertTrue(other.fix().startsWith("run 'jgvm doctor --fix'"), other.fix());
    }

    @ParameterizedTest
    @CsvSource({"21.0.5, .jsa", "25.0.1, .aot"})
    void bothStartUpCachesMustBeTrained(String version, String ext) throws IOException {
        // The launcher gives the everyday commands a cache of their own and the others another (launcher.sh).
        Path jdkHome = Files.createDirectories(tmp.resolve("jdk" + version));
        Situation s = launcherAndJdk(jdkHome, "JAVA_VERSION=\"" + version + "\"\n", version);
        String key = version + "-" + jdkHome.toString().replaceAll("[^A-Za-z0-9.+-]", "_");
        Path quick = home.resolve("lib/cache/" + key + ext);
        Path all = home.resolve("lib/cache/" + key + ".all" + ext);
        Files.createDirectories(quick.getParent());
        Files.writeString(quick, "x");

        Finding half = new JdkCheck().examine(s).get(0);
        Files.writeString(all, "x");
        Finding both = new JdkCheck().examine(s).get(0);

        assertEquals(Status.WARN, half.status());
        assertTrue(half.finding().contains("its start-up cache '%s' is not trained yet".formatted(all)), half.finding());
        assertEquals(Status.OK, both.status());
    }

    // --- helpers

    private Env env(String... kv) {
        Object[] all = new Object[kv.length + 6];
        all[0] = "HOME";
        all[1] = tmp;
        all[2] = "JGVM_HOME";
        all[3] = home;
        all[4] = "PATH";
        all[5] = shims + ":/usr/bin:/bin";
        System.arraycopy(kv, 0, all, 6, kv.length);
        Env e = Env.of(all);
        for (int i = 0; i < kv.length; i += 2) e = e.with(kv[i], kv[i + 1]);
        return e.withCwd(project);
    }

    private Finding one(Check check, Env env, String id) { return one(check, env, LINUX_AMD64, id); }

    private Finding one(Check check, Env env, Platform machine, String id) {
        return check.examine(situation(env, machine, "amd64")).stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    private Situation situation(Env env, Platform machine, String jvmArch) {
        return new Situation(env, settings(env), store(env), resolution(env), machine, Map.of(), new Situation.Jdk(tmp.resolve("jdk"), "21.0.5", jvmArch), List.of());
    }

    /** jgvm's launcher installed, and the JVM running from {@code jdkHome} with this release file, at {@code version}. */
    private Situation launcherAndJdk(Path jdkHome, String release, String version) throws IOException {
        executable(Files.createDirectories(home.resolve("bin")).resolve("jgvm"), "#!/bin/sh\n");
        Files.writeString(jdkHome.resolve("release"), release);
        return new Situation(env(), settings(env()), store(env()), resolution(env()), LINUX_AMD64, Map.of(),
                new Situation.Jdk(jdkHome, version), List.of());
    }

    private Situation.Jdk jdk() { return new Situation.Jdk(tmp.resolve("jdk"), "21.0.5", "amd64"); }

    private static Settings settings(Env env) { return new SettingsLoader().load(env); }

    private static InstallStore store(Env env) { return new InstallStore(env.jgvmHome(), Duration.ofSeconds(5)); }

    private static Resolution resolution(Env env) { return new VersionResolver().resolve(env, settings(env).readGoMod(), store(env)); }

    private void install(String version, String goScript) throws IOException {
        Path bin = Files.createDirectories(home.resolve("versions").resolve(version).resolve("bin"));
        if (goScript != null) executable(bin.resolve("go"), goScript);
    }

    private static Path stubGo(Path dir, String version) throws IOException {
        Files.createDirectories(dir);
        return executable(dir.resolve("go"), "#!/bin/sh\n[ \"$1\" = version ] && echo 'go version %s linux/amd64'\n".formatted(version));
    }

    private static Path executable(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** The first 64 bytes of a 64-bit little-endian ELF executable for one e_machine. */
    static byte[] elf(int machine) {
        byte[] b = new byte[64];
        b[0] = 0x7f;
        b[1] = 'E';
        b[2] = 'L';
        b[3] = 'F';
        b[4] = 2;
        b[5] = 1;
        b[6] = 1;
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(16, (short) 2).putShort(18, (short) machine);
        return b;
    }
}
