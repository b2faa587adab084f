package dev.jgvm.core.archive;

import dev.jgvm.core.error.VerificationException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the entries of a tar stream: POSIX ustar, its pax extended headers ({@code path}, {@code linkpath},
 * {@code size}), GNU tar's long names and links ({@code L}, {@code K}) and old v7 headers, which covers every
 * archive Go publishes and what GNU tar or Go's {@code archive/tar} write. Names are UTF-8, as in Go's archives.
 * Anything it cannot read faithfully (a bad header checksum, sparse files, pax headers it would have to apply to
 * more than one entry, a truncated stream) is refused rather than guessed; which entries may be extracted is
 * {@link ArchiveExtractor}'s decision, not this class's.
 *
 * <p>Written for the install path: about 12,000 entries per Go archive, so a header costs a few field parses and
 * no allocation beyond its strings (Commons Compress spent ~0.3 s of CPU per install on headers alone).
 * Not thread-safe.
 */
final class TarReader {
    private static final int BLOCK = 512;
    /** The most bytes a pax header or a GNU long name may take: far above any path, far below a memory problem. */
    private static final int MAX_META = 1 << 20;

    /** What an entry is, from its type flag. */
    enum Type { FILE, DIRECTORY, SYMLINK, HARD_LINK, DEVICE, FIFO, OTHER }

    /**
     * One entry's header.
     *
     * @param name     the path as stored (pax {@code path} and GNU long names applied)
     * @param type     what the entry is
     * @param flag     the raw type flag, for messages
     * @param mode     the permission bits
     * @param size     the bytes of content that follow
     * @param linkName a link's target, empty for other entries
     */
    record Entry(String name, Type type, char flag, int mode, long size, String linkName) {}

    private final InputStream in;
    private final byte[] header = new byte[BLOCK];
    private final byte[] scratch = new byte[8192];
    private final Content content = new Content();
    private long remaining;   // content bytes of the current entry not yet read
    private int padding;      // zero bytes after them, up to the next block
    private boolean ended;

    TarReader(InputStream in) { this.in = in; }

    /** The next entry, after skipping what is left of the current one; null at the end of the archive. */
    Entry next() throws IOException {
        if (ended) return null;
        skip(remaining + padding);
        remaining = 0;
        padding = 0;
        String longName = null;
        String longLink = null;
        String paxPath = null;
        String paxLink = null;
        long paxSize = -1;
        while (true) {
            if (!readHeader()) {
                ended = true;
                if (longName != null || longLink != null || paxPath != null || paxLink != null || paxSize >= 0) {
                    throw malformed("ends after an extended header, without the entry it describes");
                }
                return null;
            }
            char flag = (char) (header[156] & 0xff);
            long size = number(124, 12, "size");
            String name = posixName();
            switch (flag) {
                case 'L' -> longName = meta(size, name);
                case 'K' -> longLink = meta(size, name);
                case 'x' -> {
                    String pax = meta(size, name);
                    for (String[] kv : paxRecords(pax, name)) {
                        switch (kv[0]) {
                            case "path" -> paxPath = kv[1];
                            case "linkpath" -> paxLink = kv[1];
                            case "size" -> paxSize = paxNumber(kv[1], name);
                            default -> {
                                if (kv[0].startsWith("GNU.sparse.")) throw unsupported(name, "is a sparse file");
                            }
                        }
                    }
                }
                case 'g' -> {
                    // A global header applies to every entry after it; one that would move or resize entries is not
                    // something a Go archive has, so it is refused rather than half-applied. Comments are ignored.
                    for (String[] kv : paxRecords(meta(size, name), name)) {
                        if (kv[0].equals("path") || kv[0].equals("linkpath") || kv[0].equals("size") || kv[0].startsWith("GNU.sparse.")) {
                            throw unsupported(name, "has a global pax header that sets '%s'".formatted(kv[0]));
                        }
                    }
                }
                default -> {
                    if (paxSize >= 0) size = paxSize;
                    String path = paxPath != null ? paxPath : longName != null ? longName : name;
                    String link = paxLink != null ? paxLink : longLink != null ? longLink : text(157, 100);
                    Type type = switch (flag) {
                        case '0', '\0', '7' -> path.endsWith("/") ? Type.DIRECTORY : Type.FILE;
                        case '1' -> Type.HARD_LINK;
                        case '2' -> Type.SYMLINK;
                        case '3', '4' -> Type.DEVICE;
                        case '5' -> Type.DIRECTORY;
                        case '6' -> Type.FIFO;
                        default -> Type.OTHER;
                    };
                    remaining = size;
                    padding = (int) ((BLOCK - size % BLOCK) % BLOCK);
                    return new Entry(path, type, flag, (int) number(100, 8, "mode") & 07777, size,
                            type == Type.SYMLINK || type == Type.HARD_LINK ? link : "");
                }
            }
        }
    }

    /** The current entry's content; reads end where it ends. */
    InputStream content() { return content; }

