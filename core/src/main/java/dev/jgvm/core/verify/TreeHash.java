package dev.jgvm.core.verify;

import dev.jgvm.core.dist.Checksum;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The hash of an installed tree, in the format of Go's {@code dirhash.Hash1}: SHA-256 over the sorted lines
 * {@code "<sha256 of the file>  <path>\n"}, base64, prefixed {@code h1:}. Paths are relative to the GOROOT with
 * {@code /} separators. A symbolic link counts as a file whose content is {@code symlink:<target>}. Built while
 * extracting (no second read) and recomputed from disk by {@code jgvm verify}. The sorted lines themselves are the
 * {@link #manifest()}: recorded at install, they let {@code verify} name each file that changed, and their SHA-256 is
 * the tree hash, so a manifest proves itself against the hash in {@code meta/<v>.json}. Not thread-safe.
 */
public final class TreeHash {
    private final TreeMap<String, String> files = new TreeMap<>();
    private String manifest;   // built once after the last add: an install needs it for the hash and for the file

    /** Records one file's digest. */
    public void add(String relativePath, String sha256Hex) {
        files.put(relativePath, sha256Hex);
        manifest = null;
    }

    /** Records a symbolic link. */
    public void addSymlink(String relativePath, String target) {
        MessageDigest d = Checksum.newDigest();
        d.update(("symlink:" + target).getBytes(StandardCharsets.UTF_8));
        add(relativePath, HexFormat.of().formatHex(d.digest()));
    }

    public int size() { return files.size(); }

    /** The {@code h1:} hash of what was added: the SHA-256 of the {@link #manifest()}, in base64. */
    public String value() {
        MessageDigest summary = Checksum.newDigest();
        summary.update(manifest().getBytes(StandardCharsets.UTF_8));
        return "h1:" + Base64.getEncoder().encodeToString(summary.digest());
    }

    /** One {@code "<sha256 hex>  <path>\n"} line per file, sorted by path: what the hash is computed over. */
    public String manifest() {
        if (manifest == null) {
            StringBuilder b = new StringBuilder(files.size() * 96);
            for (Map.Entry<String, String> e : files.entrySet()) b.append(e.getValue()).append("  ").append(e.getKey()).append('\n');
            manifest = b.toString();
        }
        return manifest;
    }

    /** Every recorded path and its SHA-256 (hex), sorted by path. */
    public SortedMap<String, String> files() { return Collections.unmodifiableSortedMap(files); }

    /**
     * Reads what {@link #manifest()} wrote.
     *
     * @return empty when the text is not a manifest (a line without a 64-digit hex digest, two spaces and a path)
     */
    public static Optional<TreeHash> parseManifest(String text) {
        TreeHash h = new TreeHash();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) continue;
            if (line.length() < 67 || !line.startsWith("  ", 64) || !HEX64.matcher(line.substring(0, 64)).matches()) return Optional.empty();
            h.add(line.substring(66), line.substring(0, 64));
        }
        return Optional.of(h);
    }

    /** Hashes a tree on disk the same way. */
    public static String of(Path root) throws IOException { return scan(root).value(); }

    /** Hashes every file of a tree on disk, keeping each file's digest. */
    public static TreeHash scan(Path root) throws IOException {
        TreeHash h = new TreeHash();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = root.relativize(file).toString().replace('\\', '/');
                if (attrs.isSymbolicLink()) {
                    h.addSymlink(rel, Files.readSymbolicLink(file).toString());
                } else if (attrs.isRegularFile()) {
                    h.add(rel, Checksum.ofFile(file).hex());
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return h;
    }

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
}
