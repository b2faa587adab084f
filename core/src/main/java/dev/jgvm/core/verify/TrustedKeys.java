package dev.jgvm.core.verify;

import dev.jgvm.core.error.StoreException;
import dev.jgvm.core.error.VerificationException;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The OpenPGP keys jgvm trusts: the built-in Go release key (Google's Linux packages key, pinned by its primary
 * fingerprint; its copy also carries an unrelated DSA key, which is not trusted) and the keys in
 * {@code JGVM_HOME/keys/} (armored or binary). Immutable after loading.
 */
public final class TrustedKeys {
    /** The Go release signing key's primary fingerprint (ARCHITECTURE.md, 'Trust'). */
    public static final String GO_RELEASE_KEY = "EB4C1BFD4F042F6DDDCCEC917721F63BD38B4796";

    /** A trusted key ring: where it came from, and whether it is the built-in Go key. */
    public record Trusted(PGPPublicKeyRing ring, String source, boolean builtIn) {
        public String fingerprint() { return fingerprint(ring.getPublicKey()); }

        public String userId() {
            Iterator<String> ids = ring.getPublicKey().getUserIDs();
            return ids.hasNext() ? ids.next() : "";
        }

        static String fingerprint(PGPPublicKey k) { return HexFormat.of().withUpperCase().formatHex(k.getFingerprint()); }
    }

    private final List<Trusted> rings;

    private TrustedKeys(List<Trusted> rings) { this.rings = List.copyOf(rings); }

    /** Exactly these rings; for tests in this package that need a stand-in for the built-in key. */
    static TrustedKeys of(List<Trusted> rings) { return new TrustedKeys(rings); }

    /** The built-in Go key only. */
    public static TrustedKeys builtIn() { return new TrustedKeys(goKey()); }

    /** The built-in Go key and every key in {@code keysDir} (which may be missing). */
    public static TrustedKeys load(Path keysDir) {
        List<Trusted> all = new ArrayList<>(goKey());
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(keysDir)) {
            for (Path p : ds) {
                if (!Files.isRegularFile(p)) continue;
                try (InputStream in = Files.newInputStream(p)) {
                    for (PGPPublicKeyRing r : parse(in)) all.add(new Trusted(r, p.toString(), false));
                } catch (IOException | PGPException | RuntimeException e) {
                    throw new StoreException("cannot read the trusted key '%s': %s".formatted(p, e.getMessage()),
                            "remove it with 'jgvm keys remove' or put an OpenPGP public key there", e);
                }
            }
        } catch (NoSuchFileException e) {
            // no user keys
        } catch (IOException e) {
            throw new StoreException("cannot list '%s': %s".formatted(keysDir, e.getMessage()), null, e);
        }
        return new TrustedKeys(all);
    }

    public List<Trusted> all() { return rings; }

    /**
     * Only the built-in Go key of a set: an archive's own {@code .asc} must be by Go's release key; user keys vouch
     * for archives only through a signed checksums file.
     */
    public static TrustedKeys builtInOnly(TrustedKeys keys) {
        return new TrustedKeys(keys.rings.stream().filter(Trusted::builtIn).toList());
    }

    /** The trusted ring holding a key (primary or subkey) with this key ID. */
    public Optional<Trusted> byKeyId(long keyId) {
        for (Trusted t : rings) if (t.ring().getPublicKey(keyId) != null) return Optional.of(t);
        return Optional.empty();
    }

    /** The trusted ring holding a key with this fingerprint (upper-case hex, no spaces). */
    public Optional<Trusted> byFingerprint(byte[] fingerprint) {
        for (Trusted t : rings) if (t.ring().getPublicKey(fingerprint) != null) return Optional.of(t);
        return Optional.empty();
    }

    /** Parses armored or binary public key rings. */
    public static List<PGPPublicKeyRing> parse(InputStream in) throws IOException, PGPException {
        PGPPublicKeyRingCollection c = new PGPPublicKeyRingCollection(PGPUtil.getDecoderStream(in), new BcKeyFingerprintCalculator());
        List<PGPPublicKeyRing> out = new ArrayList<>();
        c.getKeyRings().forEachRemaining(out::add);
        return out;
    }

    private static List<Trusted> goKey() {
        try (InputStream in = TrustedKeys.class.getResourceAsStream("go-release-signing-key.asc")) {
            for (PGPPublicKeyRing r : parse(in)) {
                if (Trusted.fingerprint(r.getPublicKey()).equals(GO_RELEASE_KEY)) {
                    return List.of(new Trusted(r, "built-in Go release key", true));
                }
            }
            throw VerificationException.failed("the built-in Go release key is missing from this build", "reinstall jgvm");
        } catch (IOException | PGPException e) {
            throw VerificationException.failed("cannot read the built-in Go release key: " + e.getMessage(), "reinstall jgvm");
        }
    }

    /** Normalizes a fingerprint as users write it (spaces, lower case, 0x). */
    public static String normalize(String fpr) {
        String s = fpr.replace(" ", "").toUpperCase(Locale.ROOT);
        return s.startsWith("0X") ? s.substring(2) : s;
    }
}
