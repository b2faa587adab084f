package dev.jgvm.core.install;

import dev.jgvm.core.archive.ArchiveExtractor;
import dev.jgvm.core.config.Settings;
import dev.jgvm.core.config.Settings.EvidenceLevel;
import dev.jgvm.core.download.ArchiveCache;
import dev.jgvm.core.download.Downloader;
import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.mirror.MirrorChain;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.spi.Artifact;
import dev.jgvm.core.spi.EvidenceSource;
import dev.jgvm.core.spi.Release;
import dev.jgvm.core.spi.Source;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.verify.ArtifactVerifier;
import dev.jgvm.core.dist.Checksum;
import dev.jgvm.core.verify.Evidence;
import dev.jgvm.core.verify.TrustedKeys;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;
import dev.jgvm.fixtures.FixtureDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Installs through the cache and a source, as {@code jgvm install} does, when someone races or poisons the bytes. */
class RemoteInstallerTest {
    private static final Platform LINUX = Platform.parse("linux/amd64");
    private static final GoVersion V = GoVersion.parse("1.22.5");
    private static final String FILE = "go1.22.5.linux-amd64.tar.gz";
    @TempDir Path home;
    @TempDir Path work;

    private InstallStore store() { return new InstallStore(home, Duration.ofSeconds(20)); }

    private RemoteInstaller remote(List<Source> sources, boolean offline) {
        HttpClient http = HttpClient.create(Settings.Network.defaults(), "test");
        ArtifactVerifier verifier = new ArtifactVerifier(http, TrustedKeys.builtIn(), List.of(), EvidenceLevel.MIRROR, offline);
        return new RemoteInstaller(new Installer(store(), new ArchiveExtractor(), List.of()), store(), new MirrorChain(sources), verifier,
                new ArchiveCache(home.resolve("cache")), new Downloader(http, 0));
    }

    @Test
    void aCachedArchiveRewrittenAfterItWasProvenIsNeverInstalled() throws IOException {
        Path honest = FixtureDistribution.of("1.22.5").writeTarGz(work);
        byte[] evil = FixtureDistribution.tamperedTarGz(work, "1.22.5");
        Checksum sum = Checksum.sha256(FixtureDistribution.sha256(honest));
        ArchiveCache cache = new ArchiveCache(home.resolve("cache"));
        Path cached = Files.copy(honest, Files.createDirectories(home.resolve("cache/downloads")).resolve("x"));
        cache.put(cached, FILE, sum, List.of(new Evidence(Evidence.Kind.ORIGIN, "sha256 from the origin")), "official", Optional.empty(),
                ArchiveExtractor.Layout.OFFICIAL);
        Path file = home.resolve("cache/downloads/" + sum.hex());
        // Whatever the install reports, from then on the cache's file holds other bytes.
        ProgressListener racer = new ProgressListener() {
            @Override public void step(String what) {
                try {
                    Files.write(file, evil);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };

        try {
            remote(List.of(), true).install(VersionSpec.parse("1.22.5"), LINUX, false, true, racer);
        } catch (VerificationException refused) {
            // refusing is fine; installing the rewritten bytes is not
        }

        assertFalse(Files.exists(home.resolve("versions/1.22.5/bin/backdoor")), "the bytes written after the proof were installed");
    }

    @Test
    void aResumedDownloadThatDoesNotVerifyIsFetchedOnceMoreFromZeroBeforeTheMirrorIsBlamed() throws IOException {
        Path honest = FixtureDistribution.of("1.22.5").withPadding(50).writeTarGz(work);
        byte[] bytes = Files.readAllBytes(honest);
        Checksum sum = Checksum.sha256(FixtureDistribution.sha256Of(bytes));
        Artifact artifact = new Artifact(FILE, V, LINUX, honest.toUri(), -1, Artifact.Layout.OFFICIAL,
                List.of(new EvidenceSource.Digest(sum, work.resolve("checksums.txt").toUri())));
        // An earlier run of this mirror and URL left a prefix that is not the archive's (a network that altered it).
        byte[] poisoned = Arrays.copyOf(bytes, bytes.length / 2);
        poisoned[poisoned.length / 2] ^= 0x55;
        Files.write(new ArchiveCache(home.resolve("cache")).partial(V, Optional.of(sum), "mirror", honest.toUri()), poisoned);
        List<String> rejected = new ArrayList<>();
        ProgressListener progress = new ProgressListener() {
            @Override public void rejected(String source, String message) { rejected.add(message); }
        };

        Installer.Installation done = remote(List.of(source("mirror", artifact)), false).install(VersionSpec.parse("1.22.5"), LINUX, false, false, progress);

        assertEquals(home.resolve("versions/1.22.5"), done.goroot());
        assertEquals(List.of(), rejected);
        assertEquals(sum.hex(), store().meta(V).orElseThrow().sha256());
    }

    private static Source source(String name, Artifact artifact) {
        return new Source() {
            @Override public String name() { return name; }

            @Override public List<Release> releases() { return List.of(new Release(V, true, List.of(artifact))); }
        };
    }
}
