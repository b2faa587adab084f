package dev.jgvm.core.archive;

import dev.jgvm.core.store.DiskWriteException;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.verify.TreeHash;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Extracts a Go archive into an empty staging directory, which becomes the GOROOT (ARCHITECTURE.md, 'Trust'). tar.gz is read as a
 * stream (so extraction can overlap a download); zip needs the file, because its permissions live in the central
 * directory.
 *
 * <p>Refused with a {@link VerificationException} (exit 4), leaving the caller to discard the staging directory:
 * entries with absolute paths or {@code ..} segments; entries outside the layout's top directory; symbolic links
 * that are absolute, that climb after descending, or that resolve outside the target; hard links to anything but
 * an extracted regular file; device files and FIFOs; more entries, more bytes, or a higher expansion ratio than
 * {@link Limits} allow (zip bombs). Symbolic links are created after every other entry, so no file is ever written
 * through a link.
 *
 * <p>Tar mode bits are kept ({@code bin/go} stays executable). The {@link Layout#MODULE} layout applies cmd/go's
 * fix-ups for {@code golang.org/toolchain} zips: the {@code golang.org/toolchain@<version>/} prefix is stripped,
 * {@code _go.mod} becomes {@code go.mod}, and {@code bin/*} and {@code pkg/tool/**} become executable.
 * Stateless and thread-safe.
 */
public final class ArchiveExtractor {
    /** Where the GOROOT sits inside the archive. */
    public enum Layout {
        /** Official archives: everything under a top-level {@code go/}. */
        OFFICIAL,
        /** Module-proxy toolchain zips: everything under {@code golang.org/toolchain@<version>/}. */
        MODULE
    }

    /** Archive formats, told apart by their first bytes. */
    public enum Format {
        TAR_GZ, ZIP;

        /** The format of a file from its magic number. */
        public static Format sniff(Path file) throws IOException {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(4);
            }
            if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) return TAR_GZ;
            if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return ZIP;
            throw VerificationException.unreadable("'%s' is neither a .tar.gz nor a .zip archive".formatted(file.getFileName()),
                    "give the archive exactly as go.dev/dl publishes it", null);
        }
    }

    /**
     * Bounds that stop archive bombs.
     *
     * @param maxBytes      the most bytes all files may take together
     * @param maxEntries    the most entries
     * @param ratioFloor    bytes written before the expansion ratio is checked
     * @param maxRatio      the most bytes written per byte of archive read, past {@code ratioFloor}
     */
    public record Limits(long maxBytes, int maxEntries, long ratioFloor, int maxRatio) {
        /** Generous for any Go release (about 500 MB and 16,000 entries unpacked), tight for a bomb. */
        public static final Limits DEFAULT = new Limits(3L << 30, 200_000, 64L << 20, 100);
    }

    /**
     * What was extracted.
     *
     * @param entries   entries written (files, directories, links)
     * @param bytes     bytes of file content written
     * @param tree      every extracted file's digest, computed as it was written (the install's manifest)
     */
    public record Result(int entries, long bytes, TreeHash tree) {
        /** The {@code c1:} hash of the extracted tree. */
        public String treeHash() { return tree.value(); }
    }

    private final Limits limits;

    public ArchiveExtractor(Limits limits) { this.limits = limits; }

    public ArchiveExtractor() { this(Limits.DEFAULT); }

    /** Extracts a file of either format into {@code target} (an existing, empty directory). */
    public Result extract(Path archive, Layout layout, Path target) throws IOException {
        if (Format.sniff(archive) == Format.ZIP) return extractZip(archive, layout, target);
        try (InputStream in = Files.newInputStream(archive)) {
            return extractTarGz(in, layout, target);
        }
    }

    /** Extracts a gzip-compressed tar stream; {@code compressed} is read but left open for the caller. */
    public Result extractTarGz(InputStream compressed, Layout layout, Path target) throws IOException {
        CountingInputStream counted = new CountingInputStream(compressed);
        Sink sink = new Sink(target, layout, counted);
        // Inflating runs on a thread of its own, so it overlaps with writing and hashing the files (2 cores).
        try (InflatingPipe inflated = new InflatingPipe(GzipCompressorInputStream.builder()
                     .setInputStream(new java.io.BufferedInputStream(counted, 1 << 16)).setDecompressConcatenated(true).get());
             TarArchiveInputStream tar = new TarArchiveInputStream(inflated, StandardCharsets.UTF_8.name())) {
            // Names are UTF-8 in Go's archives whatever the locale says (test/fixedbugs/issue27836.dir/Äfoo.go).
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                String name = e.getName();
                if (e.isDirectory()) sink.directory(name);
                else if (e.isSymbolicLink()) sink.symlink(name, e.getLinkName());
                else if (e.isLink()) sink.hardLink(name, e.getLinkName());
                else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) sink.refuse(name, "is a device file or FIFO");
                else if (e.isFile()) sink.file(name, e.getMode(), tar);
                else sink.refuse(name, "has an unsupported tar entry type");
            }
        }
        return sink.finish();
    }

    /** Extracts a zip file. */
    public Result extractZip(Path zip, Layout layout, Path target) throws IOException {
        CountingInputStream counted = new CountingInputStream(InputStream.nullInputStream());
        Sink sink = new Sink(target, layout, counted);
        try (ZipFile zf = ZipFile.builder().setPath(zip).setCharset(StandardCharsets.UTF_8).get()) {
            // A module zip obeys cmd/go's rules (ModuleZip), so its entries are the ones its h1: covered.
            List<ZipArchiveEntry> entries = layout == Layout.MODULE
                    ? ModuleZip.entries(zf, zip.getFileName().toString(), java.util.Optional.empty(), limits, Files.size(zip))
                    : Collections.list(zf.getEntriesInPhysicalOrder());
            for (ZipArchiveEntry e : entries) {
                String name = e.getName();
                counted.count += Math.max(0, e.getCompressedSize());
                if (e.isDirectory()) {
                    sink.directory(name);
                } else if (e.isUnixSymlink()) {
                    try (InputStream in = zf.getInputStream(e)) {
                        sink.symlink(name, new String(in.readNBytes(4096), StandardCharsets.UTF_8));
                    }
                } else {
                    int type = e.getUnixMode() & 0170000;
                    if (type != 0 && type != 0100000) sink.refuse(name, "is a device file, FIFO or socket");
                    try (InputStream in = zf.getInputStream(e)) {
                        sink.file(name, e.getUnixMode(), in);
                    }
                }
            }
        }
        return sink.finish();
    }

    /** Writes entries under the target with every check; one per extraction. */
    private final class Sink {
        private final Path root;
        private final Layout layout;
        private final CountingInputStream source;
        // An installed tree's manifest: CRC32C per file, as no published record covers it (ARCHITECTURE.md, 'Trust').
        private final TreeHash hash = new TreeHash(TreeHash.Kind.CRC32C);
        private final Set<String> files = new HashSet<>();
        private final List<String[]> symlinks = new ArrayList<>();
        // Filled before each write (readNBytes), so a file is written in one call up to 1 MB: the tar stream hands
        // out what one 128 KB chunk of the inflater holds, and a write per read cost ~6,000 more calls per install.
        private final byte[] buf = new byte[1 << 20];
        private final Set<Path> made = new HashSet<>();
        private final TreeHash.FileDigest digest = hash.kind().newFileDigest();
        private String prefix;
        private int entries;
        private long bytes;

        Sink(Path root, Layout layout, CountingInputStream source) throws IOException {
            this.root = root.toRealPath();
            this.layout = layout;
            this.source = source;
        }

        void directory(String name) throws IOException {
            String rel = relative(name);
            if (rel == null) return;
            Path dir = root.resolve(rel);
            if (made.add(dir)) mkdirs(dir);
        }

        // A failed write is the disk's problem (full, read-only), not the archive's: say so by its type.
        private void mkdirs(Path dir) throws IOException {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new DiskWriteException(dir, e);
            }
        }

        // Creates a file's parent directories once per extraction, not once per file.
        private void parents(Path file) throws IOException {
            Path parent = file.getParent();
            if (made.add(parent)) mkdirs(parent);
        }

        void file(String name, int mode, InputStream in) throws IOException {
            String rel = relative(name);
            if (rel == null) refuse(name, "is a file in place of the top directory");
            Path path = root.resolve(rel);
            parents(path);
            // No entry can write through a link: the staging directory starts empty, links are only created by
            // finish(), after every file, and directories are made by this class. A plain FileOutputStream is the
            // cheapest way to write a file (one open, no channel), which counts at ~12,000 files per install.
            OutputStream opened;
            try {
                opened = new java.io.FileOutputStream(path.toFile());
            } catch (IOException e) {
                throw new DiskWriteException(path, e);
            }
            try (OutputStream out = opened) {
                for (int n; (n = in.readNBytes(buf, 0, buf.length)) > 0; ) {
                    bytes += n;
                    if (bytes > limits.maxBytes()) refuse(name, "takes the archive past %d bytes unpacked".formatted(limits.maxBytes()));
                    if (bytes > limits.ratioFloor() && bytes > source.count * (long) limits.maxRatio()) {
                        refuse(name, "expands more than %d times (an archive bomb)".formatted(limits.maxRatio()));
                    }
                    digest.update(buf, 0, n);
                    try {
                        out.write(buf, 0, n);
                    } catch (IOException e) {
                        throw new DiskWriteException(path, e);
                    }
                }
            }
            if (executable(rel, mode)) Files.setPosixFilePermissions(path, permissions(mode));
            files.add(rel);
            hash.add(rel, digest.finish());
        }

        void symlink(String name, String target) throws IOException {
            String rel = relative(name);
            if (rel == null) refuse(name, "is a link in place of the top directory");
            checkLinkTarget(name, rel, target);
            symlinks.add(new String[] {rel, target});
        }

        void hardLink(String name, String target) throws IOException {
            String rel = relative(name);
            String to = linkedEntry(target);
            if (rel == null || to == null || !files.contains(to)) {
                refuse(name, "is a hard link to '%s', which is not a file extracted before it".formatted(target));
            }
            Path path = root.resolve(rel);
            Files.createDirectories(path.getParent());
            Files.deleteIfExists(path);
            Files.copy(root.resolve(to), path, LinkOption.NOFOLLOW_LINKS, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            files.add(rel);
            hash.add(rel, hash.kind().ofFile(path));
        }

        Result finish() throws IOException {
            for (String[] link : symlinks) {
                Path path = root.resolve(link[0]);
                Files.createDirectories(path.getParent());
                // The parent chain must be real directories, so the lexical check above is the real one.
                if (!path.getParent().toRealPath().equals(path.getParent())) {
                    refuse(link[0], "is a link inside another link");
                }
                try {
                    Files.createSymbolicLink(path, Path.of(link[1]));
                } catch (FileAlreadyExistsException e) {
                    refuse(link[0], "is a link over an entry of the same name");
                }
                hash.addSymlink(link[0], link[1]);
            }
            return new Result(entries, bytes, hash);
        }

        /** The path below the GOROOT, null for the top directory itself; counts the entry and refuses unsafe names. */
        private String relative(String name) {
            if (++entries > limits.maxEntries()) refuse(name, "is past the limit of %d entries".formatted(limits.maxEntries()));
            return below(name);
        }

        /** Where a hard link's target was extracted, or null when it names nothing this archive could have written. */
        private String linkedEntry(String target) {
            try {
                return below(target);
            } catch (VerificationException unsafe) {
                return null;
            }
        }

        private String below(String name) {
            if (name.isEmpty() || name.indexOf('\0') >= 0) refuse(name, "has an empty or binary name");
            String n = name.replace('\\', '/');
            if (n.startsWith("/") || n.length() > 1 && n.charAt(1) == ':') refuse(name, "has an absolute path");
            List<String> parts = new ArrayList<>();
            for (String p : n.split("/")) {
                if (p.isEmpty() || p.equals(".")) continue;
                if (p.equals("..")) refuse(name, "has a '..' path segment");
                parts.add(p);
            }
            if (parts.isEmpty()) refuse(name, "has an empty path");
            String top = parts.get(0);
            if (layout == Layout.OFFICIAL) {
                if (!top.equals("go")) refuse(name, "lies outside the top-level go/ directory of an official Go archive");
                parts.remove(0);
            } else {
                // golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64/...: the module path has one slash.
                String first = parts.size() >= 2 ? parts.get(0) + "/" + parts.get(1) : "";
                if (prefix == null && first.startsWith("golang.org/toolchain@")) prefix = first;
                if (prefix == null || !first.equals(prefix)) refuse(name, "lies outside the golang.org/toolchain@<version>/ module directory");
                parts.remove(0);
                parts.remove(0);
                int last = parts.size() - 1;
                if (last >= 0 && parts.get(last).equals("_go.mod")) parts.set(last, "go.mod"); // as cmd/go unpacks it
            }
            return parts.isEmpty() ? null : String.join("/", parts);
        }

        private void checkLinkTarget(String name, String rel, String target) throws IOException {
            if (target.isEmpty() || target.startsWith("/") || target.startsWith("\\") || target.length() > 1 && target.charAt(1) == ':') {
                refuse(name, "is a link to an absolute path '%s'".formatted(target));
            }
            boolean descended = false;
            Path at = root.resolve(rel).getParent();
            for (String p : target.replace('\\', '/').split("/")) {
                if (p.isEmpty() || p.equals(".")) continue;
                if (p.equals("..")) {
                    // Climbing after descending could climb out of a linked directory; Go never ships such links.
                    if (descended) refuse(name, "is a link whose target '%s' climbs after descending".formatted(target));
                    at = at.getParent();
                    if (at == null || !at.startsWith(root)) refuse(name, "is a link that resolves outside the GOROOT ('%s')".formatted(target));
                } else {
                    descended = true;
                    at = at.resolve(p);
                }
            }
        }

        private boolean executable(String rel, int mode) {
            if (layout == Layout.MODULE && (rel.startsWith("bin/") && rel.indexOf('/', 4) < 0 || rel.startsWith("pkg/tool/"))) return true;
            return (mode & 0111) != 0;
        }

        // The archive's bits for an executable, never group- or world-writable; 0755 where the zip stores none.
        private Set<PosixFilePermission> permissions(int mode) {
            int m = (mode & 0111) == 0 ? 0755 : (mode & 0755) | 0500;
            String rwx = "rwxrwxrwx";
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 9; i++) b.append((m & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
            return PosixFilePermissions.fromString(b.toString());
        }

        private void refuse(String name, String why) {
            throw VerificationException.unsafeArchive(name, why);
        }
    }

    /**
     * Decompresses on a background thread into a bounded queue of chunks that {@link #read} hands out, so inflating
     * and extracting use two cores. Chunks are recycled (a few MB in all, whatever the archive). An error on the
     * inflating side surfaces at the next read; closing stops the thread.
     */
    private static final class InflatingPipe extends InputStream {
        private static final int CHUNK = 1 << 17;
        private static final int DEPTH = 16;
        private static final Chunk END = new Chunk(new byte[0], 0);
        private final java.util.concurrent.BlockingQueue<Object> full = new java.util.concurrent.ArrayBlockingQueue<>(DEPTH);
        private final java.util.concurrent.BlockingQueue<byte[]> free = new java.util.concurrent.ArrayBlockingQueue<>(DEPTH + 2);
        private final Thread worker;
        private final InputStream source;
        private volatile boolean closed;
        private Chunk current = new Chunk(new byte[0], 0);
        private int pos;
        private boolean ended;

        private record Chunk(byte[] buf, int length) {}

        InflatingPipe(InputStream inflating) {
            this.source = inflating;
            this.worker = new Thread(() -> {
                try {
                    while (!closed) {
                        byte[] b = free.poll();
                        if (b == null) b = new byte[CHUNK];
                        int n = source.readNBytes(b, 0, CHUNK);
                        if (n == 0) break;
                        full.put(new Chunk(b, n));
                    }
                    full.put(END);
                } catch (IOException | RuntimeException e) {
                    try {
                        full.put(e);
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "jgvm-inflate");
            worker.setDaemon(true);
            worker.start();
        }

        @Override public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            while (pos == current.length()) {
                if (ended) return -1;
                Object next;
                try {
                    next = full.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while extracting");
                }
                if (next instanceof IOException e) throw new IOException(e.getMessage(), e);
                if (next instanceof RuntimeException e) throw e;
                Chunk chunk = (Chunk) next;
                if (chunk == END) {
                    ended = true;
                    return -1;
                }
                if (current.buf().length == CHUNK) free.offer(current.buf());   // read out: the worker may refill it
                current = chunk;
                pos = 0;
            }
            int n = Math.min(len, current.length() - pos);
            System.arraycopy(current.buf(), pos, b, off, n);
            pos += n;
            return n;
        }

        @Override public void close() throws IOException {
            closed = true;
            full.clear();   // unblocks a worker waiting to put
            worker.interrupt();
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            source.close();
        }
    }

    /** Counts the bytes read from the compressed source, for the expansion-ratio check. */
    private static final class CountingInputStream extends FilterInputStream {
        volatile long count;

        CountingInputStream(InputStream in) { super(in); }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        /** The caller owns the source (it may hash the rest of it), so closing the tar leaves it open. */
        @Override public void close() {}
    }
}
