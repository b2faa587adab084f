package dev.jgvm.core.verify;

import dev.jgvm.core.verify.TreeHash.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreeHashTest {
    @TempDir Path root;

    private void tree() throws IOException {
        Files.createDirectories(root.resolve("bin"));
        Files.writeString(root.resolve("bin/go"), "binary");
        Files.writeString(root.resolve("VERSION"), "go1.22.5\n");
        Files.createSymbolicLink(root.resolve("bin/link"), Path.of("go"));
    }

    @Test
    void anInstalledTreeRecordsTheCrc32cAndSizeOfEachFile() throws IOException {
        tree();
        CRC32C crc = new CRC32C();
        crc.update("binary".getBytes(StandardCharsets.UTF_8));

        TreeHash h = TreeHash.scan(root, Kind.CRC32C);

        assertEquals("%08x:6".formatted(crc.getValue()), h.files().get("bin/go"));
        assertTrue(h.value().startsWith("c1:"));
        assertEquals(Kind.CRC32C, Kind.of(h.value()));
        assertEquals(3, h.size());
    }

    @Test
    void goH1IsUnchanged() throws IOException {
        tree();

        TreeHash h = TreeHash.scan(root, Kind.SHA256);

        // sha256("binary"), as Go's dirhash.Hash1 lists it.
        assertEquals("9a3a45d01531a20e89ac6ae10b0b0beb0492acd7216a368aa062d1a5fecaf9cd", h.files().get("bin/go"));
        assertTrue(h.value().startsWith("h1:"));
        assertEquals(Kind.SHA256, Kind.of(h.value()));
    }

    @Test
    void manifestsOfEitherKindReadBackToTheSameHash() throws IOException {
        tree();
        for (Kind kind : Kind.values()) {
            TreeHash h = TreeHash.scan(root, kind);

            TreeHash back = TreeHash.parseManifest(h.manifest()).orElseThrow();

            assertEquals(kind, back.kind());
            assertEquals(h.value(), back.value());
            assertEquals(h.files(), back.files());
        }
        assertNotEquals(TreeHash.of(root, Kind.SHA256), TreeHash.of(root, Kind.CRC32C));
    }

    @Test
    void aManifestMixingKindsOrWithoutDigestsIsNotOne() throws IOException {
        tree();
        String sha = TreeHash.scan(root, Kind.SHA256).manifest();
        String crc = TreeHash.scan(root, Kind.CRC32C).manifest();

        assertEquals(Optional.empty(), TreeHash.parseManifest(crc + sha));
        assertEquals(Optional.empty(), TreeHash.parseManifest("not a manifest\n"));
        assertEquals(Optional.empty(), TreeHash.parseManifest("0123abcd  \n"));
        assertEquals(Optional.empty(), TreeHash.parseManifest("0123abcd:x  VERSION\n"));
    }
}
