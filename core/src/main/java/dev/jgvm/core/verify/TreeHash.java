package dev.jgvm.core.verify;

import dev.jgvm.core.dist.Checksum;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
import java.util.zip.CRC32C;

/**
 * The hash of a tree of files: the SHA-256 of the sorted lines {@code "<digest of the file>  <path>\n"} (the
 * {@link #manifest()}), in base64, prefixed by the {@link Kind} of per-file digest. Paths are relative to the root
 * with {@code /} separators. A symbolic link counts as a file whose content is {@code symlink:<target>}.
 *
 * <p>{@link Kind#SHA256} is Go's {@code dirhash.Hash1} ({@code h1:}): what the checksum database records for a module
 * zip, so that is what a zip is judged by. {@link Kind#CRC32C} ({@code c1:}) is for an installed tree, which no
 * published record covers: it is built while extracting (no second read) and recomputed from disk by
 * {@code jgvm verify}; recorded at install, the manifest lets {@code verify} name each file that changed, and its
 * SHA-256 is the tree hash, so a manifest proves itself against the hash in {@code meta/<v>.json}. What a CRC can
 * and cannot tell is in ARCHITECTURE.md, 'Trust'. Not thread-safe.
 */
public final class TreeHash {
    /** The per-file digest of a tree hash, told apart by the hash's prefix. */
    public enum Kind {
        /** SHA-256 of each file, 64 hex digits: Go's {@code h1:}, and what installs recorded before {@code c1:}. */
        SHA256("h1:", Pattern.compile("[0-9a-f]{64}")),
        /**
         * CRC32C of each file and its size, {@code <8 hex digits>:<bytes>}: detects any accidental change (a size,
         * or a CRC, that differs) at a tenth of the CPU of SHA-256, and proves nothing against someone who means it.
         */
        CRC32C("c1:", Pattern.compile("[0-9a-f]{8}:[0-9]{1,19}"));

        private final String prefix;
        private final Pattern digest;

        Kind(String prefix, Pattern digest) {
            this.prefix = prefix;
            this.digest = digest;
        }

        /** The prefix of a tree hash of this kind, such as {@code h1:}. */
        public String prefix() { return prefix; }

        /** The kind a recorded tree hash was made with; a hash with an unknown prefix is taken as Go's {@code h1:}. */
        public static Kind of(String treeHash) {
            return treeHash.startsWith(CRC32C.prefix) ? CRC32C : SHA256;
        }

        /** A digest of one file's content, fed as it is read or written. */
        public FileDigest newFileDigest() { return this == SHA256 ? new Sha256() : new Crc32c(); }

        /** The digest of a file on disk. */
        public String ofFile(Path file) throws IOException {
            FileDigest d = newFileDigest();
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buf)) > 0; ) d.update(buf, 0, n);
            }
            return d.finish();
        }

        boolean matches(String digestText) { return digest.matcher(digestText).matches(); }
    }

    /** One file's digest in the making: {@link #update} with every byte, then {@link #finish} once. */
    public interface FileDigest {
        void update(byte[] b, int off, int len);

        void update(ByteBuffer b);

        /** The digest as the manifest spells it; the digest may then be fed anew. */
        String finish();
    }

    private static final class Sha256 implements FileDigest {
        private final MessageDigest d = Checksum.newDigest();

        @Override public void update(byte[] b, int off, int len) { d.update(b, off, len); }

        @Override public void update(ByteBuffer b) { d.update(b); }

        @Override public String finish() { return HexFormat.of().formatHex(d.digest()); }
    }

    private static final class Crc32c implements FileDigest {
        private final CRC32C crc = new CRC32C();
        private long size;

        @Override public void update(byte[] b, int off, int len) {
            crc.update(b, off, len);
            size += len;
        }

        @Override public void update(ByteBuffer b) {
            size += b.remaining();
            crc.update(b);
        }

        @Override public String finish() {
            String text = HexFormat.of().toHexDigits((int) crc.getValue()) + ":" + size;
            crc.reset();
            size = 0;
            return text;
        }
    }

    private final Kind kind;
    private final TreeMap<String, String> files = new TreeMap<>();
    private String manifest;   // built once after the last add: an install needs it for the hash and for the file

    /** A tree hash of Go's {@code h1:} kind. */
    public TreeHash() { this(Kind.SHA256); }

    public TreeHash(Kind kind) { this.kind = kind; }

    public Kind kind() { return kind; }

    /** Records one file's digest, as {@link Kind#newFileDigest()} of this kind spells it. */
    public void add(String relativePath, String digest) {
        files.put(relativePath, digest);
        manifest = null;
    }

    /** Records a symbolic link. */
    public void addSymlink(String relativePath, String target) {
        FileDigest d = kind.newFileDigest();
        byte[] content = ("symlink:" + target).getBytes(StandardCharsets.UTF_8);
        d.update(content, 0, content.length);
        add(relativePath, d.finish());
    }

    public int size() { return files.size(); }

    /** The tree hash of what was added: the kind's prefix and the SHA-256 of the {@link #manifest()}, in base64. */
    public String value() {
        MessageDigest summary = Checksum.newDigest();
        summary.update(manifest().getBytes(StandardCharsets.UTF_8));
        return kind.prefix() + Base64.getEncoder().encodeToString(summary.digest());
    }

    /** One {@code "<digest>  <path>\n"} line per file, sorted by path: what the hash is computed over. */
    public String manifest() {
        if (manifest == null) {
            StringBuilder b = new StringBuilder(files.size() * 96);
            for (Map.Entry<String, String> e : files.entrySet()) b.append(e.getValue()).append("  ").append(e.getKey()).append('\n');
            manifest = b.toString();
        }
        return manifest;
    }

    /** Every recorded path and its digest, sorted by path. */
    public SortedMap<String, String> files() { return Collections.unmodifiableSortedMap(files); }

    /**
     * Reads what {@link #manifest()} wrote, of either kind (the first line tells which; every line must agree).
     *
     * @return empty when the text is not a manifest (a line without a digest of the kind, two spaces and a path)
     */
    public static Optional<TreeHash> parseManifest(String text) {
        TreeHash h = null;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) continue;
            int gap = line.indexOf("  ");
            if (gap <= 0 || gap + 2 >= line.length()) return Optional.empty();
            String digest = line.substring(0, gap);
            if (h == null) h = new TreeHash(Kind.SHA256.matches(digest) ? Kind.SHA256 : Kind.CRC32C);
            if (!h.kind.matches(digest)) return Optional.empty();
            h.add(line.substring(gap + 2), digest);
        }
        return Optional.of(h == null ? new TreeHash() : h);
    }

    /** The tree hash of a tree on disk. */
    public static String of(Path root, Kind kind) throws IOException { return scan(root, kind).value(); }

    /** Hashes every file of a tree on disk with the given kind of digest, keeping each file's digest. */
    public static TreeHash scan(Path root, Kind kind) throws IOException {
        TreeHash h = new TreeHash(kind);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = root.relativize(file).toString().replace('\\', '/');
                if (attrs.isSymbolicLink()) {
                    h.addSymlink(rel, Files.readSymbolicLink(file).toString());
                } else if (attrs.isRegularFile()) {
                    h.add(rel, kind.ofFile(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return h;
    }
}
