package dev.jgvm.core.verify;

import dev.jgvm.core.dist.ChecksumsFile;

import dev.jgvm.core.dist.Checksum;

import dev.jgvm.core.archive.ArchiveExtractor.Layout;
import dev.jgvm.core.archive.ArchiveExtractor.Limits;
import dev.jgvm.core.archive.ModuleZip;
import dev.jgvm.core.archive.StreamedExtraction;
import dev.jgvm.core.config.Settings.EvidenceLevel;
import dev.jgvm.core.download.ArchiveCache;
import dev.jgvm.core.download.Downloader;
import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.download.SmallFile;
import dev.jgvm.core.error.JgvmException;
import dev.jgvm.core.error.NetworkException;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.spi.Artifact;
import dev.jgvm.core.spi.EvidenceSource;
import dev.jgvm.core.version.GoVersion;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where jgvm decides whether an archive is genuine (ARCHITECTURE.md, 'Trust'), and the only maker of a {@link VerifiedArchive}, the
 * one thing the installer publishes from. Three ways in, one judgement:
 * <ul>
 *   <li>a download: before it, {@link #plan} gathers what evidence there is (the archive's {@code .asc} by the
 *       built-in Go key, a {@code checksums.txt} signed by a trusted key, the checksum database's record of a module
 *       zip, the digest core itself reads over HTTPS from an official origin, digests the mirror serves); after it,
 *       {@link Plan#conclude} judges the bytes the downloader hashed as it wrote them;</li>
 *   <li>a cache entry: {@link #verifyCached} copies it into a private file while hashing it, and holds the copy to
 *       the digest its record names;</li>
 *   <li>a local file ({@code install --from}, a bundle's archive): {@link #verifyLocal} copies it into a private file
 *       while hashing it and feeding its signature check, so the user's path is read exactly once.</li>
 * </ul>
 * Every digest and signature obtained must agree with the bytes (a disagreement is tampering, whoever agrees), and
 * the strongest must meet the configured minimum. Module zips must obey {@link ModuleZip}'s rules before they are
 * hashed. Fails closed with a typed {@link VerificationException}. One per command (it remembers the origin's answers
 * for the run); not thread-safe.
 */
public final class ArtifactVerifier {
    /** Where official digests live: {@code <origin><file>.sha256}, read over HTTPS only. */
    public static final List<URI> DEFAULT_ORIGINS = List.of(URI.create("https://dl.google.com/go/"));
    private final HttpClient http;
    private final TrustedKeys keys;
    private final List<URI> origins;
    private final EvidenceLevel minimum;
    private final boolean offline;
    private final Optional<SumDbSettings> sumdb;
    private final java.util.Map<URI, OriginAnswer> originAnswers = new java.util.HashMap<>();
    private final Limits limits = Limits.DEFAULT;

    private record OriginAnswer(Optional<Checksum> digest, List<String> notes) {}

    /**
     * Which checksum database vouches for module zips: its verifier key, an optional URL (else https://name/), and where
     * the last seen tree is kept. Empty when GOSUMDB=off: then module zips have no signed evidence.
     */
    public record SumDbSettings(dev.jgvm.core.verify.sumdb.Note.Verifier verifier, Optional<URI> url, java.nio.file.Path stateDir) {}

    public ArtifactVerifier(HttpClient http, TrustedKeys keys, List<URI> origins, EvidenceLevel minimum, boolean offline) {
        this(http, keys, origins, minimum, offline, Optional.empty());
    }

    public ArtifactVerifier(HttpClient http, TrustedKeys keys, List<URI> origins, EvidenceLevel minimum, boolean offline, Optional<SumDbSettings> sumdb) {
        this.http = http;
        this.keys = keys;
        this.origins = List.copyOf(origins);
        this.minimum = minimum;
        this.offline = offline;
        this.sumdb = sumdb;
    }

    /** A verifier that never uses the network: for local files, bundles and the cache. */
    public static ArtifactVerifier local(TrustedKeys keys, EvidenceLevel minimum) {
        return new ArtifactVerifier(null, keys, List.of(), minimum, true, Optional.empty());
    }

    public EvidenceLevel minimum() { return minimum; }

    /** Whether a URI is an official origin's: HTTPS and under one of the origin directories. */
    public boolean isOrigin(URI u) {
        if (!"https".equals(u.getScheme())) return false;
        String s = u.toString().toLowerCase(Locale.ROOT);
        return origins.stream().anyMatch(o -> s.startsWith(o.toString().toLowerCase(Locale.ROOT)));
    }

    /**
     * Fetches the small pieces of evidence for an artifact from a source. A signature or signed checksums file that
     * is served but does not verify is a {@link VerificationException} (the mirror is tampered with or broken);
     * evidence that is simply absent is noted in {@link Plan#tried()}.
     */
    public Plan plan(Artifact artifact, String sourceName) {
        Optional<ZipHash> zipHash = Optional.empty();
        List<Expected> digests = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        byte[] signature = null;
        String signatureWhat = null;
        for (EvidenceSource e : artifact.evidence()) {
            if (e instanceof EvidenceSource.Signature s) {
                    Optional<byte[]> asc = fetch(s.uri(), tried, "signature " + s.uri(), SmallFile.SIGNATURE);
                    // A weak signature (an old release's, say) gives no evidence; the archive may still be proven otherwise.
                    Optional<String> weak = asc.flatMap(SignatureCheck::weakHash);
                    weak.ifPresent(w -> tried.add("signature " + s.uri() + ": " + w));
                    if (asc.isPresent() && weak.isEmpty()) {
                        signatureWhat = "%s.asc from '%s'".formatted(artifact.fileName(), sourceName);
                        SignatureCheck.begin(asc.get(), TrustedKeys.builtInOnly(keys), signatureWhat); // fail early on a bad one
                        signature = asc.get();
                    }
            } else if (e instanceof EvidenceSource.SignedChecksums sc) {
                    Optional<byte[]> text = fetch(sc.checksums(), tried, "checksums " + sc.checksums(), SmallFile.CHECKSUMS);
                    Optional<byte[]> sig = text.isPresent() ? fetch(sc.signature(), tried, "signature " + sc.signature(), SmallFile.SIGNATURE) : Optional.empty();
                    Optional<String> weak = sig.flatMap(SignatureCheck::weakHash);
                    weak.ifPresent(w -> tried.add("signature " + sc.signature() + ": " + w));
                    if (weak.isPresent()) sig = Optional.empty();
                    if (text.isPresent() && sig.isEmpty() && weak.isEmpty()) tried.add("checksums " + sc.checksums() + ": no signature.asc beside it, so it proves nothing");
                    if (text.isPresent() && sig.isPresent() && sc.discovered() && !SignatureCheck.bySignerIn(sig.get(), keys)) {
                        // A pair found at a mirror's root counts only when signed by a key the user trusts (README, 'Behind a company network').
                        tried.add("signed pair at " + sc.checksums() + ": signature.asc is not by a key jgvm trusts");
                    } else if (text.isPresent() && sig.isPresent()) {
                        Evidence signed = proveChecksumsFile(text.get(), sig.get(), "signature.asc over %s from '%s'".formatted(sc.checksums(), sourceName));
                        ChecksumsFile file = ChecksumsFile.parse(new String(text.get(), StandardCharsets.UTF_8)).orElseThrow(() ->
                                VerificationException.tampered("%s is signed but is not a checksums file".formatted(sc.checksums()), "fix the bundle or mirror"));
                        Optional<Checksum> d = file.digest(artifact.fileName());
                        if (d.isPresent()) digests.add(new Expected(d.get(), new Evidence(Evidence.Kind.SIGNED, "sha256 in " + signed.detail())));
                        else tried.add("checksums " + sc.checksums() + ": does not list " + artifact.fileName());
                    }
            } else if (e instanceof EvidenceSource.DigestFile df) {
                fetch(df.uri(), tried, "digest " + df.uri(), SmallFile.DIGEST).flatMap(b -> digest(b, df.uri(), tried))
                        .ifPresent(c -> digests.add(new Expected(c, isOrigin(df.uri())
                                ? new Evidence(Evidence.Kind.ORIGIN, "sha256 from " + df.uri())
                                : new Evidence(Evidence.Kind.MIRROR, "sha256 served by mirror '%s' (%s)".formatted(sourceName, df.uri())))));
            } else if (e instanceof EvidenceSource.ChecksumDatabase db) {
                Optional<ZipHash> found = checksumDatabase(db, tried);
                if (found.isPresent()) zipHash = found;
            } else if (e instanceof EvidenceSource.Digest d) {
                digests.add(new Expected(d.sha256(),
                        new Evidence(Evidence.Kind.MIRROR, "sha256 listed by mirror '%s' (%s)".formatted(sourceName, d.from()))));
            }
        }
        // The origin's own digest, read by core, whatever the mirror offers (official archives only).
        for (URI origin : artifact.layout() == Artifact.Layout.MODULE ? List.<URI>of() : origins) {
            URI u = origin.resolve(artifact.fileName() + ".sha256");
            if (digests.stream().anyMatch(x -> x.evidence().detail().equals("sha256 from " + u))) continue;
            // The origin's answer is the same whichever mirror serves the archive: asked once per run, so an
            // unreachable origin costs its timeouts once, not once per mirror.
            OriginAnswer answer = originAnswers.computeIfAbsent(u, x -> {
                List<String> notes = new ArrayList<>();
                Optional<Checksum> c = fetch(x, notes, "origin digest " + x, SmallFile.DIGEST).flatMap(b -> digest(b, x, notes));
                return new OriginAnswer(c, List.copyOf(notes));
            });
            tried.addAll(answer.notes());
            answer.digest().ifPresent(c -> digests.add(new Expected(c, new Evidence(Evidence.Kind.ORIGIN, "sha256 from " + u))));
        }
        return new Plan(artifact, sourceName, digests, signature, signatureWhat, tried, zipHash);
    }

    /**
     * Proves a {@code checksums.txt} by its detached {@code signature.asc}, made by a key the user trusts.
     *
     * @param what names the signature in messages
     */
    public Evidence proveChecksumsFile(byte[] checksums, byte[] signature, String what) {
        SignatureCheck check = SignatureCheck.begin(signature, keys, what);
        check.update(checksums, 0, checksums.length);
        return check.verify(what);
    }

    /** An {@code h1:} a verified checksum-database record gives for a zip. */
    public record ZipHash(String h1, Evidence evidence) {}

    private Optional<ZipHash> checksumDatabase(EvidenceSource.ChecksumDatabase db, List<String> tried) {
        if (sumdb.isEmpty()) {
            tried.add("checksum database: GOSUMDB=off");
            return Optional.empty();
        }
        if (offline) {
            tried.add("checksum database: skipped offline");
            return Optional.empty();
        }
        SumDbSettings s = sumdb.get();
        String name = s.verifier().name();
        // Through the proxy when it says it can (Go's rule), else the database itself.
        URI viaProxy = db.proxy().resolve("sumdb/" + name + "/");
        URI base;
        try {
            base = supported(viaProxy.resolve("supported")) ? viaProxy : s.url().orElse(URI.create("https://" + name + "/"));
        } catch (JgvmException e) {
            base = s.url().orElse(URI.create("https://" + name + "/"));
        }
        var client = new dev.jgvm.core.verify.sumdb.ChecksumDatabase(http, s.verifier(), s.stateDir());
        try {
            var record = client.lookup(base, db.module(), db.version());
            Optional<String> h1 = record.zipHash(db.module(), db.version());
            if (h1.isEmpty()) {
                throw VerificationException.tampered("the checksum database's record for %s@%s has no zip hash".formatted(db.module(), db.version()), "nothing was installed");
            }
            return Optional.of(new ZipHash(h1.get(), client.evidence(record, db.module(), db.version())));
        } catch (VersionNotFoundException e) {
            tried.add("checksum database %s: %s@%s is not in it".formatted(base, db.module(), db.version()));
        } catch (NetworkException e) {
            tried.add("checksum database %s: %s".formatted(base, e.getMessage()));
        }
        return Optional.empty();
    }

    /** A digest and what vouches for it. */
    public record Expected(Checksum sha256, Evidence evidence) {}

    /** The evidence gathered for one artifact from one source. Not thread-safe. */
    public final class Plan {
        private final Artifact artifact;
        private final String source;
        private final List<Expected> digests;
        private final byte[] signature;
        private final String signatureWhat;
        private final List<String> tried;
        private final Optional<ZipHash> zipHash;

        private Plan(Artifact artifact, String source, List<Expected> digests, byte[] signature, String signatureWhat, List<String> tried,
                     Optional<ZipHash> zipHash) {
            this.artifact = artifact;
            this.source = source;
            this.digests = List.copyOf(digests);
            this.signature = signature;
            this.signatureWhat = signatureWhat;
            this.tried = List.copyOf(tried);
            this.zipHash = zipHash;
        }

        public List<String> tried() { return tried; }

        public List<Expected> digests() { return digests; }

        /** The archive's own detached signature ({@code .asc}) when the source served one that verified so far. */
        public Optional<byte[]> signature() { return Optional.ofNullable(signature).map(byte[]::clone); }

        /** The strongest evidence this plan can give, if the bytes agree. */
        public Optional<EvidenceLevel> best() {
            if (signature != null || zipHash.isPresent()) return Optional.of(EvidenceLevel.SIGNED);
            return digests.stream().map(d -> d.evidence().kind().level()).min(Enum::compareTo);
        }

        /** Whether the evidence at hand can meet the minimum at all; when not, downloading is pointless. */
        public boolean canSatisfy() { return best().filter(minimum::acceptsEvidence).isPresent(); }

        /** A digest the bytes must have, known before the download (to name the partial file). */
        public Optional<Checksum> expected() { return digests.stream().map(Expected::sha256).findFirst(); }

        /** A fresh stream check for one pass over the bytes (the signature, when there is one). */
        public Optional<SignatureCheck> newSignatureCheck() {
            return signature == null ? Optional.empty() : Optional.of(SignatureCheck.begin(signature, TrustedKeys.builtInOnly(keys), signatureWhat));
        }

        /**
         * Judges the downloaded bytes, as the downloader hashed them while writing {@code got.file()}: every digest
         * must match, the signature (fed the same bytes) must verify, a module zip must obey {@link ModuleZip}'s rules
         * and hash to its checksum-database record, and the best of them must meet the minimum.
         *
         * @param streamed the extraction that followed the download, if any; the result owns it only on success
         * @return the proven archive (its file is the download's, to be moved into the cache)
         */
        public VerifiedArchive conclude(Downloader.Result got, Optional<StreamedExtraction> streamed) {
            List<Evidence> held = new ArrayList<>();
            Checksum actual = got.sha256();
            if (got.signature().isPresent()) held.add(got.signature().get().verify(signatureWhat));
            if (zipHash.isPresent()) {
                String h1;
                try {
                    h1 = ModuleZip.hash(got.file(), artifact.fileName(), ModuleZip.prefix(artifact.version(), artifact.platform()), limits);
                } catch (java.io.IOException e) {
                    throw VerificationException.mismatch("%s from mirror '%s' is not a readable zip: %s".formatted(artifact.fileName(), source, e.getMessage()));
                }
                if (!h1.equals(zipHash.get().h1())) {
                    throw VerificationException.mismatch("%s from mirror '%s' does not match the checksum database: the record says %s, the zip is %s"
                            .formatted(artifact.fileName(), source, zipHash.get().h1(), h1));
                }
                held.add(zipHash.get().evidence());
            }
            for (Expected e : digests) {
                if (!e.sha256().equals(actual)) {
                    throw VerificationException.mismatch("%s from mirror '%s' does not match its evidence: %s says %s, the bytes are %s"
                            .formatted(artifact.fileName(), source, e.evidence().detail(), e.sha256(), actual));
                }
                held.add(e.evidence());
            }
            held.sort((a, b) -> a.kind().compareTo(b.kind()));
            if (held.isEmpty() || !minimum.acceptsEvidence(held.get(0).kind().level())) {
                throw insufficient(artifact, source, held, tried);
            }
            Layout layout = artifact.layout() == Artifact.Layout.MODULE ? Layout.MODULE : Layout.OFFICIAL;
            return new VerifiedArchive(got.file(), true, artifact.fileName(), Optional.of(artifact.version()), artifact.platform(), actual,
                    layout, held, source, signature(), streamed.orElse(null));
        }
    }

    /**
     * Proves a cached archive again: copies it into {@code copy} (a fresh path under {@code JGVM_HOME}) while hashing
     * it, and holds the copy to the digest the cache recorded. The cache's file is not read again afterwards.
     *
     * @return empty when the entry's evidence is below the minimum, or its bytes no longer match its record (then
     *         the caller forgets the entry)
     */
    public Optional<VerifiedArchive> verifyCached(ArchiveCache.Entry entry, GoVersion version, Platform platform, Path copy) {
        if (entry.evidence().isEmpty() || !minimum.acceptsEvidence(entry.evidence().get(0).kind().level())) return Optional.empty();
        Intake in;
        try {
            in = intake(entry.file(), copy, Optional.empty());
        } catch (IOException e) {
            deleteQuietly(copy);
            return Optional.empty();
        }
        if (!in.sha256().equals(entry.sha256())) {
            deleteQuietly(copy);
            return Optional.empty();
        }
        return Optional.of(new VerifiedArchive(copy, true, entry.fileName(), Optional.of(version), platform, in.sha256(), entry.layout(),
                entry.evidence(), entry.source(), entry.signature(), null));
    }

    /**
     * What is claimed about an archive on this machine and the evidence that comes with it.
     *
     * @param fileName  its name (for messages and the record)
     * @param version   the version it is named for; empty when its go/VERSION must decide
     * @param source    where it came from ({@code file:<path>}, {@code bundle:<name>})
     * @param digests   digests it must have, each with what vouches for it
     * @param signature its official detached {@code .asc}, which must verify with the built-in Go key
     * @param recorded  evidence recorded earlier for exactly some bytes (the cache's), tried first
     */
    public record LocalClaim(String fileName, Optional<GoVersion> version, Platform platform, Layout layout, String source,
                             List<Expected> digests, Optional<byte[]> signature, Function<Checksum, Optional<List<Evidence>>> recorded) {
        public LocalClaim {
            digests = List.copyOf(digests);
            signature = signature.map(byte[]::clone);
        }
    }

    /**
     * Proves a file on this machine: reads it exactly once, copying it into {@code copy} (a fresh path under
     * {@code JGVM_HOME}) while hashing it and feeding its signature check, then judges the copy's bytes. Whatever
     * happens to {@code file} afterwards cannot reach the install.
     *
     * @throws VerificationException when the bytes are not proven (the copy is deleted)
     */
    public VerifiedArchive verifyLocal(Path file, LocalClaim claim, Path copy) {
        String what = claim.fileName() + ".asc";
        Optional<SignatureCheck> check = Optional.empty();
        VerificationException badSignature = null;   // counts only if nothing recorded knows these bytes
        if (claim.signature().isPresent()) {
            try {
                check = Optional.of(SignatureCheck.begin(claim.signature().get(), TrustedKeys.builtInOnly(keys), what));
            } catch (VerificationException e) {
                badSignature = e;
            }
        }
        Intake in;
        try {
            in = intake(file, copy, check);
        } catch (IOException e) {
            deleteQuietly(copy);
            throw VerificationException.unreadable("cannot read '%s': %s".formatted(claim.fileName(), e.getMessage()),
                    "nothing was installed; check the file and its permissions", e);
        }
        try {
            List<Evidence> held = new ArrayList<>();
            Optional<List<Evidence>> known = claim.recorded().apply(in.sha256());
            if (known.isPresent()) {
                held.addAll(known.get());
            } else {
                if (badSignature != null) throw badSignature;
                if (check.isPresent()) held.add(check.get().verify(what));
                for (Expected e : claim.digests()) {
                    if (!e.sha256().equals(in.sha256())) {
                        throw e.evidence().kind() == Evidence.Kind.USER ? VerificationException.checksumMismatch(claim.fileName(), e.sha256(), in.sha256())
                                : VerificationException.mismatch("%s from '%s' does not match its evidence: %s says %s, the bytes are %s"
                                .formatted(claim.fileName(), claim.source(), e.evidence().detail(), e.sha256(), in.sha256()));
                    }
                    held.add(e.evidence());
                }
                held.sort((a, b) -> a.kind().compareTo(b.kind()));
            }
            if (held.isEmpty()) {
                throw VerificationException.insufficientEvidence("no evidence that '%s' is genuine".formatted(claim.fileName()),
                        "pass --sha256 with the digest published for it (go.dev/dl lists every file's SHA-256), put its official .asc next to it, or import a bundle that holds it");
            }
            if (!minimum.acceptsEvidence(held.get(0).kind().level())) {
                throw VerificationException.insufficientEvidence("no %s evidence for '%s': only %s evidence (%s)".formatted(minimum.text(), claim.fileName(),
                        held.get(0).kind().text(), held.get(0).detail()), "the minimum is '%s'; give its --sha256, or lower [verify] minimum on purpose".formatted(minimum.text()));
            }
            return new VerifiedArchive(copy, true, claim.fileName(), claim.version(), claim.platform(), in.sha256(), claim.layout(), held,
                    claim.source(), check.isPresent() ? claim.signature() : Optional.empty(), null);
        } catch (RuntimeException e) {
            deleteQuietly(copy);
            throw e;
        }
    }

    private record Intake(Checksum sha256, long bytes) {}

    // One read of someone else's file: every byte is written to our copy, hashed and shown to the signature check.
    private static Intake intake(Path from, Path copy, Optional<SignatureCheck> check) throws IOException {
        java.security.MessageDigest digest = Checksum.newDigest();
        byte[] buf = new byte[1 << 16];
        long bytes = 0;
        try (java.io.InputStream in = Files.newInputStream(from);
             java.io.OutputStream out = Files.newOutputStream(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                digest.update(buf, 0, n);
                if (check.isPresent()) check.get().update(buf, 0, n);
                bytes += n;
            }
        }
        return new Intake(Checksum.of(digest), bytes);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a stray copy under cache/downloads holds nothing anyone reads; it is only disk space
        }
    }

    /** No evidence at hand meets the minimum. */
    public VerificationException insufficient(Artifact artifact, String source, List<Evidence> had, List<String> tried) {
        String have = had.isEmpty() ? "no evidence at all" : "only " + had.get(0).kind().text() + " evidence (" + had.get(0).detail() + ")";
        String hint = minimum == EvidenceLevel.MIRROR ? "nothing vouches for this file; try another mirror"
                : "the minimum is '%s'; use a mirror with signatures or the official origin, or accept mirror digests for this install with --allow-mirror-checksums"
                .formatted(minimum.text());
        return VerificationException.insufficientEvidence("no %s evidence for %s from mirror '%s': %s%s".formatted(minimum.text(), artifact.fileName(), source, have,
                tried.isEmpty() ? "" : " (tried: " + String.join("; ", tried) + ")"), hint);
    }

    // A GET, as cmd/go asks it: 200 means the proxy serves the database's endpoints.
    private boolean supported(URI u) {
        try {
            http.bytes(u, SmallFile.DIGEST);
            return true;
        } catch (VersionNotFoundException e) {
            return false;
        }
    }

    private Optional<byte[]> fetch(URI u, List<String> tried, String what, long max) {
        if (offline && !"file".equals(u.getScheme())) {
            tried.add(what + ": skipped offline");
            return Optional.empty();
        }
        try {
            return Optional.of(http.bytes(u, max));
        } catch (VersionNotFoundException e) {
            tried.add(what + ": not there");
        } catch (JgvmException e) {
            tried.add(what + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    // A .sha256 file holds the hex digest, sometimes followed by the file name, often without a newline.
    private static Optional<Checksum> digest(byte[] body, URI from, List<String> tried) {
        String s = new String(body, StandardCharsets.US_ASCII).strip();
        String first = s.split("\\s+", 2)[0];
        try {
            return Optional.of(Checksum.sha256(first));
        } catch (RuntimeException e) {
            tried.add("digest " + from + ": not a SHA-256 (" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + ")");
            return Optional.empty();
        }
    }
}
