package dev.jgvm.core.bundle;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.jgvm.core.dist.ArchiveName;
import dev.jgvm.core.error.StoreException;
import dev.jgvm.core.dist.Checksum;
import dev.jgvm.core.dist.ChecksumsFile;
import dev.jgvm.core.verify.PgpSigner;
import dev.jgvm.core.verify.VerifiedArchive;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes an offline bundle (README, 'Offline: signed bundles'): an uncompressed tar of verified archives, {@code checksums.txt} in the format
 * {@code sha256sum -c} reads, its armored detached {@code signature.asc}, the official {@code .asc} sidecars that came
 * with the archives, and {@code index.json}, the slice of go.dev's release index for them. Written to a temporary
 * file beside the target and renamed, so a bundle is complete or absent.
 */
public final class BundleWriter {
    /** Writes the bundle; {@code signer} empty writes an unsigned bundle (only useful with minimum = mirror). */
    public Path write(List<VerifiedArchive> archives, Optional<PgpSigner> signer, Path target) {
        Map<String, Checksum> sums = new TreeMap<>();
        archives.forEach(a -> sums.put(a.fileName(), a.sha256()));
        byte[] checksums = ChecksumsFile.format(sums).getBytes(StandardCharsets.UTF_8);
        Path tmp = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (OutputStream fo = Files.newOutputStream(tmp); TarArchiveOutputStream tar = new TarArchiveOutputStream(fo)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                for (VerifiedArchive a : archives) {
                    addFile(tar, a.fileName(), a.file());
                    if (a.signature().isPresent()) add(tar, a.fileName() + ".asc", a.signature().get());
                }
                add(tar, "checksums.txt", checksums);
                if (signer.isPresent()) add(tar, "signature.asc", signer.get().sign(checksums));
                add(tar, "index.json", index(archives));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new StoreException("cannot write the bundle '%s': %s".formatted(target, e.getMessage()), "check the directory and the free space", e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to undo
            }
        }
    }

    private static byte[] index(List<VerifiedArchive> archives) {
        Map<String, JsonArray> files = new LinkedHashMap<>();
        Map<String, Boolean> stable = new LinkedHashMap<>();
        for (VerifiedArchive a : archives) {
            ArchiveName n = ArchiveName.parse(a.fileName()).orElseThrow();
            String v = n.version().goName();
            JsonObject f = new JsonObject();
            f.addProperty("filename", a.fileName());
            f.addProperty("os", n.platform().os());
            f.addProperty("arch", n.platform().archiveArch());
            f.addProperty("version", v);
            f.addProperty("sha256", a.sha256().hex());
            try {
                f.addProperty("size", Files.size(a.file()));
            } catch (IOException e) {
                f.addProperty("size", 0);
            }
            f.addProperty("kind", "archive");
            files.computeIfAbsent(v, k -> new JsonArray()).add(f);
            stable.put(v, n.version().isStable());
        }
        JsonArray out = new JsonArray();
        files.forEach((v, fs) -> {
            JsonObject r = new JsonObject();
            r.addProperty("version", v);
            r.addProperty("stable", stable.get(v));
            r.add("files", fs);
            out.add(r);
        });
        return (new GsonBuilder().setPrettyPrinting().create().toJson(out) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(data.length);
        e.setMode(0100644);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static void addFile(TarArchiveOutputStream tar, String name, Path file) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(Files.size(file));
        e.setMode(0100644);
        tar.putArchiveEntry(e);
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(tar);
        }
        tar.closeArchiveEntry();
    }
}
