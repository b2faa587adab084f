package dev.jgvm.core.download;

import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.spi.Http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Caps on the small documents jgvm reads whole (signatures, digests, checksums files, release indexes and listings),
 * and reading a local one under its cap. A bigger file is refused after at most cap + 1 bytes, so no input can make
 * jgvm run out of memory before it refuses (a 400 MiB {@code signature.asc} is refused, not loaded).
 */
public final class SmallFile {
    /** An armored detached OpenPGP signature: about a kilobyte; generous for several signatures. */
    public static final long SIGNATURE = Http.MAX_SIGNATURE;
    /** A {@code .sha256} sidecar, or a small probe answer. */
    public static final long DIGEST = Http.MAX_DIGEST;
    /** A {@code checksums.txt}: a line per archive. */
    public static final long CHECKSUMS = Http.MAX_CHECKSUMS;
    /** A release index (go.dev's JSON with every release is a few MiB), a {@code @v/list}, an HTML listing. */
    public static final long INDEX = Http.MAX_LISTING;

    private SmallFile() {}

    /**
     * The bytes of a local file of at most {@code max} bytes.
     *
     * @throws VerificationException when it is larger: a signature or checksums file that size is not one
     * @throws IOException when it cannot be read
     */
    public static byte[] read(Path file, long max) throws IOException {
        if (Files.size(file) > max) throw tooLarge(file, max);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (b.length > max) throw tooLarge(file, max);
            return b;
        }
    }

    private static VerificationException tooLarge(Path file, long max) {
        return VerificationException.of(VerificationException.Kind.TOO_LARGE, "'%s' is larger than %d bytes, too large for what it claims to be; refused".formatted(file.getFileName(), max),
                "nothing was installed; check where the file came from");
    }
}
