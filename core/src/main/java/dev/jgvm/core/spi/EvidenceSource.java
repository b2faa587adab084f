package dev.jgvm.core.spi;

import dev.jgvm.core.dist.Checksum;

import java.net.URI;
import java.util.Objects;

/**
 * Where evidence for an {@link Artifact} can be found. A source only points; core fetches what it needs through its
 * own HTTP client and decides how much each piece is worth (ARCHITECTURE.md, 'Trust'): a digest counts as <em>origin</em>
 * evidence only when core itself read it over HTTPS from an official origin, and as <em>mirror</em> evidence
 * otherwise; a signature counts as <em>signed</em> only when core verifies it against a trusted key.
 *
 * <p>Immutable records; components are non-null. Evidence that cannot be fetched is simply absent; evidence that
 * disagrees with the bytes is tampering: the bytes are deleted and the chain moves on. A plugin offers as much as it can
 * and never decides.
 */
public sealed interface EvidenceSource {
    /** A SHA-256 the source read from {@code from} (its index or checksums file). */
    record Digest(Checksum sha256, URI from) implements EvidenceSource {
        public Digest { Objects.requireNonNull(sha256, "sha256"); Objects.requireNonNull(from, "from"); }
    }

    /** A {@code <file>.sha256} sidecar: hex digest, as dl.google.com serves it. */
    record DigestFile(URI uri) implements EvidenceSource {
        public DigestFile { Objects.requireNonNull(uri, "uri"); }
    }

    /** A {@code <file>.asc} sidecar: an armored detached OpenPGP signature over the archive itself. */
    record Signature(URI uri) implements EvidenceSource {
        public Signature { Objects.requireNonNull(uri, "uri"); }
    }

    /**
     * A module version recorded in Go's checksum database (for {@code golang.org/toolchain} zips): core looks it up,
     * through {@code proxy}'s {@code /sumdb/} when the proxy supports that, else directly, proves it, and compares the
     * record's {@code h1:} with the zip's.
     */
    record ChecksumDatabase(String module, String version, URI proxy) implements EvidenceSource {
        public ChecksumDatabase {
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(proxy, "proxy");
        }
    }

    /**
     * A {@code checksums.txt} ({@code <sha256>  <file>} lines) and its armored detached {@code signature.asc}.
     *
     * @param discovered true when the source only guesses the pair is there (a {@code dl} mirror's root, README 'Downloads'):
     *                   then a pair that is absent, or signed by a key nobody trusts, is simply no evidence, while a
     *                   configured pair signed by an untrusted key is refused as tampering
     */
    record SignedChecksums(URI checksums, URI signature, boolean discovered) implements EvidenceSource {
        public SignedChecksums { Objects.requireNonNull(checksums, "checksums"); Objects.requireNonNull(signature, "signature"); }

        /** A pair the source was configured with. */
        public SignedChecksums(URI checksums, URI signature) { this(checksums, signature, false); }
    }
}
