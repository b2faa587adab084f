package dev.jgvm.core.install;

import dev.jgvm.core.archive.ArchiveExtractor;
import dev.jgvm.core.config.Settings.EvidenceLevel;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.resolve.Selection;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.verify.ArtifactVerifier;
import dev.jgvm.core.verify.TrustedKeys;
import dev.jgvm.fixtures.FixtureDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jgvm install --from}: a path as the user typed it, the platform asked for, and refusals before any work. */
class InstallServiceTest {
    @TempDir Path home;
    @TempDir Path downloads;
    private final List<String> asked = new ArrayList<>();

    private InstallService service(String thisPlatform) {
        InstallStore store = new InstallStore(home, Duration.ofSeconds(5));
        return new InstallService(() -> {
            asked.add("installer");
            return new Installer(store, new ArchiveExtractor(), List.of());
        }, store, downloads, p -> Platform.parse(p.orElse(thisPlatform)),
                () -> ArtifactVerifier.local(TrustedKeys.builtIn(), EvidenceLevel.ORIGIN),
                (mirror, allow, offline, progress) -> { throw new AssertionError("no mirror here"); },
                () -> new Resolution(new Selection(Optional.empty(), Selection.Source.NONE, Optional.empty(), List.of()), Optional.empty()));
    }

    @Test
    void aRelativeArchiveIsFoundInTheWorkingDirectory() {
        Path archive = FixtureDistribution.of("1.22.5").writeTarGz(downloads);

        Installer.Installation done = service("linux/amd64").installFile(archive.getFileName(), Optional.of(FixtureDistribution.sha256(archive)),
                Optional.empty(), false, ProgressListener.NONE);

        assertEquals(home.resolve("versions/1.22.5"), done.goroot());
        assertTrue(Files.isDirectory(done.goroot()));
    }

    @Test
    void theGivenPlatformDecidesWhichArchiveFits() {
        Path archive = FixtureDistribution.of("1.22.5").writeTarGz(downloads);

        UsageException e = assertThrows(UsageException.class, () -> service("linux/amd64").installFile(archive,
                Optional.of(FixtureDistribution.sha256(archive)), Optional.of("darwin/arm64"), false, ProgressListener.NONE));

        assertEquals("'go1.22.5.linux-amd64.tar.gz' is for linux/amd64, but this install is for darwin/arm64", e.getMessage());
        assertTrue(Files.notExists(home.resolve("versions")));
    }

    @Test
    void noSpecWithNothingSelectedHereSaysSoBeforeAnyMirrorIsAsked() {
        VersionNotFoundException e = assertThrows(VersionNotFoundException.class,
                () -> service("linux/amd64").install(List.of(), new InstallService.Options(Optional.empty(), false, Optional.empty(), false, false),
                        ProgressListener.NONE, i -> {}));

        assertEquals("no Go version is selected in '%s'".formatted(downloads), e.getMessage());
        // install was asked to install: the hint names the release to give it, not only 'jgvm use'.
        assertEquals("name a release, such as 'jgvm install 1.22.5' or 'jgvm install latest' ('jgvm list-remote' lists them), "
                + "or select one here first with 'jgvm use <version>'", e.hint().orElseThrow());
    }

    @Test
    void aMalformedDigestIsRefusedBeforeAnythingIsAsked() {
        Path archive = FixtureDistribution.of("1.22.5").writeTarGz(downloads);

        assertThrows(UsageException.class, () -> service("linux/amd64").installFile(archive, Optional.of("not-a-digest"), Optional.empty(), false,
                ProgressListener.NONE));

        assertEquals(List.of(), asked);
    }
}
