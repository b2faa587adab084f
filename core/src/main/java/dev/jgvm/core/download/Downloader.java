package dev.jgvm.core.download;

import dev.jgvm.core.store.DiskWriteException;
import dev.jgvm.core.error.NetworkException;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.dist.Checksum;
import dev.jgvm.core.verify.SignatureCheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Streams an archive to a {@code .partial} file, hashing it (and feeding a signature check) in the same pass, never
 * holding it in memory. An interrupted transfer resumes with {@code Range}; a server that answers a range with the
 * whole file (200) is read again from zero. A body that is not an archive (an HTML error page) is refused at its
 * first bytes. Opening the request is retried by the transport; a transfer that breaks off midway is resumed here,
 * at most {@code retries} times. A {@link Growth} listener hears as the file grows, so extraction can read it while
 * it downloads. A body longer than the size announced for it (by the mirror's listing), or than {@link #MAX_ARCHIVE}
 * when none was, is cut off, deleted and refused: no server can fill the disk. Not thread-safe; one download at a
 * time per instance.
 */
public final class Downloader {
    /** The most bytes an archive may have when no size was announced for it (Go's archives are under 300 MB). */
    public static final long MAX_ARCHIVE = 2L << 30;
    private final HttpClient http;
    private final int attempts;
    private final long cap;

    public Downloader(HttpClient http, int retries) { this(http, retries, MAX_ARCHIVE); }

    /** A downloader that refuses bodies past {@code cap} bytes, whatever was announced. */
    public Downloader(HttpClient http, int retries, long cap) {
        this.http = http;
        this.attempts = retries + 1;
        this.cap = cap;
    }

    /** Whether the archive is there at all (a HEAD request). */
    public boolean exists(URI uri) { return http.exists(uri); }

    /**
     * Hears how far the {@code .partial} file holds final bytes of the body, so another thread can read it as it
     * grows. Bytes below a length once announced never change, across retries and resumes; a server that restarts
     * the body from zero (the file is emptied) is announced by {@link #restarted}.
     */
    public interface Growth {
        Growth NONE = new Growth() {};

        /** The file now holds the body's first {@code length} bytes. */
        default void grew(long length) {}

        /** The file was emptied and is written again from the body's first byte. */
        default void restarted() {}
    }

    /**
     * The file, its digest and the signature check that saw the same bytes.
     *
     * @param resumed whether some bytes came from an earlier transfer of the same URL (a resume with Range)
     */
    public record Result(Path file, Checksum sha256, Optional<SignatureCheck> signature, long bytes, boolean resumed) {}

    /**
     * Downloads {@code uri} into {@code partial}, resuming from what the file already holds.
     *
     * @param announced  the size the source announced, or -1 when unknown: a longer body is refused
     * @param signatures makes a fresh signature check for each pass over the bytes (empty when there is none)
     * @throws VerificationException (too large) when the body is longer than announced or than the cap
     */
    public Result fetch(URI uri, Path partial, long announced, Supplier<Optional<SignatureCheck>> signatures, ProgressListener progress) {
        return fetch(uri, partial, announced, signatures, Growth.NONE, progress);
    }

    /** As {@link #fetch(URI, Path, long, Supplier, ProgressListener)}, telling {@code growth} as the file grows. */
    public Result fetch(URI uri, Path partial, long announced, Supplier<Optional<SignatureCheck>> signatures, Growth growth,
                        ProgressListener progress) {
        Limit limit = announced > 0 && announced < cap ? new Limit(announced, "the mirror's listing announced")
                : new Limit(cap, "jgvm accepts for an archive");
        NetworkException last = null;
        boolean resumed = false;
        for (int attempt = 0; attempt < attempts; attempt++) {
            MessageDigest digest = Checksum.newDigest();
            Optional<SignatureCheck> sig = signatures.get();
            try {
                long have = Files.exists(partial) ? Files.size(partial) : 0;
                if (have > limit.bytes()) {
                    Files.deleteIfExists(partial);   // not from this body: start over
                    have = 0;
                }
                if (have > 0) {
                    replay(partial, digest, sig);
                    growth.grew(have);
                }
                try (HttpClient.Body body = http.get(uri, have)) {
                    if (have > 0 && !body.partial()) {
                        // The server ignored the range: start over with what it sends.
                        Files.deleteIfExists(partial);
                        growth.restarted();
                        digest = Checksum.newDigest();
                        sig = signatures.get();
                        have = 0;
                    }
                    resumed |= have > 0;
                    long total = body.length() < 0 ? -1 : body.length() + have;
                    if (total > limit.bytes()) throw tooLarge(uri, partial, limit);
                    long got = copy(body.stream(), partial, have, digest, sig, total, limit, uri, growth, progress);
                    return new Result(partial, Checksum.of(digest), sig, got, resumed);
                }
            } catch (DiskWriteException e) {
                // Retrying cannot help a full disk, and a .partial of it is worth nothing.
                deleteQuietly(partial);
                throw e.toStoreException();
            } catch (IOException e) {
                // Only a body that broke off is resumed here; a request that could not be opened was already asked
                // again by the transport, the one place that retries (so a failing URL is asked retries + 1 times).
                last = new NetworkException("the download of '%s' broke off: %s".formatted(uri, e.getMessage()),
                        "run the command again; it resumes where it stopped", true, e);
            }
            progress.step("retrying " + uri);
        }
        throw last;
    }

    private static void replay(Path partial, MessageDigest digest, Optional<SignatureCheck> sig) throws IOException {
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(partial)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
                if (sig.isPresent()) sig.get().update(buf, 0, n);
            }
        }
    }

    /** The most bytes a body may have, and who said so (for the message). */
    private record Limit(long bytes, String by) {}

    private static VerificationException tooLarge(URI uri, Path partial, Limit limit) throws IOException {
        Files.deleteIfExists(partial);
        return VerificationException.tooLarge("'%s' is longer than the %d bytes %s; the download was cut off".formatted(uri, limit.bytes(), limit.by()));
    }

    private static long copy(InputStream in, Path partial, long have, MessageDigest digest, Optional<SignatureCheck> sig, long total,
                             Limit limit, URI uri, Growth growth, ProgressListener progress) throws IOException {
        byte[] buf = new byte[1 << 16];
        long got = have;
        boolean first = have == 0;
        OutputStream opened;
        try {
            opened = Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new DiskWriteException(partial, e);
        }
        try (OutputStream out = opened) {
            // The body arrives in reads of at most 8 KB (okio's segments): the buffer is filled before it is written,
            // hashed and announced, one write per 64 KB instead of per 8 KB (~13,000 fewer system calls for a Go
            // archive). What was read before the body broke off is still written, so a resume asks for no byte twice.
            for (boolean end = false; !end; ) {
                int n = 0;
                IOException broke = null;
                try {
                    while (n < buf.length) {
                        int r = in.read(buf, n, buf.length - n);
                        if (r <= 0) {
                            end = true;
                            break;
                        }
                        n += r;
                    }
                } catch (IOException e) {
                    broke = e;
                }
                if (n > 0) {
                    if (first) {
                        first = false;
                        requireArchive(buf, n, uri, partial);
                    }
                    if (got + n > limit.bytes()) {
                        out.close();
                        throw tooLarge(uri, partial, limit);
                    }
                    try {
                        out.write(buf, 0, n);
                    } catch (IOException e) {
                        throw new DiskWriteException(partial, e);
                    }
                    digest.update(buf, 0, n);
                    if (sig.isPresent()) sig.get().update(buf, 0, n);
                    got += n;
                    growth.grew(got);
                    progress.bytesReceived(got, total);
                }
                if (broke != null) throw broke;
            }
        }
        if (total >= 0 && got < total) throw new IOException("got %d of %d bytes".formatted(got, total));
        return got;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // nothing more to do on a disk that fails
        }
    }

    // gzip or zip magic; anything else (an HTML page, a JSON error) is not what was asked.
    private static void requireArchive(byte[] b, int n, URI uri, Path partial) throws IOException {
        boolean gzip = n >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
        boolean zip = n >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        if (gzip || zip) return;
        Files.deleteIfExists(partial);
        String head = new String(b, 0, Math.min(n, 200), java.nio.charset.StandardCharsets.ISO_8859_1).strip();
        boolean html = head.regionMatches(true, 0, "<!doctype html", 0, 14) || head.regionMatches(true, 0, "<html", 0, 5);
        throw new NetworkException("'%s' sent %s instead of an archive".formatted(uri, html ? "an HTML page" : "something else"),
                "the mirror may need a login or has a broken redirect; jgvm tries the next mirror", false, null);
    }
}
