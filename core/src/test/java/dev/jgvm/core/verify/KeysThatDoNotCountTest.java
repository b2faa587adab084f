package dev.jgvm.core.verify;

import dev.jgvm.core.error.VerificationException;
import dev.jgvm.fixtures.GnuPG;
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
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keys count only while valid. Every key here is made by the real GnuPG (with a faked clock where a past is
 * needed) and trusted by the user; each signature is good mathematically, and each must still give no evidence.
 * The one GnuPG refuses to make (a signature by an encryption-only subkey) is made with Bouncy Castle from GnuPG's key.
 */
class KeysThatDoNotCountTest {
    @TempDir static Path tmp;
    static GnuPG gpg;
    static Path data;
    static final Instant T0 = Instant.now().minus(Duration.ofDays(30));

    @BeforeAll
    static void setUp() throws IOException {
        gpg = GnuPG.in(tmp);
        data = Files.writeString(tmp.resolve("checksums.txt"), "abc  go1.22.5.linux-amd64.tar.gz\n");
    }

    private static Evidence check(String keyFpr, Path signature) throws IOException {
        Path keys = Files.createDirectories(tmp.resolve("keys-" + keyFpr));
        gpg.exportPublic(keyFpr, keys.resolve("key.asc"), true);
        SignatureCheck c = SignatureCheck.begin(Files.readAllBytes(signature), TrustedKeys.load(keys), "signature.asc");
        byte[] b = Files.readAllBytes(data);
        c.update(b, 0, b.length);
        return c.verify("signature.asc");
    }

