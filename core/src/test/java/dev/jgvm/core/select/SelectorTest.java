package dev.jgvm.core.select;

import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.resolve.Selection;
import dev.jgvm.core.resolve.VersionResolver;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectorTest {
    @TempDir Path tmp;

    private final List<String> installs = new ArrayList<>();

    private Path home() { return tmp.resolve("jgvm"); }

    private Path project() throws IOException { return Files.createDirectories(tmp.resolve("src/api")); }

    private InstallStore store() { return new InstallStore(home(), Duration.ofSeconds(1)); }

    private Env env(String... vars) throws IOException { return Env.of((Object[]) vars).withHome(tmp).withCwd(project()).with("JGVM_HOME", home().toString()); }

    private Selector selector(Env env) {
        return new Selector(env, store(), new VersionResolver(), true, "", (spec, progress) -> {
            installs.add(spec.text());
            GoVersion v = GoVersion.parse("1.23.4");
            installed(v);
            return v;
        });
    }

    private void installed(GoVersion v) {
        try {
            Files.createDirectories(store().goroot(v).resolve("bin"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Selector.Used use(Selector s, String spec, boolean global) {
        return s.use(VersionSpec.parse(spec), global, m -> {}, ProgressListener.NONE);
    }

    @Test
    void useWritesTheSpecAsWrittenToGoVersionHere() throws IOException {
        installed(GoVersion.parse("1.22.5"));
        installed(GoVersion.parse("1.22.7"));

        Selector.Used used = use(selector(env()), "1.22", false);

        assertEquals(project().resolve(".go-version"), used.file());
        assertEquals("1.22\n", Files.readString(used.file()));
        assertEquals(Optional.of(GoVersion.parse("1.22.7")), used.version());
        assertEquals(List.of(), installs);
        assertFalse(Files.exists(home().resolve("version")), "the global default is left alone");
    }

    @Test
    void useGlobalWritesTheDefaultAndSaysWhatStillSelectsHere() throws IOException {
        installed(GoVersion.parse("1.22.5"));
        Files.writeString(project().resolve(".go-version"), "1.21.0\n");

        Selector.Used used = use(selector(env()), "1.22.5", true);

        assertEquals("1.22.5\n", Files.readString(home().resolve("version")));
        assertEquals(home().resolve("version"), used.file());
        Selection here = used.stillHere().orElseThrow();
        assertEquals(Selection.Source.PROJECT_FILE, here.source());
        assertEquals(Optional.of("1.21.0"), here.spec());
    }

    @Test
    void useGlobalOutsideAnyProjectHasNothingStillSelecting() throws IOException {
        installed(GoVersion.parse("1.22.5"));

        assertEquals(Optional.empty(), use(selector(env()), "1.22.5", true).stillHere());
    }

    @Test
    void useInstallsAMissingVersionFirstAndAnnouncesIt() throws IOException {
        List<String> notices = new ArrayList<>();

        Selector.Used used = selector(env()).use(VersionSpec.parse("1.23"), false, notices::add, ProgressListener.NONE);

        assertEquals(List.of("1.23"), installs);
        assertEquals(List.of("go 1.23 is not installed; installing it"), notices);
        assertEquals(Optional.of(GoVersion.parse("1.23.4")), used.version());
        assertEquals("1.23\n", Files.readString(project().resolve(".go-version")));
    }

    @Test
    void useSystemInstallsNothingAndSaysWhenThereIsNoGoOnPath() throws IOException {
        Selector.Used used = use(selector(env("PATH", tmp.resolve("empty").toString())), "system", false);

        assertEquals(List.of(), installs);
        assertEquals(Optional.empty(), used.version());
        assertTrue(used.noSystemGo());
        assertEquals("system\n", Files.readString(project().resolve(".go-version")));

        Path bin = Files.createDirectories(tmp.resolve("usr/bin"));
        Path go = Files.writeString(bin.resolve("go"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(go, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertFalse(use(selector(env("PATH", bin.toString())), "system", false).noSystemGo());
    }

    @Test
    void useHereWarnsOfJgvmGoVersionWhichOverridesTheFile() throws IOException {
        installed(GoVersion.parse("1.22.5"));

        assertEquals(Optional.of("1.21.0"), use(selector(env("JGVM_GO_VERSION", "1.21.0")), "1.22.5", false).environmentOverride());
        assertEquals(Optional.empty(), use(selector(env()), "1.22.5", false).environmentOverride());
    }

    @Test
    void useReplacesAnExistingVersionFileWhole() throws IOException {
        installed(GoVersion.parse("1.22.5"));
        Files.writeString(project().resolve(".go-version"), "1.21.0\n# a much longer comment than the new content\n");

        use(selector(env()), "1.22.5", false);

        assertEquals("1.22.5\n", Files.readString(project().resolve(".go-version")));
        try (var files = Files.list(project())) {
            assertEquals(List.of(".go-version"), files.map(p -> p.getFileName().toString()).toList(), "no temporary file is left");
        }
    }

    @Test
    void listMarksTheVersionUsedHereAndTheGlobalDefault() throws IOException {
        installed(GoVersion.parse("1.21.13"));
        installed(GoVersion.parse("1.22.5"));
        installed(GoVersion.parse("1.23.4"));
        Files.createDirectories(home());
        Files.writeString(home().resolve("version"), "\uFEFF1.21 # the default\r\n");
        Files.writeString(project().resolve(".go-version"), "1.22.5\n");

        Selector.Listing listing = selector(env()).list();

        assertEquals(List.of("1.21.13", "1.22.5", "1.23.4"), listing.versions().stream().map(i -> i.version().name()).toList());
        assertEquals(List.of(false, true, false), listing.versions().stream().map(Selector.Installed::usedHere).toList());
        assertEquals(List.of(true, false, false), listing.versions().stream().map(Selector.Installed::globalDefault).toList());
        assertEquals(store().goroot(GoVersion.parse("1.22.5")), listing.versions().get(1).goroot());
        assertEquals(Optional.of(GoVersion.parse("1.22.5")), listing.here().installed());
    }

    @Test
    void listSaysWhatIsSelectedHereWhenItIsNotInstalled() throws IOException {
        installed(GoVersion.parse("1.22.5"));
        Files.writeString(project().resolve(".go-version"), "1.24.1\n");

        Selector.Listing listing = selector(env()).list();

        assertTrue(listing.here().missing());
        assertEquals(List.of(false), listing.versions().stream().map(Selector.Installed::usedHere).toList());
    }

    @Test
    void theErrorsNameWhatSelectedAndHowToFixIt() throws IOException {
        Env env = env();
        VersionNotFoundException none = assertThrows(VersionNotFoundException.class, () -> selector(env).installedHere());
        assertEquals("no Go version is selected in '%s'".formatted(project()), none.getMessage());

        Files.writeString(project().resolve(".go-version"), "1.22.5\n");
        VersionNotFoundException missing = assertThrows(VersionNotFoundException.class, () -> selector(env).installedHere());
        assertEquals("go 1.22.5 is not installed (selected by %s)".formatted(project().resolve(".go-version")), missing.getMessage());
        assertEquals(Optional.of("run 'jgvm install 1.22.5', or pick an installed version with 'jgvm use <version>'"), missing.hint());

        Files.writeString(project().resolve(".go-version"), "1.22.05\n");
        VersionNotFoundException nearMiss = assertThrows(VersionNotFoundException.class, () -> selector(env).installedHere());
        assertTrue(nearMiss.getMessage().startsWith("'1.22.05' is not a Go version"), nearMiss.getMessage());

        Files.writeString(project().resolve(".go-version"), "system\n");
        VersionNotFoundException system = assertThrows(VersionNotFoundException.class, () -> selector(env).installedHere());
        assertTrue(system.getMessage().startsWith("'system' is selected here"), system.getMessage());

        Files.writeString(project().resolve(".go-version"), "1.22\n");
        installed(GoVersion.parse("1.22.5"));
        assertEquals(GoVersion.parse("1.22.5"), selector(env).installedHere());
    }

    @Test
    void aGoModAskingForNewerIsReportedAfterUse() throws IOException {
        installed(GoVersion.parse("1.22.5"));
        Files.writeString(project().resolve("go.mod"), "module example.com/api\n\ngo 1.23.0\n");

        Selector.Used used = use(selector(env()), "1.22.5", false);

        ToolchainMismatch m = used.mismatch().orElseThrow();
        assertTrue(m.what().startsWith(project().resolve("go.mod") + " needs go 1.23.0 or newer, but the selected go 1.22.5 is older"), m.what());
    }
}
