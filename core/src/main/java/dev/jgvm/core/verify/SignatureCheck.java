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
import java.util.Date;
import java.util.Iterator;
import java.util.List;

/**
 * One detached OpenPGP signature being checked against data streamed through {@link #update}. Created by
 * {@link #begin}, which finds the signing key among the {@link TrustedKeys} (a subkey must be bound to its trusted
 * primary by a valid binding signature; a binding that has expired in our copy is accepted and noted).
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
        byte[] issuerFpr = issuerFingerprint(sig);
        TrustedKeys.Trusted ring = (issuerFpr != null ? keys.byFingerprint(issuerFpr) : keys.byKeyId(sig.getKeyID()))
                .orElseThrow(() -> new VerificationException("security: %s was made by key %016X, which jgvm does not trust".formatted(what, sig.getKeyID()),
                        "import the signer's public key with 'jgvm keys import FILE --fingerprint FPR' if you trust it"));
        PGPPublicKey key = issuerFpr != null ? ring.ring().getPublicKey(issuerFpr) : ring.ring().getPublicKey(sig.getKeyID());
        List<String> notes = new ArrayList<>();
        PGPPublicKey primary = ring.ring().getPublicKey();
        if (key.getKeyID() != primary.getKeyID()) checkBinding(primary, key, sig, what, notes);
        if (key.hasRevocation()) throw bad(what, "was made by key %016X, which is revoked".formatted(key.getKeyID()));
        try {
            sig.init(new BcPGPContentVerifierBuilderProvider(), key);
        } catch (PGPException e) {
            throw bad(what, "cannot be checked: " + e.getMessage());
        }
        return new SignatureCheck(sig, ring, key, notes);
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

    // A subkey signs for its primary only through a valid binding signature by that primary.
    private static void checkBinding(PGPPublicKey primary, PGPPublicKey sub, PGPSignature made, String what, List<String> notes) {
        Iterator<PGPSignature> it = sub.getSignaturesOfType(PGPSignature.SUBKEY_BINDING);
        while (it.hasNext()) {
            PGPSignature binding = it.next();
            try {
                binding.init(new BcPGPContentVerifierBuilderProvider(), primary);
                if (!binding.verifyCertification(primary, sub)) continue;
            } catch (PGPException e) {
                continue;
            }
            PGPSignatureSubpacketVector h = binding.getHashedSubPackets();
            long expiresAfter = h == null ? 0 : h.getKeyExpirationTime();
            if (expiresAfter > 0) {
                Instant expiry = sub.getCreationTime().toInstant().plusSeconds(expiresAfter);
                if (expiry.isBefore(Instant.now())) {
                    notes.add("subkey %016X's binding expired on %s in our copy of the key; accepted, as jgvm's trust rules allow".formatted(sub.getKeyID(), expiry));
                }
            }
            Date created = made.getCreationTime();
            if (created.before(sub.getCreationTime())) throw bad(what, "claims a time before its key existed");
            return;
        }
        throw bad(what, "was made by subkey %016X, which has no valid binding to its primary key".formatted(sub.getKeyID()));
    }

    private static VerificationException bad(String what, String why) {
        return new VerificationException("security: %s %s".formatted(what, why),
                "the bytes were discarded; jgvm tries the next mirror, or pick one with --mirror");
    }
}
