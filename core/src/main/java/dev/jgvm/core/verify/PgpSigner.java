package dev.jgvm.core.verify;

import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VerificationException;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Iterator;

/**
 * Makes armored detached OpenPGP signatures (binary document, SHA-256) with a secret key exported from GnuPG
 * ({@code gpg --export-secret-keys --armor}) or made with Bouncy Castle; {@code gpg --verify} accepts them. The first
 * signing-capable key of the file is used. Not thread-safe.
 */
public final class PgpSigner {
    private final PGPSecretKey key;
    private final PGPPrivateKey privateKey;

    private PgpSigner(PGPSecretKey key, PGPPrivateKey privateKey) {
        this.key = key;
        this.privateKey = privateKey;
    }

    /**
     * Loads a secret key file and unlocks it.
     *
     * @throws UsageException        when the file holds no usable secret signing key
     * @throws VerificationException when the passphrase is wrong
     */
    public static PgpSigner load(Path file, char[] passphrase) {
        PGPSecretKeyRingCollection rings;
        try (InputStream in = Files.newInputStream(file)) {
            rings = new PGPSecretKeyRingCollection(PGPUtil.getDecoderStream(in), new BcKeyFingerprintCalculator());
        } catch (IOException | PGPException | RuntimeException e) {
            throw new UsageException("'%s' holds no OpenPGP secret key: %s".formatted(file, e.getMessage()),
                    "export one with 'gpg --export-secret-keys --armor FPR > signing-key.asc'");
        }
        for (Iterator<PGPSecretKeyRing> r = rings.getKeyRings(); r.hasNext(); ) {
            for (Iterator<PGPSecretKey> k = r.next().getSecretKeys(); k.hasNext(); ) {
                PGPSecretKey sk = k.next();
                if (!sk.isSigningKey() || sk.isPrivateKeyEmpty() || sk.getPublicKey().hasRevocation()) continue;
                try {
                    PGPPrivateKey pk = sk.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(passphrase));
                    return new PgpSigner(sk, pk);
                } catch (PGPException e) {
                    throw VerificationException.failed("cannot unlock the secret key in '%s': %s".formatted(file, e.getMessage()),
                            "give its passphrase in JGVM_SIGN_PASSPHRASE (or at the prompt on a terminal)");
                }
            }
        }
        throw new UsageException("'%s' holds no secret key that can sign".formatted(file), "export a signing key with 'gpg --export-secret-keys --armor FPR'");
    }

    /** The signing key's fingerprint. */
    public String fingerprint() { return HexFormat.of().withUpperCase().formatHex(key.getPublicKey().getFingerprint()); }

    /** An armored detached signature over the data. */
    public byte[] sign(byte[] data) {
        try {
            PGPSignatureGenerator gen = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(key.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256), key.getPublicKey());
            gen.init(PGPSignature.BINARY_DOCUMENT, privateKey);
            gen.update(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream armored = new ArmoredOutputStream(out)) {
                gen.generate().encode(armored);
            }
            return out.toByteArray();
        } catch (PGPException | IOException e) {
            throw VerificationException.failed("cannot sign: " + e.getMessage(), "check that the key can sign");
        }
    }
}
