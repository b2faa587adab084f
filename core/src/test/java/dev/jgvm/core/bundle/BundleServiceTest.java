package dev.jgvm.core.bundle;

import dev.jgvm.core.archive.ArchiveExtractor;
import dev.jgvm.core.cache.CacheInventory;
import dev.jgvm.core.config.Settings.EvidenceLevel;
import dev.jgvm.core.dist.Checksum;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.install.Installer;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.verify.ArtifactVerifier;
import dev.jgvm.core.verify.Evidence;
import dev.jgvm.core.verify.TrustedKeys;
import dev.jgvm.core.verify.VerifiedArchive;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.fixtures.FixtureDistribution;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * {@code jgvm bundle import}: every archive of a bundle is cached, only this platform's are installed. The bundle is
 * unsigned, so this machine's minimum is lowered to 'mirror' (as a user must for such a bundle).
 */
class BundleServiceTest {
    private static final Platform LINUX = Platform.parse("linux/amd64");
    private static final Platform MAC = Platform.parse("darwin/arm64");

    @TempDir Path tmp;
    private Path home;
    private Path work;
    private final List<String> heard = new ArrayList<>();

    private final BundleService.ImportListener listener = new BundleService.ImportListener() {
        @Override public void imported(BundleService.Archive a) { heard.add("imported " + a.file()); }

        @Override public void otherPlatform(BundleService.Archive a, Platform here) { heard.add("kept " + a.file()); }

        @Override public void installed(Installer.Installation i) { heard.add("installed " + i.version()); }
    };

    @BeforeEach
    void makeABundle() throws Exception {
        home = tmp.resolve("jgvm");
        work = Files.createDirectories(tmp.resolve("work"));
        Path dl = Files.createDirectories(tmp.resolve("dl"));
        List<VerifiedArchive> archives = List.of(proven(FixtureDistribution.of("1.22.5").writeTarGz(dl), LINUX),
                proven(FixtureDistribution.of("1.22.5", "darwin", "arm64").writeTarGz(dl), MAC));
        try {
            new BundleWriter().write(archives, Optional.empty(), work.resolve("go.tar"));
        } finally {
            archives.forEach(VerifiedArchive::close);
        }
    }

    private VerifiedArchive proven(Path archive, Platform p) {
        Checksum c = Checksum.sha256(FixtureDistribution.sha256(archive));
        var claim = new ArtifactVerifier.LocalClaim(archive.getFileName().toString(), Optional.of(GoVersion.parse("1.22.5")), p,
                ArchiveExtractor.Layout.OFFICIAL, "file:" + archive, List.of(new ArtifactVerifier.Expected(c, Evidence.userSha256(c))),
                Optional.empty(), x -> Optional.empty());
        return ArtifactVerifier.local(TrustedKeys.builtIn(), EvidenceLevel.ORIGIN).verifyLocal(archive, claim, tmp.resolve(archive.getFileName() + ".copy"));
    }

    private BundleService service() {
        InstallStore store = new InstallStore(home, Duration.ofSeconds(5));
        return new BundleService(store, () -> new Installer(store, new ArchiveExtractor(), List.of()), work, () -> LINUX,
                () -> ArtifactVerifier.local(TrustedKeys.builtIn(), EvidenceLevel.MIRROR),
                (mirror, allow, offline, progress) -> { throw new AssertionError("an import needs no mirror"); });
    }

    private List<String> cached() {
        return new CacheInventory(home.resolve("cache")).items().stream().filter(i -> i.kind() == CacheInventory.Kind.ARCHIVE)
                .map(CacheInventory.Item::name).toList();
    }

    @Test
    void importCachesEveryArchiveAndInstallsOnlyThisPlatforms() {
        BundleService.Imported r = service().importBundle(Path.of("go.tar"), true, ProgressListener.NONE, listener);

        assertEquals(List.of("imported go1.22.5.darwin-arm64.tar.gz", "kept go1.22.5.darwin-arm64.tar.gz",
                "imported go1.22.5.linux-amd64.tar.gz", "installed 1.22.5"), heard);
        assertEquals(2, r.archives().size());
        assertEquals(List.of(home.resolve("versions/1.22.5")), r.installed().stream().map(Installer.Installation::goroot).toList());
        assertEquals(List.of("go1.22.5.darwin-arm64.tar.gz", "go1.22.5.linux-amd64.tar.gz"), cached());
    }

    @Test
    void importWithoutInstallingOnlyCaches() {
        BundleService.Imported r = service().importBundle(work.resolve("go.tar"), false, ProgressListener.NONE, listener);

        assertEquals(List.of(), r.installed());
        assertTrue(Files.notExists(home.resolve("versions/1.22.5")));
        assertEquals(2, cached().size());
        assertEquals(2, heard.size(), heard.toString());
    }

    @Test
    void aMissingBundleIsNamedAsGiven() {
        UsageException e = assertThrows(UsageException.class, () -> service().importBundle(Path.of("nope.tar"), true, ProgressListener.NONE, listener));

        assertEquals("no such bundle 'nope.tar'", e.getMessage());
        assertTrue(Files.notExists(home.resolve("cache")));
    }
}