    private final class Content extends InputStream {
        @Override public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) return -1;
            if (len == 0) return 0;
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) throw truncated();
            remaining -= n;
            return n;
        }
    }

    /** Reads a header block; false at the end: a zero block, or the stream ending where a header would start. */
    private boolean readHeader() throws IOException {
        int n = in.readNBytes(header, 0, BLOCK);
        if (n == 0) return false;
        if (n < BLOCK) throw truncated();
        boolean zero = true;
        for (byte b : header) {
            if (b != 0) {
                zero = false;
                break;
            }
        }
        if (zero) return false;
        long stored = number(148, 8, "checksum");
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = i >= 148 && i < 156 ? ' ' : header[i];
            unsigned += b & 0xff;
            signed += b;
        }
        if (stored != unsigned && stored != signed) throw malformed("has a header whose checksum is wrong");
        return true;
    }

    /** The name field, with the ustar prefix before it where the header is POSIX ustar (GNU tar's keeps other data there). */
    private String posixName() {
        String name = text(0, 100);
        boolean ustar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a' && header[261] == 'r'
                && header[262] == 0;
        if (!ustar) return name;
        // star's xstar variant keeps times after a shorter prefix and marks itself with "tar" at the end.
        boolean xstar = header[508] == 't' && header[509] == 'a' && header[510] == 'r' && header[511] == 0;
        String prefix = text(345, xstar ? 131 : 155);
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** A NUL-terminated UTF-8 field. */
    private String text(int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) end++;
        boolean ascii = true;
        for (int i = offset; i < end; i++) {
            if (header[i] < 0) {
                ascii = false;
                break;
            }
        }
        return new String(header, offset, end - offset, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** An octal field (leading spaces, trailing spaces or NULs), or GNU's base-256 for large values. */
    private long number(int offset, int length, String field) throws IOException {
        if ((header[offset] & 0x80) != 0) {
            if ((header[offset] & 0x40) != 0) throw malformed("has a negative %s in a header".formatted(field));
            long v = header[offset] & 0x3f;
            for (int i = offset + 1; i < offset + length; i++) {
                if ((v >>> 55) != 0) throw malformed("has a %s too large for a header".formatted(field));
                v = v << 8 | (header[i] & 0xff);
            }
            return v;
        }
        int i = offset;
        int end = offset + length;
        while (i < end && header[i] == ' ') i++;
        long v = 0;
        int digits = 0;
        for (; i < end && header[i] >= '0' && header[i] <= '7'; i++, digits++) {
            if ((v >>> 60) != 0) throw malformed("has a %s too large for a header".formatted(field));
            v = v << 3 | (header[i] - '0');
        }
        for (; i < end; i++) {
            if (header[i] != ' ' && header[i] != 0) throw malformed("has a header whose %s is not a number".formatted(field));
        }
        return v;
    }

    /** The content of a pax header or GNU long name, read whole (bounded), NUL-terminated for the latter. */
    private String meta(long size, String name) throws IOException {
        if (size > MAX_META) throw unsupported(name, "has an extended header of %d bytes".formatted(size));
        byte[] b = in.readNBytes((int) size);
        if (b.length < size) throw truncated();
        skip((BLOCK - size % BLOCK) % BLOCK);
        int end = 0;
        while (end < b.length && b[end] != 0) end++;
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }

    /** pax records, {@code "<length> <key>=<value>\n"} each, the length counting the whole record in bytes. */
    private java.util.List<String[]> paxRecords(String text, String name) throws IOException {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int at = 0;
        while (at < b.length) {
            int space = at;
            long len = 0;
            while (space < b.length && b[space] >= '0' && b[space] <= '9' && len < MAX_META) len = len * 10 + (b[space++] - '0');
            if (space == at || space >= b.length || b[space] != ' ' || len <= space - at + 1 || at + len > b.length || b[(int) (at + len - 1)] != '\n') {
                throw malformed("has a malformed pax header");
            }
            String record = new String(b, space + 1, (int) (at + len - 1 - space - 1), StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq <= 0) throw malformed("has a malformed pax header");
            out.add(new String[] {record.substring(0, eq), record.substring(eq + 1)});
            at += (int) len;
        }
        return out;
    }

    private long paxNumber(String value, String name) throws IOException {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw malformed("has a pax size that is not a number");
        }
        return Long.parseLong(value);
    }

    /** Reads past {@code n} bytes (padding, or content nobody read): into a buffer of its own, not one per call. */
    private void skip(long n) throws IOException {
        while (n > 0) {
            int read = in.read(scratch, 0, (int) Math.min(n, scratch.length));
            if (read < 0) throw truncated();
            n -= read;
        }
    }

    /** A stream that is no tar: the installer reports it as an archive it cannot read. */
    private static IOException malformed(String what) {
        return new IOException("the tar stream " + what);
    }

    private static VerificationException unsupported(String name, String why) {
        return VerificationException.unsafeArchive(name, why);
    }

    private static IOException truncated() {
        return new EOFException("the archive ends in the middle of an entry (a truncated download?)");
    }
}
