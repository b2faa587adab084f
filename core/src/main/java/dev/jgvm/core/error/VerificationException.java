package dev.jgvm.core.error;

import java.util.Objects;

/**
 * Evidence did not prove an archive genuine, or an archive is unsafe to extract. Never hidden (exit 4).
 *
 * <p>Made by the named factories below; each gives a {@link Kind}, which is what callers decide on (whether a mirror
 * is blamed and reported as a security error, or simply passed over). No caller reads the message.
 */
public class VerificationException extends JgvmException {
    private static final long serialVersionUID = 1L;
    private static final String DISCARDED = "the download was discarded; jgvm tries the next mirror, or pick one with --mirror";

    /** What went wrong. */
    public enum Kind {
        /** The bytes differ from a digest or checksum-database record that vouches for them. */
        MISMATCH(true),
        /** Evidence or content was forged or altered: a bad signature, a forked or rolled-back log, the wrong file under a name. */
        TAMPERED(true),
        /** A signature by a key jgvm does not trust, or one that does not count. */
        UNTRUSTED_KEY(true),
        /** An archive unsafe to extract: traversal, links out, devices, bombs, duplicate or foreign module-zip entries. */
        UNSAFE_ARCHIVE(true),
        /** A body longer than announced or than the cap: cut off and refused. */
        TOO_LARGE(true),
        /** Bytes that are not a readable archive of the expected kind (truncated, damaged, not a tar.gz or zip). */
        UNREADABLE(false),
        /** Nothing at hand meets the configured minimum of evidence. */
        INSUFFICIENT_EVIDENCE(false),
        /** A check that is not about a download: an installed tree changed, a key cannot be read or used. */
        FAILED(false);

        private final boolean security;

        Kind(boolean security) { this.security = security; }

        /** Whether whoever served the bytes or evidence is to blame: printed as a security error naming the mirror. */
        public boolean isSecurity() { return security; }
    }

    private final Kind kind;

    /**
     * A failure of kind {@link Kind#FAILED}.
     *
     * @deprecated use a factory that says what failed, such as {@link #tampered} or {@link #failed}
     */
    @Deprecated
    public VerificationException(String message, String hint) { this(Kind.FAILED, message, hint, null); }

    /** @deprecated use a factory that says what failed */
    @Deprecated
    public VerificationException(String message, String hint, Throwable cause) { this(Kind.FAILED, message, hint, cause); }

    private VerificationException(Kind kind, String message, String hint, Throwable cause) {
        super(message, hint, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Any kind, for a summary of failures of that kind (the mirror chain's "every mirror failed"). */
    public static VerificationException of(Kind kind, String message, String hint) { return new VerificationException(kind, message, hint, null); }

    /** Downloaded bytes whose digest (or {@code h1:}) is not the one the evidence names; {@code what} says which and whose. */
    public static VerificationException mismatch(String what) {
        return new VerificationException(Kind.MISMATCH, "security: " + what, DISCARDED, null);
    }

    /** A local file whose SHA-256 is not the one the user vouched for. */
    public static VerificationException checksumMismatch(String fileName, Object expected, Object actual) {
        return new VerificationException(Kind.MISMATCH, "checksum mismatch for '%s': expected %s, got %s".formatted(fileName, expected, actual),
                "nothing was installed; check the digest you passed, or download the archive again", null);
    }

    /** Evidence or content that was forged or altered. */
    public static VerificationException tampered(String what, String hint) {
        return new VerificationException(Kind.TAMPERED, "security: " + what, hint, null);
    }

    /** A signature that does not verify, or cannot be read as one. */
    public static VerificationException badSignature(String what, String why) {
        return new VerificationException(Kind.TAMPERED, "security: %s %s".formatted(what, why),
                "the bytes were discarded; jgvm tries the next mirror, or pick one with --mirror", null);
    }

    /** A signature by a key that gives no evidence (unknown, revoked, expired, unable to sign). */
    public static VerificationException untrustedKey(String what, String why, String hint) {
        return new VerificationException(Kind.UNTRUSTED_KEY, "security: %s %s".formatted(what, why), hint, null);
    }

    /** An archive entry that is unsafe to extract. */
    public static VerificationException unsafeArchive(String entry, String why) {
        return new VerificationException(Kind.UNSAFE_ARCHIVE, "unsafe archive: entry '%s' %s".formatted(entry, why),
                "nothing was installed; get the archive again from an official source", null);
    }

    /** An archive refused as a whole before any entry is written (a module zip with duplicate names, say). */
    public static VerificationException unsafeArchive(String fileName, String why, String hint) {
        return new VerificationException(Kind.UNSAFE_ARCHIVE, "security: %s %s".formatted(fileName, why), hint, null);
    }

    /** A body longer than the size announced for it, or than the cap when none was: cut off. */
    public static VerificationException tooLarge(String what) {
        return new VerificationException(Kind.TOO_LARGE, "security: " + what, DISCARDED, null);
    }

    /** Bytes that cannot be read as the archive they claim to be. */
    public static VerificationException unreadable(String message, String hint, Throwable cause) {
        return new VerificationException(Kind.UNREADABLE, message, hint, cause);
    }

    /** Nothing at hand meets the configured minimum. */
    public static VerificationException insufficientEvidence(String message, String hint) {
        return new VerificationException(Kind.INSUFFICIENT_EVIDENCE, message, hint, null);
    }

    /** A check that is not about downloaded bytes failed (a changed installed tree, an unusable local key). */
    public static VerificationException failed(String message, String hint) {
        return new VerificationException(Kind.FAILED, message, hint, null);
    }

    public Kind kind() { return kind; }

    @Override public ExitCode exitCode() { return ExitCode.VERIFICATION_FAILED; }
}
