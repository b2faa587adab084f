package dev.jgvm.core.verify;

import dev.jgvm.core.error.VerificationException;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.IssuerFingerprint;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One detached OpenPGP signature being checked against data streamed through {@link #update}. Created by
 * {@link #begin}, which finds the signing key among the {@link TrustedKeys} and refuses keys that should not count
 * (ARCHITECTURE.md "Trust"): a revoked primary, a key or subkey binding expired when the signature was made, a subkey that may not
 * sign or whose binding is revoked, and data hashed with anything weaker than SHA-2 (MD5, SHA-1). The built-in Go key's
 * subkey bindings, expired in its published copies, are accepted and noted (see {@link #notes()}).
 * {@link #verify()} fails closed: any problem is a {@link VerificationException}. Not thread-safe; one use.
 */
public final class SignatureCheck {
    // Bouncy Castle's own ("lightweight") implementations, not the JCA provider: nothing to register at start-up,
    // and no JDK that insists on signed crypto providers can refuse them.
    private final PGPSignature signature;
    private final TrustedKeys.Trusted ring;
    private final PGPPublicKey key;
    private final List<String> notes;

    private SignatureCheck(PGPSignature signature, TrustedKeys.Trusted ring, PGPPublicKey key, List<String> notes) {
        this.signature = signature;
        this.ring = ring;
        this.key = key;
        this.notes = notes;
    }

    /**
     * Parses an armored (or binary) detached signature and prepares it for the data.
     *
     * @param what names the signed thing in messages ({@code go1.22.5.linux-amd64.tar.gz.asc from 'official'})
     */
    public static SignatureCheck begin(byte[] detached, TrustedKeys keys, String what) {
        PGPSignature sig = parse(detached, what);
        if (sig.getSignatureType() != PGPSignature.BINARY_DOCUMENT) {
            throw bad(what, "is not a binary document signature (type 0x%02x)".formatted(sig.getSignatureType()));
        }
        if (!KeyValidity.strongForData(sig.getHashAlgorithm())) {
            throw bad(what, "uses the %s hash, which is too weak to count (SHA-256 or stronger is needed)".formatted(KeyValidity.hashName(sig.getHashAlgorithm())));
        }
        byte[] issuerFpr = issuerFingerprint(sig);
        TrustedKeys.Trusted ring = (issuerFpr != null ? keys.byFingerprint(issuerFpr) : keys.byKeyId(sig.getKeyID()))
                .orElseThrow(() -> VerificationException.untrustedKey(what, "was made by key %016X, which jgvm does not trust".formatted(sig.getKeyID()),
                        "import the signer's public key with 'jgvm keys import FILE --fingerprint FPR' if you trust it"));
        PGPPublicKey key = issuerFpr != null ? ring.ring().getPublicKey(issuerFpr) : ring.ring().getPublicKey(sig.getKeyID());
        List<String> notes = new ArrayList<>();
        PGPPublicKey primary = ring.ring().getPublicKey();
        Instant signed = sig.getCreationTime().toInstant();
        checkPrimary(ring, primary, key.getKeyID() == primary.getKeyID(), signed, what, notes);
        if (key.getKeyID() != primary.getKeyID()) checkSubkey(ring, primary, key, signed, what, notes);
        try {
            sig.init(new BcPGPContentVerifierBuilderProvider(), key);
        } catch (PGPException e) {
            throw bad(what, "cannot be checked: " + e.getMessage());
        }
        return new SignatureCheck(sig, ring, key, notes);
    }

    /**
     * Why a detached signature gives no evidence whoever made it (it hashes the data with MD5 or SHA-1), so that a
     * caller can treat it as absent rather than as tampering: old signatures are weak, not forged. Empty when the hash
     * is strong enough, or when the bytes are no signature ({@link #begin} says so).
     */
    public static Optional<String> weakHash(byte[] detached) {
        PGPSignature sig;
        try {
            sig = parse(detached, "");
        } catch (VerificationException e) {
            return Optional.empty();
        }
        return KeyValidity.strongForData(sig.getHashAlgorithm()) ? Optional.empty()
                : Optional.of("it hashes the data with %s, which is too weak to count".formatted(KeyValidity.hashName(sig.getHashAlgorithm())));
    }

    public void update(byte[] buf, int off, int len) { signature.update(buf, off, len); }

    /** Completes the check; returns the evidence it gives. */
    public Evidence verify(String what) {
        boolean ok;
        try {
            ok = signature.verify();
        } catch (PGPException e) {
            throw bad(what, "cannot be checked: " + e.getMessage());
        }
        if (!ok) throw bad(what, "does not match the data (BAD signature)");
        String signer = ring.builtIn() ? "the Go release key" : "'%s'".formatted(ring.userId());
        return new Evidence(Evidence.Kind.SIGNED, "%s signed by %s, key %s%s".formatted(what, signer,
                TrustedKeys.Trusted.fingerprint(key), notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"));
    }

    /**
     * Whether a detached signature names a signer among {@code keys} (it may still be bad or invalid: {@link #begin}
     * decides that); false for anything that is not a signature.
     */
    public static boolean bySignerIn(byte[] detached, TrustedKeys keys) {
        try {
            PGPSignature sig = parse(detached, "signature");
            byte[] fpr = issuerFingerprint(sig);
            return (fpr != null ? keys.byFingerprint(fpr) : keys.byKeyId(sig.getKeyID())).isPresent();
        } catch (VerificationException notASignature) {
            return false;
        }
    }

    /** What the check noticed but accepted, such as an expired subkey binding. */
    public List<String> notes() { return List.copyOf(notes); }

    private static PGPSignature parse(byte[] detached, String what) {
        try {
            BcPGPObjectFactory f = new BcPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(detached)));
            Object o = f.nextObject();
            if (o instanceof PGPCompressedData c) o = new BcPGPObjectFactory(c.getDataStream()).nextObject();
            if (o instanceof PGPSignatureList list && !list.isEmpty()) return list.get(0);
        } catch (IOException | PGPException | RuntimeException e) {
            throw bad(what, "is not an OpenPGP signature: " + e.getMessage());
        }
        throw bad(what, "is not an OpenPGP signature" + (new String(detached, 0, Math.min(detached.length, 64), StandardCharsets.UTF_8).contains("<") ? " (an HTML page?)" : ""));
    }

    private static byte[] issuerFingerprint(PGPSignature sig) {
        PGPSignatureSubpacketVector hashed = sig.getHashedSubPackets();
        if (hashed != null && hashed.getSubpacket(SignatureSubpacketTags.ISSUER_FINGERPRINT) instanceof IssuerFingerprint f) return f.getFingerprint();
        PGPSignatureSubpacketVector unhashed = sig.getUnhashedSubPackets();
        if (unhashed != null && unhashed.getSubpacket(SignatureSubpacketTags.ISSUER_FINGERPRINT) instanceof IssuerFingerprint f) return f.getFingerprint();
        return null;
    }

    // The primary counts only when not revoked (whatever the revocation says about when: a revoked key's past signatures
    // are not worth the risk) and not expired when the signature was made; when it signed itself, it must be able to sign.
    private static void checkPrimary(TrustedKeys.Trusted ring, PGPPublicKey primary, boolean signer, Instant signed, String what, List<String> notes) {
        if (KeyValidity.revoked(primary)) throw bad(what, "was made with key %016X, which is revoked".formatted(primary.getKeyID()));
        if (signed.isBefore(primary.getCreationTime().toInstant())) throw bad(what, "claims a time before its key existed");
        PGPSignature self = KeyValidity.selfSignature(primary, signed)
                .orElseThrow(() -> bad(what, "was made with key %016X, which has no valid self-signature".formatted(primary.getKeyID())));
        Optional<Instant> expiry = KeyValidity.expiry(primary, self);
        if (expiry.isPresent() && !expiry.get().isAfter(signed)) {
            throw bad(what, "was made on %s by key %016X, which had expired on %s".formatted(signed, primary.getKeyID(), expiry.get()));
        }
        KeyValidity.selfSignature(primary, Instant.now()).flatMap(s -> KeyValidity.expiry(primary, s)).filter(e -> !e.isAfter(Instant.now()))
                .ifPresent(e -> notes.add("key %016X expired on %s, after this signature was made".formatted(primary.getKeyID(), e)));
        if (signer && !KeyValidity.maySign(primary, self)) {
            throw bad(what, "was made by key %016X, which cannot sign (its self-signature does not allow it)".formatted(primary.getKeyID()));
        }
    }

    // A subkey signs for its primary only through a binding by that primary, in force when it signed, that lets it sign,
    // has not expired by then and was not revoked. The built-in Go key's copies say its subkeys' bindings expired while
    // Go kept signing with them (README "Downloads"): for that key alone an expired binding is accepted and noted.
    private static void checkSubkey(TrustedKeys.Trusted ring, PGPPublicKey primary, PGPPublicKey sub, Instant signed, String what, List<String> notes) {
        if (KeyValidity.revoked(primary, sub)) {
            throw bad(what, "was made by subkey %016X, whose binding to its primary key is revoked".formatted(sub.getKeyID()));
        }
        if (signed.isBefore(sub.getCreationTime().toInstant())) throw bad(what, "claims a time before its key existed");
        PGPSignature binding = KeyValidity.binding(primary, sub, signed).orElseThrow(() ->
                bad(what, "was made by subkey %016X, which has no valid binding to its primary key".formatted(sub.getKeyID())));
        if (!KeyValidity.maySign(sub, binding)) {
            throw bad(what, "was made by subkey %016X, which cannot sign (its binding allows encryption or certification only)".formatted(sub.getKeyID()));
        }
        Optional<Instant> expiry = KeyValidity.expiry(sub, binding);
        Optional<Instant> expiredNow = KeyValidity.binding(primary, sub, Instant.now()).flatMap(b -> KeyValidity.expiry(sub, b))
                .filter(e -> !e.isAfter(Instant.now()));
        boolean expiredThen = expiry.isPresent() && !expiry.get().isAfter(signed);
        if (expiredThen && !ring.builtIn()) {
            throw bad(what, "was made on %s by subkey %016X, whose binding had expired on %s".formatted(signed, sub.getKeyID(), expiry.get()));
        }
        if (expiredThen || expiredNow.isPresent()) {
            Instant when = expiredThen ? expiry.get() : expiredNow.get();
            notes.add(ring.builtIn()
                    ? "subkey %016X's binding expired on %s in our copy of the key; accepted for the built-in Go key".formatted(sub.getKeyID(), when)
                    : "subkey %016X's binding expired on %s, after this signature was made".formatted(sub.getKeyID(), when));
        }
    }

    private static VerificationException bad(String what, String why) {
        return VerificationException.badSignature(what, why);
    }
}
