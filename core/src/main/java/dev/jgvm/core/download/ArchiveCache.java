package dev.jgvm.core.download;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jgvm.core.archive.ArchiveExtractor;
import dev.jgvm.core.error.StoreException;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.dist.Checksum;
import dev.jgvm.core.verify.Evidence;
import dev.jgvm.core.verify.VerifiedArchive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Verified archives under {@code cache/}: {@code downloads/<sha256>} holds the bytes (renamed there only after they
 * were proven), {@code archives/<file>.json} records which file name they are, the evidence that proved them and
 * where they came from. A second install of the same archive needs no network. What the cache returns is a claim:
 * {@code ArtifactVerifier.verifyCached} proves the bytes again (and {@link #forget} drops an entry that no longer
 * matches). Downloads in progress are {@code downloads/<digest>-<origin>-go<v>.partial}, so a partial file is only ever
 * resumed from the mirror and URL that began it. Safe across processes (atomic renames).
 */
public final class ArchiveCache {
    private final Path root;

    public ArchiveCache(Path cacheDir) { this.root = cacheDir; }

    /**
     * A cached archive and its record.
     *
     * @param signature the official {@code .asc} that came with it, if any (bundles carry it along)
     */
    public record Entry(Path file, String fileName, Checksum sha256, List<Evidence> evidence, String source,
                        Optional<byte[]> signature, ArchiveExtractor.Layout layout) {}

    /**
     * The {@code .partial} path for a download of {@code uri} (an archive of {@code version}) from the source
     * {@code source}: named by the expected digest when one is known, and always by the source and URL, so bytes one
     * mirror sent are never completed by another (ARCHITECTURE.md, 'Trust': a mirror cannot poison the next). The name
     * is the same in every run, so an interrupted download is resumed by the next one instead of staying beside it;
     * resumed bytes are proven like any others, and a resume that does not verify is fetched again from zero. It ends
     * in the version ({@code -go1.22.5.partial}): {@code cache clean} leaves it alone while an install of that version
     * holds its lock ({@link #owner}).
     */
    public Path partial(dev.jgvm.core.version.GoVersion version, Optional<Checksum> expected, String source, java.net.URI uri) {
        java.security.MessageDigest d = Checksum.newDigest();
        d.update((source + "\n" + uri).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String origin = java.util.HexFormat.of().formatHex(d.digest()).substring(0, 16);
        return downloads().resolve(expected.map(Checksum::hex).orElse("unproven") + "-" + origin + "-" + version.goName() + ".partial");
    }

    /** A fresh path under {@code downloads/} for a private copy of some bytes (deleted by its user). */
    public Path privateCopy() { return downloads().resolve(UUID.randomUUID() + ".copy"); }

    /**
     * Like {@link #privateCopy()}, for a caller that holds the install lock of {@code version} while it uses the copy:
     * the name says the version ({@code go1.22.5-<uuid>.copy}), so {@code cache clean} leaves it alone until then.
     */
    public Path privateCopy(dev.jgvm.core.version.GoVersion version) { return downloads().resolve(version.goName() + "-" + UUID.randomUUID() + ".copy"); }

    /**
     * The version whose install works on a file of {@code downloads/}, by its name: a {@link #partial} or a
     * {@link #privateCopy(dev.jgvm.core.version.GoVersion)}; empty for any other name.
     */
    public static Optional<dev.jgvm.core.version.GoVersion> owner(String fileName) {
        if (fileName.endsWith(".partial")) {
            int at = fileName.lastIndexOf("-go");
            return at < 0 ? Optional.empty() : dev.jgvm.core.version.GoVersion.tryParse(fileName.substring(at + 1, fileName.length() - ".partial".length()));
        }
        if (fileName.endsWith(".copy") && fileName.startsWith("go") && fileName.indexOf('-') > 0) {
            return dev.jgvm.core.version.GoVersion.tryParse(fileName.substring(0, fileName.indexOf('-')));
        }
        return Optional.empty();
    }

    private Path downloads() {
        try {
            return Files.createDirectories(root.resolve("downloads"));
        } catch (IOException e) {
            throw new StoreException("cannot create '%s': %s".formatted(root.resolve("downloads"), e.getMessage()), "check that JGVM_HOME is writable", e);
        }
    }

    /** Moves a proven archive's file into the cache and records it with its evidence. */
    public void put(VerifiedArchive archive) {
        archive.moveTo(downloads().resolve(archive.sha256().hex()));
        record(archive.fileName(), archive.sha256(), archive.evidence(), archive.source(), archive.signature(), archive.layout());
    }

    /**
     * Moves bytes into the cache under a record, as a later run will find them. The bytes are proven again when they
     * are used, so a wrong record costs a download, never an install; jgvm itself caches through {@link #put(VerifiedArchive)}.
     */
    public Entry put(Path bytes, String fileName, Checksum sha256, List<Evidence> evidence, String source,
                     Optional<byte[]> signature, ArchiveExtractor.Layout layout) {
        Path file = downloads().resolve(sha256.hex());
        try {
            Files.move(bytes, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StoreException("cannot cache '%s': %s".formatted(fileName, e.getMessage()), "check that JGVM_HOME is writable", e);
        }
        record(fileName, sha256, evidence, source, signature, layout);
        return new Entry(file, fileName, sha256, evidence, source, signature, layout);
    }

    private void record(String fileName, Checksum sha256, List<Evidence> evidence, String source, Optional<byte[]> signature,
                        ArchiveExtractor.Layout layout) {
        JsonObject o = new JsonObject();
        o.addProperty("file", fileName);
        o.addProperty("sha256", sha256.hex());
        o.addProperty("source", source);
        o.add("evidence", Evidence.toJson(evidence));
        o.addProperty("layout", layout.name());
        signature.ifPresent(sig -> InstallStore.writeAtomically(record(fileName).resolveSibling(fileName + ".asc"), new String(sig, java.nio.charset.StandardCharsets.US_ASCII)));
        InstallStore.writeAtomically(record(fileName), o + "\n");
    }

    /**
     * What the cache records for this file name: a claim, not yet proven. ArtifactVerifier.verifyCached reads the
     * bytes once and holds them to the recorded digest.
     */
    public Optional<Entry> find(String fileName) {
        Path rec = record(fileName);
        if (!Files.isRegularFile(rec)) return Optional.empty();
        try {
            JsonObject o = JsonParser.parseString(Files.readString(rec)).getAsJsonObject();
            Checksum sha = Checksum.sha256(o.get("sha256").getAsString());
            Path file = root.resolve("downloads").resolve(sha.hex());
            if (!Files.isRegularFile(file)) {
                Files.deleteIfExists(rec);
                return Optional.empty();
            }
            List<Evidence> ev = Evidence.fromJson(o.getAsJsonArray("evidence"));
            if (ev.isEmpty()) return Optional.empty();
            Path asc = rec.resolveSibling(fileName + ".asc");
            Optional<byte[]> sig = Files.isRegularFile(asc) ? Optional.of(SmallFile.read(asc, SmallFile.SIGNATURE)) : Optional.empty();
            ArchiveExtractor.Layout layout = o.has("layout") ? ArchiveExtractor.Layout.valueOf(o.get("layout").getAsString()) : ArchiveExtractor.Layout.OFFICIAL;
            return Optional.of(new Entry(file, fileName, sha, ev, o.get("source").getAsString(), sig, layout));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The evidence recorded for an archive of this name with exactly these bytes, without reading the cached copy:
     * for a file the caller has hashed itself (install --from).
     */
    public Optional<List<Evidence>> evidenceFor(String fileName, Checksum sha256) {
        Path rec = record(fileName);
        if (!Files.isRegularFile(rec)) return Optional.empty();
        try {
            JsonObject o = JsonParser.parseString(Files.readString(rec)).getAsJsonObject();
            if (!Checksum.sha256(o.get("sha256").getAsString()).equals(sha256)) return Optional.empty();
            List<Evidence> ev = Evidence.fromJson(o.getAsJsonArray("evidence"));
            return ev.isEmpty() ? Optional.empty() : Optional.of(ev);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Drops an entry whose bytes no longer match its record: its file and its record. */
    public void forget(Entry entry) {
        try {
            Files.deleteIfExists(entry.file());
            Files.deleteIfExists(record(entry.fileName()));
        } catch (IOException e) {
            // proven again (and refused again) the next time
        }
    }

    /** The file names of every cached archive (for offline listings). */
    public List<String> fileNames() {
        try (java.util.stream.Stream<Path> s = Files.list(root.resolve("archives"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private Path record(String fileName) { return root.resolve("archives").resolve(fileName + ".json"); }
}
