package dev.jgvm.core.install;

import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.mirror.ReleaseCatalog;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.resolve.Selection;
import dev.jgvm.core.spi.Release;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jgvm upgrade}: which lines move, where {@code --pin} writes, and that every refusal comes before an install.
 * The listing offers 1.22.5, 1.21.13 and 1.23rc1; 1.22.3 and 1.21.13 are installed; the project selects 1.22.3.
 */
class UpgraderTest {
    private static final Platform LINUX = Platform.parse("linux/amd64");
    private static final ReleaseCatalog.Listing LISTING = new ReleaseCatalog.Listing("primary", false, List.of(
            new Release(GoVersion.parse("1.23rc1"), false, List.of()), new Release(GoVersion.parse("1.22.5"), true, List.of()),
            new Release(GoVersion.parse("1.21.13"), true, List.of())), List.of("no official list"));

    @TempDir Path tmp;
    private Path home;
    private Path project;
    private Path cwd;
    private InstallStore store;
    private final List<String> installs = new ArrayList<>();
    private Resolution here;

    @BeforeEach
    void setUp() throws IOException {
        home = tmp.resolve("jgvm");
        project = Files.createDirectories(tmp.resolve("api"));
        cwd = Files.createDirectories(project.resolve("cmd/server"));
        store = new InstallStore(home, Duration.ofSeconds(5));
        for (String v : new String[] {"1.22.3", "1.21.13"}) Files.createDirectories(store.goroot(GoVersion.parse(v)));
        Files.writeString(project.resolve(".go-version"), "1.22.3\n");
        here = selects("1.22.3", Selection.Source.PROJECT_FILE, project.resolve(".go-version"));
    }

    private static Resolution selects(String spec, Selection.Source source, Path origin) {
        return new Resolution(new Selection(Optional.of(spec), source, Optional.of(origin), List.of()), Optional.empty());
    }

    private Upgrader upgrader() {
        return new Upgrader(store, cwd, mirror -> new Outdated.Report(Outdated.lines(store.installed(), Outdated.selected(here), LISTING.releases(), LINUX),
                LISTING, here, LINUX), (mirror, v, p) -> {
            installs.add(v.name() + " " + p);
            return new Installer.Installation(v, store.goroot(v), false, false);
        });
    }

    private static List<VersionSpec> lines(String... texts) { return Upgrader.lines(List.of(texts)); }

    @Test
    void pinRewritesTheVersionFileThatSelectedTheLineNotOneInTheWorkingDirectory() throws IOException {
        Upgrader.Result r = upgrader().upgrade(List.of(), true, Optional.empty(), u -> {});

        assertEquals(List.of("1.22.5 linux/amd64"), installs, "1.21 is up to date");
        assertEquals("1.22.5\n", Files.readString(project.resolve(".go-version")));
        assertFalse(Files.exists(cwd.resolve(".go-version")));
        assertEquals(Optional.of(new Upgrader.Pin(project.resolve(".go-version"), GoVersion.parse("1.22.5"))), r.pinned());
        assertFalse(r.suggestPin());
    }

    @Test
    void pinWithoutAProjectFileWritesOneInTheWorkingDirectoryAndLeavesTheGlobalDefault() throws IOException {
        store.writeGlobalDefault("1.22.3");
        here = selects("1.22.3", Selection.Source.GLOBAL_DEFAULT, store.globalVersionFile());

        upgrader().upgrade(List.of(), true, Optional.empty(), u -> {});

        assertEquals("1.22.5\n", Files.readString(cwd.resolve(".go-version")));
        assertEquals(Optional.of("1.22.3"), store.globalDefault());
    }

    @Test
    void upgradingTheSelectedLineWithoutPinLeavesTheFileAndSuggestsPin() throws IOException {
        List<String> heard = new ArrayList<>();

        Upgrader.Result r = upgrader().upgrade(lines("1.22", "1.21"), false, Optional.empty(), u -> heard.add(u.line().line().text() + " " + u.to()));

        assertEquals(List.of("1.22 1.22.5"), heard);
        assertEquals(1, r.upgraded().size());
        assertEquals(Optional.of(GoVersion.parse("1.22.3")), r.upgraded().get(0).line().installed());
        assertTrue(r.suggestPin());
        assertEquals("1.22.3\n", Files.readString(project.resolve(".go-version")));
    }

    @Test
    void aNamedLineTheListingDoesNotOfferIsRefusedBeforeAnyInstall() {
        VersionNotFoundException e = assertThrows(VersionNotFoundException.class,
                () -> upgrader().upgrade(lines("1.22", "1.19"), false, Optional.empty(), u -> {}));

        assertEquals("mirror 'primary' lists no release of go 1.19 for linux/amd64", e.getMessage());
        assertEquals(List.of(), installs);
    }

    @Test
    void pinningWithTwoLinesNeitherSelectedHereIsRefusedBeforeAnyInstall() throws IOException {
        assertThrows(UsageException.class, () -> upgrader().upgrade(lines("1.21", "latest"), true, Optional.empty(), u -> {}));

        assertEquals(List.of(), installs);
        assertEquals("1.22.3\n", Files.readString(project.resolve(".go-version")));
    }

    @Test
    void everyLineUpToDateInstallsNothing() {
        Upgrader.Result r = upgrader().upgrade(lines("1.21"), false, Optional.empty(), u -> {});

        assertEquals(List.of(), r.upgraded());
        assertEquals(List.of(), installs);
        assertFalse(r.suggestPin());
    }

    @Test
    void aReleaseIsNotALine() {
        UsageException e = assertThrows(UsageException.class, () -> Upgrader.lines(List.of("1.22", "1.22.5")));

        assertEquals("'1.22.5' is not a release line", e.getMessage());
    }
}