    private static String refusal(String keyFpr, Path signature) {
        VerificationException e = assertThrows(VerificationException.class, () -> check(keyFpr, signature));
        assertEquals(4, e.exitCode().code());
        assertTrue(e.getMessage().startsWith("security: signature.asc "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aRevokedPrimaryKeyGivesNoEvidenceEvenForWhatItOrItsSubkeySignedBefore() throws IOException {
        String key = gpg.generateKeyAt("Revoked <revoked@example.com>", "ed25519", T0);
        String sub = gpg.addSubkey(key, "ed25519", "sign", T0.plus(Duration.ofHours(1)));
        Path byPrimary = gpg.detachSign(key + "!", data, tmp.resolve("revoked.asc"), T0.plus(Duration.ofHours(2)), null);
        Path bySubkey = gpg.detachSign(sub + "!", data, tmp.resolve("revoked-sub.asc"), T0.plus(Duration.ofHours(2)), null);
        gpg.revokeKey(key);

        String primaryWhy = refusal(key, byPrimary);
        String subkeyWhy = refusal(key, bySubkey);

        assertTrue(primaryWhy.contains("revoked"), primaryWhy);
        assertTrue(primaryWhy.contains(key.substring(24)), primaryWhy);
        assertTrue(subkeyWhy.contains("revoked"), subkeyWhy);
        assertTrue(subkeyWhy.contains(key.substring(24)), subkeyWhy);
    }

    @Test
    void aKeyThatHadExpiredWhenItSignedGivesNoEvidence() throws IOException {
        String key = gpg.generateKeyAt("Expired <expired@example.com>", "rsa2048", T0);
        Path late = gpg.detachSign(key, data, tmp.resolve("late.asc"), T0.plus(Duration.ofDays(5)), null);
        Path inTime = gpg.detachSign(key, data, tmp.resolve("in-time.asc"), T0.plus(Duration.ofMinutes(30)), null);
        // The self-signature dated one hour after creation says the key expires a day later.
        gpg.setExpiry(key, null, "1d", T0.plus(Duration.ofHours(1)));

        String why = refusal(key, late);
        Evidence before = check(key, inTime);

        assertTrue(why.contains("expired"), why);
        assertEquals(Evidence.Kind.SIGNED, before.kind(), "a signature made while the key was valid still counts");
    }

    @Test
    void aSubkeyThatHadExpiredWhenItSignedGivesNoEvidence() throws IOException {
        String key = gpg.generateKeyAt("Sub Expired <subexp@example.com>", "ed25519", T0);
        String sub = gpg.addSubkey(key, "ed25519", "sign", T0.plus(Duration.ofHours(1)));
        Path sig = gpg.detachSign(sub + "!", data, tmp.resolve("subexp.asc"), T0.plus(Duration.ofDays(5)), null);
        gpg.setExpiry(key, sub, "1d", T0.plus(Duration.ofHours(2)));

        String why = refusal(key, sig);

        assertTrue(why.contains("expired"), why);
        assertTrue(why.contains(sub.substring(24)), why);
    }

    @Test
    void aSubkeyWhoseBindingIsRevokedGivesNoEvidence() throws IOException {
        String key = gpg.generateKeyAt("Sub Revoked <subrev@example.com>", "ed25519", T0);
        String sub = gpg.addSubkey(key, "ed25519", "sign", T0.plus(Duration.ofHours(1)));
        Path sig = gpg.detachSign(sub + "!", data, tmp.resolve("subrev.asc"), T0.plus(Duration.ofHours(2)), null);
        Evidence beforeRevocation = check(key, sig);
        gpg.revokeSubkey(key, 1);

        String why = refusal(key, sig);

        assertEquals(Evidence.Kind.SIGNED, beforeRevocation.kind());
        assertTrue(why.contains("revoked"), why);
    }

    @Test
    void anEncryptionOnlySubkeyCannotSign() throws Exception {
        String key = gpg.generateKeyAt("Encrypts <encr@example.com>", "ed25519", T0);
        String encr = gpg.addSubkey(key, "rsa2048", "encr", T0.plus(Duration.ofHours(1)));
        Path secret = gpg.exportSecret(key, tmp.resolve("encr-secret.asc"));
        // GnuPG will not sign with a key bound for encryption; RSA can all the same, so Bouncy Castle does.
        Path sig = Files.write(tmp.resolve("encr.asc"), signWith(secret, encr, HashAlgorithmTags.SHA256));

        String why = refusal(key, sig);

        assertTrue(why.contains("cannot sign"), why);
        assertTrue(why.contains(encr.substring(24)), why);
    }

    @Test
    void aSha1SignatureGivesNoEvidence() throws IOException {
        String key = gpg.generateKeyAt("Old Hash <sha1@example.com>", "rsa2048", T0);
        Path sha1 = gpg.detachSign(key, data, tmp.resolve("sha1.asc"), T0.plusSeconds(60), "SHA1");
        Path sha256 = gpg.detachSign(key, data, tmp.resolve("sha256.asc"), T0.plusSeconds(60), "SHA256");

        String why = refusal(key, sha1);
        Evidence strong = check(key, sha256);

        assertTrue(why.contains("SHA-1"), why);
        assertEquals(Evidence.Kind.SIGNED, strong.kind());
    }

    @Test
    void anMd5SignatureGivesNoEvidence() throws IOException {
        String key = gpg.generateKeyAt("Older Hash <md5@example.com>", "rsa2048", T0);
        Path md5 = gpg.detachSign(key, data, tmp.resolve("md5.asc"), T0.plusSeconds(60), "MD5");

        String why = refusal(key, md5);

        assertTrue(why.contains("MD5"), why);
    }

    // A detached binary-document signature by one key of a GnuPG secret key export (the keys have no passphrase).
    private static byte[] signWith(Path secretExport, String keyFpr, int hash) throws IOException, PGPException {
        PGPSecretKey secret = null;
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(secretExport))) {
            for (PGPSecretKeyRing ring : new PGPSecretKeyRingCollection(in, new BcKeyFingerprintCalculator())) {
                for (PGPSecretKey k : ring) {
                    if (HexFormat.of().withUpperCase().formatHex(k.getPublicKey().getFingerprint()).equals(keyFpr)) secret = k;
                }
            }
        }
        if (secret == null) throw new IllegalStateException("no secret key " + keyFpr);
        PGPPrivateKey priv = secret.extractPrivateKey(null);
        PGPSignatureGenerator gen = new PGPSignatureGenerator(new BcPGPContentSignerBuilder(secret.getPublicKey().getAlgorithm(), hash), secret.getPublicKey());
        gen.init(PGPSignature.BINARY_DOCUMENT, priv);
        gen.update(Files.readAllBytes(data));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream armored = new ArmoredOutputStream(out)) {
            gen.generate().encode(armored);
        }
        return out.toByteArray();
    }
}
