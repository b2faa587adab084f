package dev.jgvm.core.dist;

import dev.jgvm.core.error.UsageException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** A SHA-256 digest. Exists only when valid: 64 hex digits, kept in lower case. */
public record Checksum(String hex) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public Checksum {
        hex = hex.strip().toLowerCase(Locale.ROOT);
        if (!HEX64.matcher(hex).matches()) {
            throw new UsageException("'%s' is not a SHA-256 digest".formatted(hex), "a SHA-256 digest is 64 hexadecimal digits, as sha256sum prints it");
        }
    }

    /** Parses a hex digest as {@code sha256sum} or a {@code .sha256} file writes it. */
    public static Checksum sha256(String hex) { return new Checksum(hex); }

    /** The digest a finished {@link MessageDigest} holds. */
    public static Checksum of(MessageDigest finished) { return new Checksum(HexFormat.of().formatHex(finished.digest())); }

    /** The SHA-256 of a file's bytes, read in one streaming pass. */
    public static Checksum ofFile(java.nio.file.Path file) throws java.io.IOException {
        MessageDigest d = newDigest();
        byte[] buf = new byte[1 << 16];
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) d.update(buf, 0, n);
        }
        return of(d);
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override public String toString() { return hex; }
}
