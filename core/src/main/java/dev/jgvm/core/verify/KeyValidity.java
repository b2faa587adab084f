package dev.jgvm.core.verify;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an OpenPGP key ring says about itself, read only from signatures its primary key made and that verify:
 * whether the primary is revoked, when it (or a subkey's binding) expires, which subkeys are bound, revoked or able to
 * sign, and which hash algorithms are strong enough for a signature over data. {@link SignatureCheck} asks it about the
 * moment a signature was made; {@code jgvm keys import} about now (README "Downloads"; ARCHITECTURE.md "Trust"). Stateless; thread-safe.
 */
public final class KeyValidity {
    private KeyValidity() {}

    // Collisions in MD5 and SHA-1 can be made, so a signature over data hashed with them proves nothing about the data.
    // Bindings and self-signatures only need second-preimage resistance (the key owner chose what was signed), which
    // SHA-1 still has: the Go release key's older bindings are SHA-1 and stay readable. MD5 counts for nothing.
    private static final Set<Integer> STRONG = Set.of(HashAlgorithmTags.SHA224, HashAlgorithmTags.SHA256, HashAlgorithmTags.SHA384,
            HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA3_256, HashAlgorithmTags.SHA3_512);
    private static final Set<Integer> SIGNING_ALGORITHMS = Set.of(PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN,
            PublicKeyAlgorithmTags.DSA, PublicKeyAlgorithmTags.ECDSA, PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.Ed25519,
            PublicKeyAlgorithmTags.Ed448);

    /** Whether a hash is strong enough for a signature over data (SHA-2 or SHA-3). */
    public static boolean strongForData(int hashAlgorithm) { return STRONG.contains(hashAlgorithm); }

    /** A hash algorithm's usual name ({@code SHA-1}, {@code MD5}). */
    public static String hashName(int hashAlgorithm) {
        return switch (hashAlgorithm) {
            case HashAlgorithmTags.MD5 -> "MD5";
            case HashAlgorithmTags.SHA1 -> "SHA-1";
            case HashAlgorithmTags.RIPEMD160 -> "RIPEMD-160";
            case HashAlgorithmTags.SHA224 -> "SHA-224";
            case HashAlgorithmTags.SHA256 -> "SHA-256";
            case HashAlgorithmTags.SHA384 -> "SHA-384";
            case HashAlgorithmTags.SHA512 -> "SHA-512";
            case HashAlgorithmTags.SHA3_256 -> "SHA3-256";
            case HashAlgorithmTags.SHA3_512 -> "SHA3-512";
            default -> "hash algorithm " + hashAlgorithm;
        };
    }

    /** Whether the primary key carries a revocation it made itself. */
    public static boolean revoked(PGPPublicKey primary) {
        for (PGPSignature s : signatures(primary, PGPSignature.KEY_REVOCATION)) {
            if (s.getKeyID() == primary.getKeyID() && verifies(s, primary, null, null)) return true;
        }
        return false;
    }

    /** Whether the primary revoked this subkey's binding. */
    public static boolean revoked(PGPPublicKey primary, PGPPublicKey subkey) {
        for (PGPSignature s : signatures(subkey, PGPSignature.SUBKEY_REVOCATION)) {
            if (verifies(s, primary, subkey, null)) return true;
        }
        return false;
    }

    /**
     * The primary's self-signature in force at {@code at}: the newest that verifies and is not dated after it (the oldest
     * when all are later). Empty when none verifies.
     */
    public static Optional<PGPSignature> selfSignature(PGPPublicKey primary, Instant at) {
        List<PGPSignature> valid = new ArrayList<>();
        for (PGPSignature s : signatures(primary, PGPSignature.DIRECT_KEY)) {
            if (s.getKeyID() == primary.getKeyID() && verifies(s, primary, null, null)) valid.add(s);
        }
        for (Iterator<String> ids = primary.getUserIDs(); ids.hasNext(); ) {
            String id = ids.next();
            for (Iterator<PGPSignature> it = primary.getSignaturesForID(id); it != null && it.hasNext(); ) {
                PGPSignature s = it.next();
                if (s.isCertification() && s.getKeyID() == primary.getKeyID() && verifies(s, primary, null, id)) valid.add(s);
            }
        }
        return inForce(valid, at);
    }

    /** The primary's binding of a subkey in force at {@code at} (as {@link #selfSignature}); empty when none verifies. */
    public static Optional<PGPSignature> binding(PGPPublicKey primary, PGPPublicKey subkey, Instant at) {
        List<PGPSignature> valid = new ArrayList<>();
        for (PGPSignature s : signatures(subkey, PGPSignature.SUBKEY_BINDING)) {
            if (verifies(s, primary, subkey, null)) valid.add(s);
        }
        return inForce(valid, at);
    }

    /** When a key expires by what a self-signature or binding says; empty when it does not. */
    public static Optional<Instant> expiry(PGPPublicKey key, PGPSignature selfOrBinding) {
        PGPSignatureSubpacketVector h = selfOrBinding.getHashedSubPackets();
        long seconds = h == null ? 0 : h.getKeyExpirationTime();
        return seconds > 0 ? Optional.of(key.getCreationTime().toInstant().plusSeconds(seconds)) : Optional.empty();
    }

    /** Whether a self-signature or binding lets the key sign data: its key flags say so, or it has none and the algorithm can. */
    public static boolean maySign(PGPPublicKey key, PGPSignature selfOrBinding) {
        PGPSignatureSubpacketVector h = selfOrBinding.getHashedSubPackets();
        if (h != null && h.hasSubpacket(org.bouncycastle.bcpg.SignatureSubpacketTags.KEY_FLAGS)) {
            return (h.getKeyFlags() & KeyFlags.SIGN_DATA) != 0 && SIGNING_ALGORITHMS.contains(key.getAlgorithm());
        }
        return SIGNING_ALGORITHMS.contains(key.getAlgorithm());
    }

    /** A key ring as {@code keys import} shows it: who it says it is, and why it may give no evidence now. */
    public record Report(String fingerprint, List<String> userIds, List<String> problems) {
        public boolean fit() { return problems.isEmpty(); }
    }

    /** The state of a key ring at {@code at}: revoked, expired, or without any key that may sign. */
    public static Report report(PGPPublicKeyRing ring, Instant at) {
        PGPPublicKey primary = ring.getPublicKey();
        List<String> ids = new ArrayList<>();
        primary.getUserIDs().forEachRemaining(ids::add);
        List<String> problems = new ArrayList<>();
        Optional<PGPSignature> self = selfSignature(primary, at);
        if (revoked(primary)) problems.add("is revoked");
        if (self.isEmpty()) problems.add("has no valid self-signature");
        Optional<Instant> expiry = self.flatMap(s -> expiry(primary, s));
        if (expiry.isPresent() && !expiry.get().isAfter(at)) problems.add("expired on " + expiry.get());
        boolean canSign = self.isPresent() && maySign(primary, self.get());
        for (Iterator<PGPPublicKey> it = ring.getPublicKeys(); it.hasNext() && !canSign; ) {
            PGPPublicKey k = it.next();
            if (k.isMasterKey() || revoked(primary, k)) continue;
            Optional<PGPSignature> b = binding(primary, k, at);
            canSign = b.isPresent() && maySign(k, b.get()) && expiry(k, b.get()).map(e -> e.isAfter(at)).orElse(true);
        }
        if (!canSign) problems.add("cannot sign: none of its keys may sign, or each that may has expired or was revoked");
        return new Report(HexFormat.of().withUpperCase().formatHex(primary.getFingerprint()), List.copyOf(ids), List.copyOf(problems));
    }

    private static Optional<PGPSignature> inForce(List<PGPSignature> valid, Instant at) {
        Comparator<PGPSignature> byDate = Comparator.comparing(PGPSignature::getCreationTime);
        return valid.stream().filter(s -> !s.getCreationTime().toInstant().isAfter(at)).max(byDate)
                .or(() -> valid.stream().min(byDate));
    }

    private static List<PGPSignature> signatures(PGPPublicKey key, int type) {
        List<PGPSignature> out = new ArrayList<>();
        key.getSignaturesOfType(type).forEachRemaining(out::add);
        return out;
    }

    // Whether the primary made this signature over itself (userId or not) or over a subkey. MD5 proves nothing.
    private static boolean verifies(PGPSignature s, PGPPublicKey primary, PGPPublicKey subkey, String userId) {
        if (s.getHashAlgorithm() == HashAlgorithmTags.MD5) return false;
        try {
            s.init(new BcPGPContentVerifierBuilderProvider(), primary);
            if (subkey != null) return s.verifyCertification(primary, subkey);
            if (userId != null) return s.verifyCertification(userId, primary);
            return s.verifyCertification(primary);
        } catch (PGPException | RuntimeException e) {
            return false;
        }
    }
}
