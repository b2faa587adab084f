package dev.jgvm.cli;

import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.store.StoreLock;
import dev.jgvm.fixtures.ArchiveBuilder;
import dev.jgvm.fixtures.FixtureDistribution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command in process: exact stdout, exit code and the stderr a user reads. */
class CliTest {
    @TempDir Path tmp;
    private Path home;
    private Path project;
    private Path downloads;

    @BeforeEach
    void layOut() throws IOException {
        home = tmp.resolve("jgvm");
        project = Files.createDirectories(tmp.resolve("src/api"));
        downloads = Files.createDirectories(tmp.resolve("downloads"));
    }

    private Env env() {
        // The mirror chain is an empty local directory: these tests never reach the network.
        return Env.of("JGVM_HOME", home, "HOME", tmp, "PATH", "/usr/bin:/bin", "JGVM_PLATFORM", "linux/amd64",
                "JGVM_LOCK_TIMEOUT", "0.5", "JGVM_MIRRORS", "dl+" + tmp.resolve("no-mirror").toUri(),
                "JGVM_ORIGINS", "https://127.0.0.1:9/", "JGVM_CONNECT_TIMEOUT", "1s", "JGVM_RETRIES", "0").withCwd(project);
    }

    private CliResult jgvm(String... args) { return Cli.inProcess(env()).run(args); }

    private CliResult jgvmIn(Path cwd, String... args) { return Cli.inProcess(env().withCwd(cwd)).run(args); }

    private Path archive(String version) { return FixtureDistribution.of(version).writeTarGz(downloads); }

    private CliResult install(String version) {
        Path a = archive(version);
        return jgvm("install", "--from", a.toString(), "--sha256", FixtureDistribution.sha256(a));
    }

    @Test
    void installPrintsTheNewGoRootAndSetsTheFirstDefault() {
        CliResult r = install("1.22.5");

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(home.resolve("versions/1.22.5") + "\n", r.out());
        assertTrue(r.err().contains("info: installed go 1.22.5 in " + home.resolve("versions/1.22.5")), r.err());
        assertTrue(r.err().contains("info: go 1.22.5 is now the global default"), r.err());
        assertTrue(Files.isExecutable(home.resolve("shims/go")));
        assertTrue(Files.isExecutable(home.resolve("shims/gofmt")));
    }

    @Test
    void installingTwiceSaysSoAndSucceeds() {
        install("1.22.5");

        CliResult r = install("1.22.5");

        assertEquals(0, r.exitCode());
        assertEquals(home.resolve("versions/1.22.5") + "\n", r.out());
        assertTrue(r.err().contains("info: go 1.22.5 is already installed"), r.err());
    }

    @Test
    void anArchiveInstalledFromAFileIsCachedAsProvenSoTheVersionReinstallsWithoutIt() throws IOException {
        Path a = archive("1.22.5");
        String sha = FixtureDistribution.sha256(a);
        Path wrong = FixtureDistribution.of("1.21.13").writeTarGz(downloads);

        CliResult refused = jgvm("install", "--from", wrong.toString(), "--sha256", "ab".repeat(32));
        CliResult installed = jgvm("install", "--from", a.toString(), "--sha256", sha);
        Files.writeString(a, "changed after the install");   // what the cache holds is the copy that was proven
        CliResult listed = jgvm("cache", "list");
        assertEquals(0, jgvm("uninstall", "1.22.5").exitCode());
        CliResult again = jgvm("install", "--offline", "1.22.5");

        assertEquals(4, refused.exitCode(), refused.toString());
        assertEquals(0, installed.exitCode(), installed.toString());
        assertEquals(1, listed.out().lines().count(), listed.toString());
        assertTrue(listed.out().startsWith("archive  go1.22.5.linux-amd64.tar.gz  1.22.5  linux/amd64  "), listed.toString());
        assertEquals(sha, FixtureDistribution.sha256(home.resolve("cache/downloads/" + sha)));
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(Files.isExecutable(home.resolve("versions/1.22.5/bin/go")));
    }

    @Test
    void aZipArchiveInstallsToo() {
        Path zip = FixtureDistribution.of("1.22.5").writeZip(downloads);

        CliResult r = jgvm("install", "--from", zip.toString(), "--sha256", FixtureDistribution.sha256(zip));

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(Files.isExecutable(home.resolve("versions/1.22.5/bin/go")));
    }

