package dev.jgvm.core.install;

import dev.jgvm.core.archive.ArchiveExtractor;
import dev.jgvm.core.archive.ArchiveExtractor.Layout;
import dev.jgvm.core.archive.StreamedExtraction;
import dev.jgvm.core.config.Settings.EvidenceLevel;
import dev.jgvm.core.download.Downloader;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.spi.Artifact;
import dev.jgvm.core.spi.EvidenceSource;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.verify.ArtifactVerifier;
import dev.jgvm.core.dist.Checksum;
import dev.jgvm.core.verify.TrustedKeys;
import dev.jgvm.core.verify.VerifiedArchive;
import dev.jgvm.core.verify.TreeHash;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.fixtures.FixtureDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Extraction that follows a download as it is written, as {@code jgvm install} runs it. */
@Timeout(60)
class StreamedExtractionTest {
    private static final Platform LINUX = Platform.parse("linux/amd64");
    private static final GoVersion V = GoVersion.parse("1.22.5");
    @TempDir Path home;
    @TempDir Path work;

    private InstallStore store() { return new InstallStore(home, Duration.ofSeconds(20)); }

    private Installer installer() { return new Installer(store(), new ArchiveExtractor(), List.of()); }

    private byte[] archive() throws IOException {
        byte[] b = Files.readAllBytes(FixtureDistribution.of("1.22.5").withPadding(300).writeTarGz(work));
        assertTrue(b.length > 4_000, "big enough to arrive in many pieces: " + b.length);
        return b;
    }

    // Writes the bytes in pieces, telling the stream after each, as the downloader does.
    private static void download(byte[] bytes, Path partial, StreamedExtraction into, int piece) throws IOException {
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (int at = 0; at < bytes.length; at += piece) {
                int n = Math.min(piece, bytes.length - at);
                out.write(bytes, at, n);
                out.flush();
                into.grew(at + n);
            }
        }
    }

    // As RemoteInstaller does: the verifier judges the downloaded file and takes the extraction into the archive it proves.
    private Installer.Installation complete(StreamedExtraction s, byte[] bytes, Path file) {
        Checksum sum = Checksum.sha256(FixtureDistribution.sha256Of(bytes));
        Artifact artifact = new Artifact("go1.22.5.linux-amd64.tar.gz", V, LINUX, URI.create("http://127.0.0.1:9/go1.22.5.linux-amd64.tar.gz"), -1,
                Artifact.Layout.OFFICIAL, List.of(new EvidenceSource.Digest(sum, URI.create("http://127.0.0.1:9/checksums.txt"))));
        ArtifactVerifier verifier = ArtifactVerifier.local(TrustedKeys.builtIn(), EvidenceLevel.MIRROR);
        try (VerifiedArchive proven = verifier.plan(artifact, "test").conclude(new Downloader.Result(file, sum, Optional.empty(), bytes.length, false),
                Optional.of(s))) {
            return installer().install(proven, Installer.InstallOptions.DEFAULT, ProgressListener.NONE);
        }
    }

    private List<Path> staged() throws IOException {
        if (!Files.isDirectory(home.resolve("tmp"))) return List.of();
        try (var s = Files.list(home.resolve("tmp"))) {
            return s.filter(p -> !p.getFileName().toString().endsWith(".lock")).toList();
        }
    }

    @Test
    void aTarGzWrittenInPiecesIsExtractedAsItGrowsAndPublishedWhenComplete() throws IOException {
        byte[] bytes = archive();
        Path partial = work.resolve("a.partial");
        try (StreamedExtraction s = installer().beginStreamed(partial, Layout.OFFICIAL)) {
            download(bytes, partial, s, 200);
            // The file is renamed into the cache once verified; the extraction keeps reading what it opened.
            Path cached = Files.move(partial, work.resolve("cached"));
            Installer.Installation done = complete(s, bytes, cached);

            assertEquals(home.resolve("versions/1.22.5"), done.goroot());
            assertTrue(Files.isExecutable(done.goroot().resolve("bin/go")));
            assertEquals(TreeHash.of(done.goroot(), TreeHash.Kind.CRC32C), store().meta(V).orElseThrow().treeHash());
        }
        assertEquals(List.of(), staged());
    }

    @Test
    void aBodyRestartedFromZeroAbandonsTheStreamSoTheFileIsExtractedInstead() throws IOException {
        byte[] bytes = archive();
        Path partial = work.resolve("b.partial");
        try (StreamedExtraction s = installer().beginStreamed(partial, Layout.OFFICIAL)) {
            download(Arrays.copyOf(bytes, bytes.length / 2), partial, s, 300);
            s.restarted();
            Files.delete(partial);
            Files.write(partial, bytes);   // the whole body again, as the server sent it

            Installer.Installation done = complete(s, bytes, partial);

            assertEquals(TreeHash.of(done.goroot(), TreeHash.Kind.CRC32C), store().meta(V).orElseThrow().treeHash());
        }
        assertTrue(store().isInstalled(V));
        assertEquals(List.of(), staged());
    }

    @Test
    void closingWithoutCompletingStopsTheExtractionAndDeletesWhatItWrote() throws IOException {
        byte[] bytes = archive();
        Path partial = work.resolve("c.partial");
        try (StreamedExtraction s = installer().beginStreamed(partial, Layout.OFFICIAL)) {
            download(Arrays.copyOf(bytes, bytes.length - 1_000), partial, s, 300);
            assertEquals(1, staged().size());
        }
        assertEquals(List.of(), staged());
        assertFalse(store().isInstalled(V));
    }

    @Test
    void aTruncatedArchiveIsReportedOnlyWhenTheDownloadEnds() throws IOException {
        byte[] bytes = archive();
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 3);
        Path partial = work.resolve("d.partial");
        try (StreamedExtraction s = installer().beginStreamed(partial, Layout.OFFICIAL)) {
            download(truncated, partial, s, 300);

            VerificationException e = assertThrows(VerificationException.class, () -> complete(s, truncated, partial));
            assertTrue(e.getMessage().startsWith("cannot read 'go1.22.5.linux-amd64.tar.gz' as a Go archive"), e.getMessage());
        }
        assertFalse(store().isInstalled(V));
        assertEquals(List.of(), staged());
    }

    @Test
    void aResumedDownloadAnnouncingBytesAgainIsReadOnce() throws IOException {
        byte[] bytes = archive();
        Path partial = work.resolve("e.partial");
        try (StreamedExtraction s = installer().beginStreamed(partial, Layout.OFFICIAL)) {
            int half = bytes.length / 2;
            download(Arrays.copyOf(bytes, half), partial, s, 300);
            s.grew(half);   // a retry replays the partial file and announces its length again
            try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.APPEND)) {
                out.write(bytes, half, bytes.length - half);
            }
            s.grew(bytes.length);

            assertEquals(V, complete(s, bytes, partial).version());
        }
        assertTrue(store().isInstalled(V));
    }
}
