package dev.jgvm.core.install;

import dev.jgvm.core.archive.ArchiveExtractor;
import dev.jgvm.core.config.Settings.EvidenceLevel;
import dev.jgvm.core.download.ArchiveCache;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.store.InstallMeta;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.verify.ArtifactVerifier;
import dev.jgvm.core.dist.Checksum;
import dev.jgvm.core.verify.Evidence;
import dev.jgvm.core.verify.TreeHash;
import dev.jgvm.core.verify.TrustedKeys;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.fixtures.ArchiveBuilder;
import dev.jgvm.fixtures.FixtureDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstallerTest {
    private static final Platform LINUX = Platform.parse("linux/amd64");
    @TempDir Path home;
    @TempDir Path downloads;
    private final List<String> changes = new ArrayList<>();

    private InstallStore store() { return new InstallStore(home, Duration.ofSeconds(20)); }

    private Installer installer() { return new Installer(store(), new ArchiveExtractor(), List.of(s -> changes.add("changed"))); }

    private static ArtifactVerifier verifier() { return ArtifactVerifier.local(TrustedKeys.builtIn(), EvidenceLevel.ORIGIN); }

    private ArchiveCache cache() { return new ArchiveCache(home.resolve("cache")); }

    @Test
    void rehashRegeneratesThroughTheListenersAndNamesTheShimsButNotTheirTwinsOrHiddenFiles() throws IOException {
        Installer installer = new Installer(store(), new ArchiveExtractor(), List.of(s -> {
            changes.add("changed");
            try {
                Files.createDirectories(s.shimsDir());
                for (String name : List.of("gofmt", "go", "go.cmd", ".settings", "go1.22.5")) Files.writeString(s.shimsDir().resolve(name), "");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));

        Installer.Rehashed done = installer.rehash();

        assertEquals(List.of("changed"), changes);
        assertEquals(home, done.home());
        assertEquals(home.resolve("shims"), done.shimsDir());
        assertEquals(List.of("go", "go1.22.5", "gofmt"), done.shims());
    }

    @Test
    void installsAVerifiedArchiveRecordsItsProvenanceAndBecomesTheDefault() throws IOException {
        Path archive = FixtureDistribution.of("1.22.5").writeTarGz(downloads);
        Checksum sum = Checksum.sha256(FixtureDistribution.sha256(archive));

        Installer.Installation done = installer().installFromFile(archive, Optional.of(sum), LINUX, false, ProgressListener.NONE, verifier(), cache());

        assertEquals(home.resolve("versions/1.22.5"), done.goroot());
        assertTrue(done.becameDefault());
        assertEquals(Optional.of("1.22.5"), store().globalDefault());
        InstallMeta meta = store().meta(GoVersion.parse("1.22.5")).orElseThrow();
        assertEquals("go1.22.5.linux-amd64.tar.gz", meta.archive());
        assertEquals(sum.hex(), meta.sha256());
        assertEquals(Evidence.Kind.USER, meta.evidence().get(0).kind());
        assertEquals(TreeHash.of(done.goroot(), TreeHash.Kind.CRC32C), meta.treeHash());
        assertEquals(List.of("changed"), changes);
    }

    @Test
    void aSecondInstallLeavesTheDefaultAlone() {
        install("1.22.5");

        Installer.Installation second = install("1.21.13");

        assertFalse(second.becameDefault());
        assertEquals(Optional.of("1.22.5"), store().globalDefault());
    }

    @Test
    void aWrongDigestPublishesNothing() {
        Path archive = FixtureDistribution.of("1.22.5").writeTarGz(downloads);
        Checksum wrong = Checksum.sha256("0".repeat(64));

        VerificationException e = assertThrows(VerificationException.class,
                () -> installer().installFromFile(archive, Optional.of(wrong), LINUX, false, ProgressListener.NONE, verifier(), cache()));

        assertTrue(e.getMessage().startsWith("checksum mismatch for 'go1.22.5.linux-amd64.tar.gz': expected 0000"), e.getMessage());
        assertNothingInstalled();
    }

    @Test
    void aHostileArchiveWithAWrongDigestIsReportedAsAMismatch() {
        Path archive = ArchiveBuilder.tarGz().minimalGo("1.22.5").file("go/../../x", "y", 0644)
                .write(downloads.resolve("go1.22.5.linux-amd64.tar.gz"));

        VerificationException e = assertThrows(VerificationException.class, () -> installer().installFromFile(archive,
                Optional.of(Checksum.sha256("1".repeat(64))), LINUX, false, ProgressListener.NONE, verifier(), cache()));

        assertTrue(e.getMessage().startsWith("checksum mismatch"), e.getMessage());
        assertNothingInstalled();
    }

    @Test
    void aHostileArchiveWithTheRightDigestIsStillRefused() {
        Path archive = ArchiveBuilder.tarGz().minimalGo("1.22.5").symlink("go/bin/sh", "/bin/sh")
                .write(downloads.resolve("go1.22.5.linux-amd64.tar.gz"));

        VerificationException e = assertThrows(VerificationException.class, () -> installer().installFromFile(archive,
                Optional.of(Checksum.sha256(FixtureDistribution.sha256(archive))), LINUX, false, ProgressListener.NONE, verifier(), cache()));

        assertEquals("unsafe archive: entry 'go/bin/sh' is a link to an absolute path '/bin/sh'", e.getMessage());
        assertNothingInstalled();
    }

    @Test
    void refusesWithoutEvidence() {
        Path archive = FixtureDistribution.of("1.22.5").writeTarGz(downloads);

        VerificationException e = assertThrows(VerificationException.class,
                () -> installer().installFromFile(archive, Optional.empty(), LINUX, false, ProgressListener.NONE, verifier(), cache()));

        assertEquals("no evidence that 'go1.22.5.linux-amd64.tar.gz' is genuine", e.getMessage());
        assertTrue(e.hint().orElseThrow().contains("--sha256"));
        assertNothingInstalled();
    }

    @Test
    void aModuleProxyToolchainZipIsRefusedAsSuchNotAsAnUnsafeArchive() {
        // What 'curl -O https://proxy.golang.org/golang.org/toolchain/@v/v0.0.1-go1.22.5.linux-amd64.zip' saves: a real
        // Go, but laid out as a module, which only the goproxy source type installs (with the checksum database's proof).
        String prefix = "golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64/";
        Path zip = ArchiveBuilder.zip().file(prefix + "VERSION", "go1.22.5\n", 0644).file(prefix + "bin/go", "#!/bin/sh\n", 0755)
                .write(downloads.resolve("v0.0.1-go1.22.5.linux-amd64.zip"));

        UsageException e = assertThrows(UsageException.class, () -> installer().installFromFile(zip,
                Optional.of(Checksum.sha256(FixtureDistribution.sha256(zip))), LINUX, false, ProgressListener.NONE, verifier(), cache()));

        assertEquals(2, e.exitCode().code());
        assertEquals("'v0.0.1-go1.22.5.linux-amd64.zip' is a module proxy's toolchain zip; --from takes go.dev's archives "
                + "(go1.22.5.linux-amd64.tar.gz)", e.getMessage());
        assertEquals("run 'jgvm install 1.22.5': it fetches that zip from a module proxy (your GOPROXY, then proxy.golang.org) and "
                + "proves it with Go's checksum database", e.hint().orElseThrow());
        assertNothingInstalled();
    }

    @Test
    void takesTheVersionFromGoVersionWhenTheNameHasNone() throws IOException {
        Path archive = FixtureDistribution.of("1.21rc2").writeTarGz(downloads);
        Path renamed = Files.move(archive, downloads.resolve("toolchain.tgz"));

        Installer.Installation done = installer().installFromFile(renamed,
                Optional.of(Checksum.sha256(FixtureDistribution.sha256(renamed))), LINUX, false, ProgressListener.NONE, verifier(), cache());

        assertEquals("1.21rc2", done.version().name());
    }

    @Test
    void refusesAnArchiveWhoseNameAndVersionFileDisagree() throws IOException {
        Path archive = FixtureDistribution.of("1.21.0").writeTarGz(downloads);
        Path renamed = Files.move(archive, downloads.resolve("go1.22.5.linux-amd64.tar.gz"));

        VerificationException e = assertThrows(VerificationException.class, () -> installer().installFromFile(renamed,
                Optional.of(Checksum.sha256(FixtureDistribution.sha256(renamed))), LINUX, false, ProgressListener.NONE, verifier(), cache()));

        assertEquals("'go1.22.5.linux-amd64.tar.gz' says go1.22.5 in its name but go1.21.0 in go/VERSION", e.getMessage());
        assertNothingInstalled();
    }

    @Test
    void refusesAnArchiveForAnotherPlatform() {
        Path archive = FixtureDistribution.of("1.22.5", "linux", "arm64").writeTarGz(downloads);

        UsageException e = assertThrows(UsageException.class, () -> installer().installFromFile(archive,
                Optional.of(Checksum.sha256(FixtureDistribution.sha256(archive))), LINUX, false, ProgressListener.NONE, verifier(), cache()));

        assertEquals("'go1.22.5.linux-arm64.tar.gz' is for linux/arm64, but this install is for linux/amd64", e.getMessage());
        assertTrue(e.hint().orElseThrow().contains("--platform linux/arm64"));
    }

    @Test
    void refusesAnArchiveWithoutAGoBinary() {
        Path archive = ArchiveBuilder.tarGz().file("go/VERSION", "go1.22.5\n", 0644).write(downloads.resolve("go1.22.5.linux-amd64.tar.gz"));

        VerificationException e = assertThrows(VerificationException.class, () -> installer().installFromFile(archive,
                Optional.of(Checksum.sha256(FixtureDistribution.sha256(archive))), LINUX, false, ProgressListener.NONE, verifier(), cache()));

        assertEquals("'go1.22.5.linux-amd64.tar.gz' is not a Go distribution: it has no go/bin/go", e.getMessage());
        assertNothingInstalled();
    }

    @Test
    void twoConcurrentInstallsOfOneVersionPublishItOnce() throws Exception {
        Path archive = FixtureDistribution.of("1.22.5").withPadding(300).writeTarGz(downloads);
        Checksum sum = Checksum.sha256(FixtureDistribution.sha256(archive));
        Callable<Installer.Installation> job = () -> installer().installFromFile(archive, Optional.of(sum), LINUX, false, ProgressListener.NONE, verifier(), cache());
        ExecutorService pool = Executors.newFixedThreadPool(2);

        Future<Installer.Installation> a = pool.submit(job);
        Future<Installer.Installation> b = pool.submit(job);
        List<Installer.Installation> both = List.of(a.get(), b.get());
        pool.shutdown();

        assertEquals(1, both.stream().filter(i -> !i.alreadyInstalled()).count(), "exactly one publishes");
        assertEquals(List.of(GoVersion.parse("1.22.5")), store().installed());
        assertEquals(TreeHash.of(home.resolve("versions/1.22.5"), TreeHash.Kind.CRC32C), store().meta(GoVersion.parse("1.22.5")).orElseThrow().treeHash());
        try (var tmp = Files.list(home.resolve("tmp"))) {
            assertEquals(List.of(), tmp.toList());
        }
    }

    @Test
    void uninstallRemovesTreeAndMetaAndRegenerates() {
        install("1.22.5");
        changes.clear();

        installer().uninstall(List.of(GoVersion.parse("1.22.5")));

        assertFalse(Files.exists(home.resolve("versions/1.22.5")));
        assertFalse(Files.exists(home.resolve("meta/1.22.5.json")));
        assertEquals(List.of("changed"), changes);
    }

    @Test
    void aFileWhoseBytesTheCacheProvedInstallsWithThatEvidenceWithoutADigest() throws IOException {
        Path archive = FixtureDistribution.of("1.22.5").writeTarGz(downloads);
        Checksum sum = Checksum.sha256(FixtureDistribution.sha256(archive));
        ArchiveCache cache = new ArchiveCache(home.resolve("cache"));
        Path copy = Files.copy(archive, Files.createDirectories(home.resolve("cache/downloads")).resolve("copy"));
        Evidence origin = new Evidence(Evidence.Kind.ORIGIN, "sha256 from https://dl.google.com/go/go1.22.5.linux-amd64.tar.gz.sha256");
        cache.put(copy, archive.getFileName().toString(), sum, List.of(origin), "official", Optional.empty(), ArchiveExtractor.Layout.OFFICIAL);
        // A broken .asc beside it does not matter when the cache vouches for the bytes.
        Files.writeString(archive.resolveSibling(archive.getFileName() + ".asc"), "<html>404</html>");

        Installer.Installation done = installer().installFromFile(archive, Optional.empty(), LINUX, false, ProgressListener.NONE, verifier(), cache);

        assertEquals(home.resolve("versions/1.22.5"), done.goroot());
        InstallMeta meta = store().meta(GoVersion.parse("1.22.5")).orElseThrow();
        assertEquals(List.of(origin), meta.evidence());
        assertEquals(sum.hex(), meta.sha256());
    }

    @Test
    void aFileWithABrokenSignatureAndNoCachedProofIsRefused() throws IOException {
        Path archive = FixtureDistribution.of("1.22.5").writeTarGz(downloads);
        Files.writeString(archive.resolveSibling(archive.getFileName() + ".asc"), "<html>404</html>");

        VerificationException e = assertThrows(VerificationException.class, () -> installer().installFromFile(archive, Optional.empty(), LINUX, false, ProgressListener.NONE, verifier(), new ArchiveCache(home.resolve("cache"))));

        assertTrue(e.getMessage().startsWith("security: go1.22.5.linux-amd64.tar.gz.asc is not an OpenPGP signature"), e.getMessage());
        assertNothingInstalled();
    }

    @Test
    void aFileWithNeitherCachedProofNorSignatureNeedsADigest() {
        Path archive = FixtureDistribution.of("1.22.5").writeTarGz(downloads);

        VerificationException e = assertThrows(VerificationException.class, () -> installer().installFromFile(archive, Optional.empty(), LINUX, false, ProgressListener.NONE, verifier(), new ArchiveCache(home.resolve("cache"))));

        assertTrue(e.getMessage().startsWith("no evidence that 'go1.22.5.linux-amd64.tar.gz' is genuine"), e.getMessage());
        assertNothingInstalled();
    }

    @Test
    void aTarGzSwappedOnDiskAfterItsBytesWereProvenIsNeverInstalled() throws IOException {
        Path archive = FixtureDistribution.of("1.22.5").writeTarGz(downloads);
        byte[] evil = FixtureDistribution.tamperedTarGz(home.resolve("evil"), "1.22.5");

        installSwappingAfterTheFirstStep(archive, evil);

        assertFalse(Files.exists(home.resolve("versions/1.22.5/bin/backdoor")), "the bytes swapped in after the proof were installed");
    }

    @Test
    void aZipSwappedOnDiskAfterItsBytesWereProvenIsNeverInstalled() throws IOException {
        Path archive = FixtureDistribution.of("1.22.5").writeZip(downloads);
        byte[] evil = Files.readAllBytes(FixtureDistribution.of("1.22.5").withTool("backdoor").writeZip(Files.createDirectories(home.resolve("evil"))));

        installSwappingAfterTheFirstStep(archive, evil);

        assertFalse(Files.exists(home.resolve("versions/1.22.5/bin/backdoor")), "the bytes swapped in after the proof were installed");
    }

    // The cache proves the honest bytes; once the install reports its first step, the user's file is rewritten in place.
    private void installSwappingAfterTheFirstStep(Path archive, byte[] evil) throws IOException {
        Checksum sum = Checksum.sha256(FixtureDistribution.sha256(archive));
        ArchiveCache cache = new ArchiveCache(home.resolve("cache"));
        Path copy = Files.copy(archive, Files.createDirectories(home.resolve("cache/downloads")).resolve("copy"));
        cache.put(copy, archive.getFileName().toString(), sum, List.of(new Evidence(Evidence.Kind.ORIGIN, "sha256 from the origin")), "official",
                Optional.empty(), ArchiveExtractor.Layout.OFFICIAL);
        ProgressListener swapper = new ProgressListener() {
            boolean swapped;

            @Override public void step(String what) { swap(); }

            @Override public void verified(Evidence e) { swap(); }

            private void swap() {
                if (swapped) return;
                swapped = true;
                try {
                    Files.write(archive, evil);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };

        try {
            installer().installFromFile(archive, Optional.empty(), LINUX, false, swapper, verifier(), cache);
        } catch (VerificationException refused) {
            // refusing is fine; installing the swapped bytes is not
        }
    }

    private Installer.Installation install(String version) {
        Path archive = FixtureDistribution.of(version).writeTarGz(downloads);
        return installer().installFromFile(archive, Optional.of(Checksum.sha256(FixtureDistribution.sha256(archive))), LINUX, false, ProgressListener.NONE, verifier(), cache());
    }

    private void assertNothingInstalled() {
        assertEquals(List.of(), store().installed());
        assertFalse(Files.exists(home.resolve("meta/1.22.5.json")));
        try (var tmp = Files.list(home.resolve("tmp"))) {
            assertEquals(List.of(), tmp.toList(), "no staging left behind");
        } catch (IOException e) {
            // no tmp/ at all is fine too
        }
    }
}
