package dev.jgvm.core.verify;

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
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash of an installed tree, in the format of Go's {@code dirhash.Hash1}: SHA-256 over the sorted lines
 * {@code "<sha256 of the file>  <path>\n"}, base64, prefixed {@code h1:}. Paths are relative to the GOROOT with
 * {@code /} separators. A symbolic link counts as a file whose content is {@code symlink:<target>}. Built while
 * extracting (no second read) and recomputed from disk by {@code jgvm verify}. Not thread-safe.
 */
public final class TreeHash {
    private final Map<String, String> files = new TreeMap<>();

    /** Records one file's digest. */
    public void add(String relativePath, String sha256Hex) { files.put(relativePath, sha256Hex); }

    /** Records a symbolic link. */
    public void addSymlink(String relativePath, String target) {
        MessageDigest d = Checksum.newDigest();
        d.update(("symlink:" + target).getBytes(StandardCharsets.UTF_8));
        add(relativePath, HexFormat.of().formatHex(d.digest()));
    }

    public int size() { return files.size(); }

    /** The {@code h1:} hash of what was added. */
    public String value() {
        MessageDigest summary = Checksum.newDigest();
        for (Map.Entry<String, String> e : files.entrySet()) {
            summary.update((e.getValue() + "  " + e.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return "h1:" + Base64.getEncoder().encodeToString(summary.digest());
    }

    /** Hashes a tree on disk the same way. */
    public static String of(Path root) throws IOException {
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
        return h.value();
    }
}