    @Test
    void aWrongDigestExitsFourAndInstallsNothing() {
        Path a = archive("1.22.5");

        CliResult r = jgvm("install", "--from", a.toString(), "--sha256", "ab".repeat(32));

        assertEquals(4, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("error: checksum mismatch for 'go1.22.5.linux-amd64.tar.gz': expected abab"), r.err());
        assertTrue(r.err().contains("\nhint: "), r.err());
        assertFalse(Files.exists(home.resolve("versions/1.22.5")));
    }

    @Test
    void withoutADigestTheInstallIsRefusedWithAHint() {
        CliResult r = jgvm("install", "--from", archive("1.22.5").toString());

        assertEquals(4, r.exitCode());
        assertEquals("error: no evidence that 'go1.22.5.linux-amd64.tar.gz' is genuine\n"
                + "hint: pass --sha256 with the digest published for it (go.dev/dl lists every file's SHA-256), put its official .asc next to it, "
                + "or import a bundle that holds it\n", r.err());
    }

    @Test
    void hostileArchivesExitFourAndPublishNothing() {
        List<ArchiveBuilder> hostile = List.of(
                ArchiveBuilder.tarGz().minimalGo("1.22.5").file("go/../../../tmp/evil", "x", 0755),
                ArchiveBuilder.tarGz().minimalGo("1.22.5").symlink("go/bin/evil", "../../../../etc/passwd"),
                ArchiveBuilder.tarGz().minimalGo("1.22.5").zeros("go/bomb", 150L << 20),
                ArchiveBuilder.zip().minimalGo("1.22.5").file("/abs", "x", 0644));
        for (ArchiveBuilder b : hostile) {
            Path a = b.write(downloads.resolve(hostile.indexOf(b) == 3 ? "go1.22.5.linux-amd64.zip" : "go1.22.5.linux-amd64.tar.gz"));

            CliResult r = jgvm("install", "--from", a.toString(), "--sha256", FixtureDistribution.sha256(a));

            assertEquals(4, r.exitCode(), r.toString());
            assertTrue(r.err().startsWith("error: unsafe archive: entry '"), r.err());
            assertFalse(Files.exists(home.resolve("versions/1.22.5")));
        }
    }

    @Test
    void aMalformedDigestIsAUsageError() {
        CliResult r = jgvm("install", "--from", archive("1.22.5").toString(), "--sha256", "xyz");

        assertEquals(2, r.exitCode());
        assertEquals("error: 'xyz' is not a SHA-256 digest\nhint: a SHA-256 digest is 64 hexadecimal digits, as sha256sum prints it\n", r.err());
    }

