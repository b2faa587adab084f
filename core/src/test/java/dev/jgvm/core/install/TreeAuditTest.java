package dev.jgvm.core.install;

import dev.jgvm.core.archive.ArchiveExtractor;
import dev.jgvm.core.config.Settings.EvidenceLevel;
import dev.jgvm.core.download.ArchiveCache;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.install.TreeAudit.Report;
import dev.jgvm.core.install.TreeAudit.Status;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.store.InstallMeta;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.verify.ArtifactVerifier;
import dev.jgvm.core.dist.Checksum;
import dev.jgvm.core.verify.TreeHash;
import dev.jgvm.core.verify.TrustedKeys;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.fixtures.FixtureDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreeAuditTest {
    private static final GoVersion V = GoVersion.parse("1.22.5");
    @TempDir Path home;
    @TempDir Path downloads;

    private InstallStore store() { return new InstallStore(home, Duration.ofSeconds(20)); }

    private Path install() {
        Path archive = FixtureDistribution.of("1.22.5").writeTarGz(downloads);
        Checksum sum = Checksum.sha256(FixtureDistribution.sha256(archive));
        return new Installer(store(), new ArchiveExtractor(), List.of())
                .installFromFile(archive, Optional.of(sum), Platform.parse("linux/amd64"), false, ProgressListener.NONE,
                        ArtifactVerifier.local(TrustedKeys.builtIn(), EvidenceLevel.ORIGIN), new ArchiveCache(home.resolve("cache"))).goroot();
    }

    @Test
    void theInstallRecordsAManifestWhoseHashIsTheTreeHash() throws IOException {
        Path goroot = install();

        TreeHash manifest = store().manifest(V).orElseThrow();

        assertEquals(store().meta(V).orElseThrow().treeHash(), manifest.value());
        assertEquals(TreeHash.scan(goroot, TreeHash.Kind.CRC32C).files(), manifest.files());
        assertTrue(manifest.files().containsKey("bin/go"));
    }

    @Test
    void anUntouchedTreeIsOk() {
        install();

        Report r = new TreeAudit(store()).audit(V);

        assertEquals(Status.OK, r.status());
        assertEquals(List.of(), r.modified());
    }

    @Test
    void namesEveryAddedRemovedAndModifiedFile() throws IOException {
        Path goroot = install();
        Files.writeString(goroot.resolve("bin/go"), "#!/bin/sh\necho pwned\n");
        Files.delete(goroot.resolve("pkg/tool/linux_amd64/vet"));
        Files.writeString(goroot.resolve("bin/evil"), "x");
        Files.createSymbolicLink(goroot.resolve("src/link"), Path.of("fmt"));

        Report r = new TreeAudit(store()).audit(V);

        assertEquals(Status.MODIFIED, r.status());
        assertTrue(r.named());
        assertEquals(List.of("bin/go"), r.modified());
        assertEquals(List.of("pkg/tool/linux_amd64/vet"), r.removed());
        assertEquals(List.of("bin/evil", "src/link"), r.added());
    }

    @Test
    void aChangeThatKeepsEveryFileSizeIsStillNamed() throws IOException {
        Path goroot = install();
        String before = Files.readString(goroot.resolve("VERSION"));
        Files.writeString(goroot.resolve("VERSION"), before.replace('g', 'h'));   // same length, other bytes

        Report r = new TreeAudit(store()).audit(V);

        assertEquals(Status.MODIFIED, r.status());
        assertTrue(r.named());
        assertEquals(List.of("VERSION"), r.modified());
    }

    @Test
    void anInstallRecordedWithSha256ByAnOlderJgvmStillVerifiesAndNamesChanges() throws IOException {
        Path goroot = install();
        // What an install recorded before c1: a manifest of SHA-256 lines and its h1: tree hash in the meta.
        TreeHash old = TreeHash.scan(goroot, TreeHash.Kind.SHA256);
        Files.writeString(store().manifestFile(V), old.manifest());
        InstallMeta m = store().meta(V).orElseThrow();
        store().writeMeta(new InstallMeta(m.version(), m.platform(), m.archive(), m.sha256(), m.source(), m.evidence(),
                m.installedAt(), old.value(), m.files()));
        assertTrue(old.value().startsWith("h1:"));

        Report ok = new TreeAudit(store()).audit(V);
        Files.writeString(goroot.resolve("bin/go"), "#!/bin/sh\necho pwned\n");
        Report changed = new TreeAudit(store()).audit(V);

        assertEquals(Status.OK, ok.status());
        assertEquals(old.value(), ok.actual());
        assertEquals(Status.MODIFIED, changed.status());
        assertTrue(changed.named());
        assertEquals(List.of("bin/go"), changed.modified());
    }

    @Test
    void aManifestThatWasAlteredTooIsNotBelieved() throws IOException {
        Path goroot = install();
        Files.writeString(goroot.resolve("bin/go"), "#!/bin/sh\necho pwned\n");
        // Someone who changed bin/go and rewrote the manifest to hide it: the manifest no longer hashes to the meta's.
        Path manifest = store().manifestFile(V);
        String hidden = TreeHash.scan(goroot, TreeHash.Kind.CRC32C).manifest();
        Files.writeString(manifest, hidden);

        Report r = new TreeAudit(store()).audit(V);

        assertEquals(Status.MODIFIED, r.status());
        assertFalse(r.named());
        assertEquals(List.of(), r.modified());
    }

    @Test
    void anInstallWithoutAManifestStillSaysItChanged() throws IOException {
        Path goroot = install();
        Files.delete(store().manifestFile(V));
        Files.writeString(goroot.resolve("LICENSE"), "changed");

        Report r = new TreeAudit(store()).audit(V);

        assertEquals(Status.MODIFIED, r.status());
        assertFalse(r.named());
    }

    @Test
    void uninstallRemovesTheManifest() {
        install();

        new Installer(store(), new ArchiveExtractor(), List.of()).uninstall(List.of(V));

        assertFalse(Files.exists(store().manifestFile(V)));
    }
}