    @Test
    void aMissingFileIsAUsageError() {
        CliResult r = jgvm("install", "--from", "nope.tar.gz", "--sha256", "ab".repeat(32));

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: no such archive '" + project.resolve("nope.tar.gz") + "'"), r.err());
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithAHint() {
        CliResult r = jgvm("install", "--frm", "x");

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: unknown option: '--frm'"), r.err());
        assertTrue(r.err().contains("hint: run 'jgvm install --help' for usage"), r.err());
    }

    @Test
    void envGivenTheShellAsAWordSaysToUseTheShellOption() {
        // 'jgvm init fish' takes the shell as a word; env takes it as --shell, and a user mixing them up is told so.
        CliResult r = jgvm("env", "fish");

        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals("error: unmatched argument at index 1: 'fish'\nhint: write 'jgvm env --shell fish'\n", r.err());
    }

    @Test
    void anUnknownCommandIsNamedWithAHint() {
        CliResult r = jgvm("frob");

        assertEquals(2, r.exitCode());
        assertEquals("error: unknown command 'frob'\nhint: run 'jgvm --help' for the commands\n", r.err());
    }

    @Test
    void aBusyLockExitsSixNamingTheLockFile() throws IOException {
        Path lockFile = home.resolve("locks/1.22.5.lock");
        Files.createDirectories(lockFile.getParent());

        try (StoreLock held = StoreLock.acquire(lockFile, Duration.ofSeconds(1))) {
            CliResult r = install("1.22.5");

            assertEquals(6, r.exitCode(), r.toString());
            assertTrue(r.err().contains("'" + lockFile + "'"), r.err());
        }
    }

    @Test
    void listMarksTheVersionUsedHereAndTheGlobalDefault() throws IOException {
        install("1.22.5");
        install("1.21.13");
        Files.writeString(project.resolve(".go-version"), "1.21\n");

        CliResult r = jgvm("list");

        assertEquals(0, r.exitCode());
        assertEquals("* 1.21.13\n  1.22.5 (global default)\n", r.out());
        assertEquals("1.21.13\n1.22.5\n", jgvm("ls", "-q").out());
    }

    @Test
    void listMarksTheGlobalDefaultAsTheResolverReadsIt() throws IOException {
        install("1.22.5");
        install("1.21.13");
        Files.writeString(home.resolve("version"), "# the team's default\r\ngo1.21.13\r\n");

        CliResult r = jgvm("list");

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("* 1.21.13 (global default)\n  1.22.5\n", r.out());
    }

    @Test
    void listWithNothingInstalledSaysHowToInstall() {
        CliResult r = jgvm("list");

        assertEquals(0, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("info: no Go versions are installed\nhint: "), r.err());
    }

    @Test
    void listAsJson() {
        install("1.22.5");

        CliResult r = jgvm("list", "--json");

        assertEquals("""
                [
                  {
                    "version": "1.22.5",
                    "goroot": "%s",
                    "used_here": true,
                    "global_default": true
                  }
                ]
                """.formatted(home.resolve("versions/1.22.5")), r.out());
    }

    @Test
    void useWritesGoVersionAndCurrentExplainsIt() throws IOException {
        install("1.22.5");
        install("1.21.13");

        CliResult use = jgvm("use", "go1.21");
        CliResult current = jgvm("current");

        assertEquals(0, use.exitCode(), use.toString());
        assertEquals("", use.out());
        assertEquals("1.21\n", Files.readString(project.resolve(".go-version")));
        assertEquals("1.21.13 (from " + project.resolve(".go-version") + ")\n", current.out());
        assertEquals("1.21.13\n", jgvm("current", "-q").out());
    }

    @Test
    void currentUseAndInstallWarnWhenTheSelectionIsOlderThanGoModsGoLine() throws IOException {
        install("1.21.13");
        Files.writeString(project.resolve("go.mod"), "module example.com/api\n\ngo 1.22.5\n");
        String warning = ("warn: %s needs go 1.22.5 or newer, but the selected go 1.21.13 is older; with GOTOOLCHAIN=auto Go downloads go1.22.5 itself, outside jgvm's mirrors and checks\n"
                + "hint: run 'jgvm install 1.22' and 'jgvm use 1.22', or set gotoolchain = \"path\" in config.toml ('jgvm doctor' explains)\n")
                .formatted(project.resolve("go.mod"));

        CliResult use = jgvm("use", "1.21.13");
        CliResult current = jgvm("current");
        CliResult again = jgvm("install", "1.21.13");
        CliResult pathMode = Cli.inProcess(env().with("JGVM_GOTOOLCHAIN", "path")).run("current");
        install("1.22.5");
        CliResult switches = jgvm("current");
        CliResult newer = jgvm("use", "1.22.5");

        assertEquals(0, use.exitCode(), use.toString());
        assertTrue(use.err().endsWith(warning), use.err());
        assertEquals(warning, current.err());
        assertEquals("1.21.13 (from " + project.resolve(".go-version") + ")\n", current.out());
        assertTrue(again.err().endsWith(warning), again.err());
        assertTrue(pathMode.err().startsWith("warn: %s needs go 1.22.5 or newer, but the selected go 1.21.13 is older; with GOTOOLCHAIN=path Go's switch needs jgvm's go1.22.5, which is not installed\n"
                .formatted(project.resolve("go.mod"))), pathMode.err());
        assertEquals(("warn: %s needs go 1.22.5 or newer, but the selected go 1.21.13 is older; Go switches to jgvm's go1.22.5 for it\n"
                + "hint: run 'jgvm use 1.22' to select it here ('jgvm doctor' explains)\n").formatted(project.resolve("go.mod")), switches.err());
        assertFalse(newer.err().contains("warn:"), newer.err());
        assertFalse(jgvm("current").err().contains("warn:"), "1.22.5 satisfies go 1.22.5");
    }

    @Test
    void useGlobalSetsTheDefaultForDirectoriesWithoutAPin() {
        install("1.22.5");
        install("1.21.13");

        CliResult r = jgvm("use", "--global", "1.21.13");

        assertEquals(0, r.exitCode());
        assertEquals("1.21.13 (from " + home.resolve("version") + ")\n", jgvm("current").out());
    }

    @Test
    void useOfAVersionNoMirrorHasExitsThreeAndWritesNothing() throws IOException {
        Files.createDirectories(tmp.resolve("no-mirror"));

        CliResult r = jgvm("use", "1.19.13");

        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("info: go 1.19.13 is not installed; installing it\n"), r.err());
        assertTrue(r.err().contains("error: could not download go 1.19.13 for linux/amd64 from any mirror (dl+file:"), r.err());
        assertTrue(r.err().contains(": it has no go1.19.13.linux-amd64.tar.gz)"), r.err());
        assertFalse(Files.exists(project.resolve(".go-version")));
    }

    @Test
    void useInstallsWhatItSelectsFromAMirror() throws IOException {
        Path mirror = Files.createDirectories(tmp.resolve("no-mirror"));
        Path a = FixtureDistribution.of("1.21.13").writeTarGz(mirror);
        Files.writeString(mirror.resolve(a.getFileName() + ".sha256"), FixtureDistribution.sha256(a));
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.toml"), "[verify]\nminimum = \"mirror\"\n");

        CliResult r = jgvm("use", "1.21.13");

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("1.21.13\n", Files.readString(project.resolve(".go-version")));
        assertTrue(Files.isExecutable(home.resolve("versions/1.21.13/bin/go")));
        assertTrue(r.err().contains("warn: go 1.21.13 was accepted on a digest the mirror"), r.err());
    }

    @Test
    void useOfNonsenseIsAUsageError() {
        CliResult r = jgvm("use", "newest");

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: 'newest' is not a Go version\n"), r.err());
    }

    @Test
    void currentWithNothingSelectedExitsThreeWithAHint() {
        CliResult r = jgvm("current");

        assertEquals(3, r.exitCode());
        assertEquals("", r.out());
        assertEquals("error: no Go version is selected in '" + project + "'\n"
                + "hint: run 'jgvm use <version>' here, or 'jgvm use --global <version>' for a default\n", r.err());
    }

    @Test
    void currentOfAMissingVersionPrintsItAndExitsThree() throws IOException {
        Files.writeString(project.resolve(".go-version"), "1.23.1\n");

        CliResult r = jgvm("current");

        assertEquals(3, r.exitCode());
        assertEquals("1.23.1 (from " + project.resolve(".go-version") + ")\n", r.out());
        assertTrue(r.err().startsWith("error: go 1.23.1 is not installed (selected by " + project.resolve(".go-version") + ")"), r.err());
    }

    @Test
    void currentVerboseListsTheFilesItSkippedAndWhy() throws IOException {
        install("1.22.5");
        Files.writeString(project.resolve(".go-version"), "banana\n");
        Files.writeString(project.resolve("go.mod"), "module x\n\ngo 1.22\n");

        CliResult r = jgvm("current", "-v");

        assertEquals("1.22.5 (from " + home.resolve("version") + ")\n", r.out());
        assertTrue(r.err().contains("warn: skipped " + project.resolve(".go-version") + ": 'banana' is not a version"), r.err());
        assertTrue(r.err().contains("info: skipped " + project.resolve("go.mod") + ": no toolchain line"), r.err());
        assertTrue(r.err().contains("info: used " + home.resolve("version")), r.err());
    }

    @Test
    void currentAsJson() {
        install("1.22.5");

        CliResult r = jgvm("current", "--json");

        assertEquals("""
                {
                  "version": "1.22.5",
                  "spec": "1.22.5",
                  "source": "global_default",
                  "origin": "%s",
                  "installed": true,
                  "goroot": "%s"
                }
                """.formatted(home.resolve("version"), home.resolve("versions/1.22.5")), r.out());
    }

    @Test
    void whichPrintsTheRealBinary() {
        Path zip = FixtureDistribution.of("1.22.5").withTool("gopls").writeZip(downloads);
        jgvm("install", "--from", zip.toString(), "--sha256", FixtureDistribution.sha256(zip));

        assertEquals(home.resolve("versions/1.22.5/bin/go") + "\n", jgvm("which").out());
        assertEquals(home.resolve("versions/1.22.5/bin/gopls") + "\n", jgvm("which", "gopls").out());
        assertTrue(Files.isExecutable(home.resolve("shims/gopls")), "every bin/ tool gets a shim");
        CliResult missing = jgvm("which", "dlv");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().startsWith("error: go 1.22.5 has no 'dlv'"), missing.err());
    }

    @Test
    void execRunsTheCommandWithTheSelectedGoroot() {
        install("1.22.5");

        CliResult version = jgvm("exec", "--", "go", "version");
        CliResult goroot = jgvm("exec", "--", "go", "env", "GOROOT");
        CliResult status = jgvm("exec", "--", "go", "exit", "7");

        assertEquals("go version go1.22.5 linux/amd64\n", version.out());
        assertEquals(home.resolve("versions/1.22.5") + "\n", goroot.out());
        assertEquals(7, status.exitCode());
    }

    @Test
    void execWithAnExplicitVersion() {
        install("1.22.5");
        install("1.21.13");

        CliResult r = jgvm("exec", "--version", "1.21", "--", "go", "version");

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("go version go1.21.13 linux/amd64\n", r.out());
        assertEquals(127, jgvm("exec", "--version", "1.19", "--", "go", "version").exitCode());
    }

    @Test
    void execOfAnUnknownCommandExits127() {
        install("1.22.5");

        CliResult r = jgvm("exec", "--", "no-such-tool-anywhere");

        assertEquals(127, r.exitCode());
        assertTrue(r.err().startsWith("error: 'no-such-tool-anywhere' not found"), r.err());
    }

    @Test
    void execAsAShimRunsTheSelectedVersionAndFailsWith127() throws IOException {
        install("1.22.5");
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));

        CliResult ok = jgvm("exec", "--shim", "--", "go", "version");
        Files.delete(home.resolve("version"));
        CliResult none = jgvmIn(elsewhere, "exec", "--shim", "--", "go", "version");
        Files.writeString(project.resolve(".go-version"), "1.22.5\n");
        CliResult lacking = jgvm("exec", "--shim", "--", "gopls");

        assertEquals("go version go1.22.5 linux/amd64\n", ok.out());
        assertEquals(127, none.exitCode());
        assertTrue(none.err().startsWith("error: no Go version is selected in '" + elsewhere + "'\nhint: "), none.err());
        assertEquals(127, lacking.exitCode());
        assertTrue(lacking.err().startsWith("error: go 1.22.5 has no 'gopls' (go 1.22.5 selected by " + project.resolve(".go-version") + ")"), lacking.err());
    }

    @Test
    void initPrintsShimsFirstOnPathAndCompletion() {
        CliResult r = jgvm("init", "bash");

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("JGVM_HOME='" + home + "'\nexport JGVM_HOME\n"), r.out());
        assertTrue(r.out().contains("PATH='" + home.resolve("shims") + "'${PATH:+:$PATH}\nexport PATH\n"), r.out());
        assertTrue(r.out().contains("complete -F"), "picocli's bash completion");
        assertTrue(r.out().contains("install"), "completes the subcommands");
        assertTrue(!r.out().contains("_jgvm_hook"), "no hook in shims mode");
    }

    @Test
    void initInHookModeDefinesTheHookAndRegistersIt() {
        CliResult bash = jgvm("init", "bash", "--mode", "hook", "--no-completion");
        CliResult zsh = jgvm("init", "zsh", "--mode", "hook", "--no-completion");
        CliResult fish = jgvm("init", "fish", "--mode", "hook");

        assertTrue(bash.out().contains("PROMPT_COMMAND=\"_jgvm_hook${PROMPT_COMMAND:+;$PROMPT_COMMAND}\""), bash.out());
        assertTrue(zsh.out().contains("precmd_functions=(_jgvm_hook $precmd_functions)"), zsh.out());
        assertTrue(fish.out().contains("function _jgvm_hook --on-event fish_prompt"), fish.out());
        assertTrue(fish.out().contains("complete -c jgvm -n __fish_use_subcommand -a install"), fish.out());
    }

    @Test
    void initInHookModeExportsTheConfiguredGotoolchainSinceNoShimRunsInFrontOfGo() {
        Env withPath = env().with("JGVM_GOTOOLCHAIN", "path");

        CliResult bash = Cli.inProcess(withPath).run("init", "bash", "--mode", "hook", "--no-completion");
        CliResult fish = Cli.inProcess(withPath).run("init", "fish", "--mode", "hook");
        CliResult unset = jgvm("init", "bash", "--mode", "hook", "--no-completion");

        assertTrue(bash.out().endsWith("_jgvm_hook\nGOTOOLCHAIN='path'\nexport GOTOOLCHAIN\n"), bash.out());
        assertTrue(fish.out().contains("set -gx GOTOOLCHAIN 'path'\n"), fish.out());
        assertFalse(unset.out().contains("GOTOOLCHAIN"), unset.out());
    }

    @Test
    void initOfAnUnknownShellIsAUsageError() {
        CliResult r = jgvm("init", "tcsh");

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: invalid value for positional parameter at index 0 (SHELL)"), r.err());
    }

    @Test
    void envPrintsExportsForEachShell() {
        install("1.22.5");
        Path goroot = home.resolve("versions/1.22.5");

        assertEquals("export GOROOT='" + goroot + "'\nexport PATH='" + goroot + "/bin':\"$PATH\"\n", jgvm("env").out());
        assertEquals("set -gx GOROOT '" + goroot + "'\nset -gx PATH '" + goroot + "/bin' $PATH\n", jgvm("env", "--shell", "fish").out());
        assertEquals("$env:GOROOT = '" + goroot + "'\n$env:PATH = '" + goroot + "/bin' + [IO.Path]::PathSeparator + $env:PATH\n",
                jgvm("env", "--shell", "pwsh").out());
    }

    @Test
    void envForBashAndZshPrintsTheShExports() {
        install("1.22.5");

        CliResult bash = jgvm("env", "--shell", "bash");
        CliResult zsh = jgvm("env", "--shell=zsh");

        assertEquals(0, bash.exitCode(), bash.toString());
        assertEquals(jgvm("env").out(), bash.out());
        assertEquals(jgvm("env").out(), zsh.out());
    }

    @Test
    void envForGithubActionsWritesItsFiles() throws IOException {
        install("1.22.5");
        Path ghEnv = tmp.resolve("gh-env");
        Path ghPath = tmp.resolve("gh-path");

        CliResult r = Cli.inProcess(env().with("GITHUB_ENV", ghEnv.toString()).with("GITHUB_PATH", ghPath.toString()))
                .run("env", "--shell", "github");

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("GOROOT=" + home.resolve("versions/1.22.5") + "\n", Files.readString(ghEnv));
        assertEquals(home.resolve("versions/1.22.5/bin") + "\n", Files.readString(ghPath));
    }

    @Test
    void envWithABadShellIsAUsageError() {
        CliResult r = jgvm("env", "--shell", "tcsh");

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: invalid value for option '--shell'"), r.err());
    }

    @Test
    void uninstallRemovesTreeMetaAliasesAndStaleShims() {
        Path zip = FixtureDistribution.of("1.22.5").withTool("gopls").writeZip(downloads);
        jgvm("install", "--from", zip.toString(), "--sha256", FixtureDistribution.sha256(zip));
        install("1.21.13");

        CliResult r = jgvm("uninstall", "1.22.5");

        assertEquals(0, r.exitCode(), r.toString());
        assertFalse(Files.exists(home.resolve("versions/1.22.5")));
        assertFalse(Files.exists(home.resolve("meta/1.22.5.json")));
        assertFalse(Files.exists(home.resolve("aliases/1.22")));
        assertFalse(Files.exists(home.resolve("shims/gopls")));
        assertTrue(Files.exists(home.resolve("shims/go")));
        assertTrue(r.err().contains("warn: the global default go 1.22.5 is no longer installed"), r.err());
        assertEquals("1.21.13\n", jgvm("ls", "-q").out());
    }

    @Test
    void uninstallOfSomethingNotInstalledExitsThree() {
        CliResult r = jgvm("uninstall", "1.22.5");

        assertEquals(3, r.exitCode());
        assertEquals("error: go 1.22.5 is not installed\nhint: 'jgvm list' shows what is installed\n", r.err());
    }

    @Test
    void aBrokenConfigExitsTwoNamingFileLineAndKey() throws IOException {
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.toml"), "auto_install = true\nmirrors = []\n");

        CliResult r = jgvm("list");

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: " + home.resolve("config.toml") + ":2: unknown key 'mirrors'"), r.err());
    }

    @Test
    void aConfigChangeIsBakedIntoTheShimsByTheNextCommand() throws IOException {
        install("1.22.5");
        assertTrue(Files.readString(home.resolve("shims/go")).contains("_jgvm_gomod_default=1"));
        Files.writeString(home.resolve("config.toml"), "read_go_mod = false\ngotoolchain = \"local\"\n");
        Files.setLastModifiedTime(home.resolve("config.toml"), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));

        jgvm("list");

        assertTrue(Files.readString(home.resolve("shims/go")).contains("_jgvm_gomod_default=0"));
        assertEquals("_jgvm_gomod_default=0\n_jgvm_gotc_default='local'\n", Files.readString(home.resolve("shims/.settings")));
    }

    @Test
    void verifyRehashesInstalledTreesAndCatchesAChange() throws IOException {
        install("1.22.5");
        install("1.21.13");

        CliResult ok = jgvm("verify");
        Files.writeString(home.resolve("versions/1.22.5/src/fmt/print.go"), "package fmt // changed\n");
        CliResult changed = jgvm("verify");

        assertEquals(0, ok.exitCode(), ok.toString());
        assertEquals("1.21.13 ok\n1.22.5 ok\n", ok.out());
        assertEquals(4, changed.exitCode());
        assertEquals("1.21.13 ok\n1.22.5 MODIFIED\n  modified src/fmt/print.go\n", changed.out());
        assertTrue(changed.err().contains("error: go 1.22.5 changed since it was installed: 1 modified, 0 removed, 0 added"), changed.err());
    }

    @Test
    void verifyNamesEveryAddedRemovedAndModifiedFile() throws IOException {
        install("1.22.5");
        Path goroot = home.resolve("versions/1.22.5");
        Files.writeString(goroot.resolve("bin/go"), "#!/bin/sh\necho not go\n");
        Files.delete(goroot.resolve("pkg/tool/linux_amd64/vet"));
        Files.writeString(goroot.resolve("bin/helper"), "#!/bin/sh\n");

        CliResult text = jgvm("verify", "1.22");
        CliResult json = jgvm("--json", "verify");

        assertEquals(4, text.exitCode(), text.toString());
        assertEquals("1.22.5 MODIFIED\n  modified bin/go\n  removed  pkg/tool/linux_amd64/vet\n  added    bin/helper\n", text.out());
        assertTrue(text.err().contains("error: 1 installed version changed since install"), text.err());
        assertEquals(4, json.exitCode());
        com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(json.out()).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("modified", o.get("status").getAsString());
        assertEquals("[\"bin/go\"]", o.get("modified").toString());
        assertEquals("[\"pkg/tool/linux_amd64/vet\"]", o.get("removed").toString());
        assertEquals("[\"bin/helper\"]", o.get("added").toString());
    }

    @Test
    void versionAndHelpGoToStdout() {
        CliResult v = jgvm("--version");
        CliResult h = jgvm("--help");

        assertEquals(0, v.exitCode());
        assertTrue(v.out().matches("jgvm \\S+\n"), v.out());
        assertTrue(h.out().startsWith("Usage: jgvm "), h.out());
        assertEquals("", h.err());
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() {
        CliResult plain = Cli.inProcess(env().with("JGVM_STDERR_TTY", "1").with("NO_COLOR", "1")).run("current");
        CliResult colored = Cli.inProcess(env().with("JGVM_STDERR_TTY", "1")).run("current");

        assertTrue(plain.err().startsWith("error: "), plain.err());
        assertTrue(colored.err().startsWith("\u001b[31merror:\u001b[0m "), colored.err());
        assertTrue(Cli.inProcess(env().with("JGVM_STDERR_TTY", "1")).run("current", "--no-color").err().startsWith("error: "));
    }

    @Test
    void theShimRunsTheSelectedVersion() throws Exception {
        install("1.22.5");
        install("1.21.13");
        Files.writeString(project.resolve(".go-version"), "1.21\n");

        ProcessBuilder pb = new ProcessBuilder("sh", home.resolve("shims/go").toString(), "version").directory(project.toFile());
        pb.environment().put("PWD", project.toString());
        pb.environment().remove("JGVM_HOME");
        pb.environment().remove("JGVM_GO_VERSION");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());

        assertEquals(0, p.waitFor());
        assertEquals("go version go1.21.13 linux/amd64\n", out);
    }
}
