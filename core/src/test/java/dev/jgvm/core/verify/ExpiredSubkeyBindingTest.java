package dev.jgvm.core.verify;

import dev.jgvm.core.error.VerificationException;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A signature by a subkey of the built-in Go key is accepted even when the copy of the key we hold says the
 * subkey's binding expired (the Go key's published copies do), and the fact is reported; for any other key a binding
 * that had expired when the signature was made gives no evidence. Built with Bouncy Castle, because GnuPG will not make
 * a binding that has already expired. The Go key's secret half is Google's, so a key of our own stands in for it.
 */
class ExpiredSubkeyBindingTest {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    @TempDir Path tmp;

    @Test
    void acceptsASignatureByASubkeyOfTheBuiltInKeyWhoseBindingExpiredAndSaysSo() throws Exception {
        PGPPublicKeyRing ring = expiredBindingRing();
        byte[] data = DATA;
        byte[] signature = detachSign(lastSub, data);
        TrustedKeys builtIn = TrustedKeys.of(List.of(new TrustedKeys.Trusted(ring, "built-in Go release key", true)));

        SignatureCheck check = SignatureCheck.begin(signature, builtIn, "go1.22.5.linux-amd64.tar.gz.asc");
        check.update(data, 0, data.length);
        Evidence e = check.verify("go1.22.5.linux-amd64.tar.gz.asc");

        assertEquals(Evidence.Kind.SIGNED, e.kind());
        assertEquals(1, check.notes().size());
        assertTrue(check.notes().get(0).contains("binding expired"), check.notes().toString());
        assertTrue(e.detail().contains("binding expired"), e.detail());
    }

    @Test
    void refusesTheSameSignatureByAUserKeysSubkey() throws Exception {
        PGPPublicKeyRing ring = expiredBindingRing();
        Path keys = Files.createDirectories(tmp.resolve("keys"));
        Files.write(keys.resolve("release.gpg"), ring.getEncoded());

        VerificationException e = assertThrows(VerificationException.class,
                () -> SignatureCheck.begin(detachSign(lastSub, DATA), TrustedKeys.load(keys), "signature.asc"));

        assertTrue(e.getMessage().startsWith("security: signature.asc was made on "), e.getMessage());
        assertTrue(e.getMessage().contains("whose binding had expired on "), e.getMessage());
    }

    private static final byte[] DATA = "abc  go1.22.5.linux-amd64.tar.gz\n".getBytes(StandardCharsets.UTF_8);
    private PGPKeyPair lastSub;

    // A primary and a signing subkey made two years ago, whose binding says the subkey expires 180 days after that.
    private PGPPublicKeyRing expiredBindingRing() throws Exception {
        Instant twoYearsAgo = Instant.now().minus(Duration.ofDays(730));
        PGPKeyPair primary = rsa(PGPPublicKey.RSA_SIGN, twoYearsAgo);
        lastSub = rsa(PGPPublicKey.RSA_SIGN, twoYearsAgo);
        PGPSignatureSubpacketGenerator subHashed = new PGPSignatureSubpacketGenerator();
        subHashed.setKeyFlags(false, org.bouncycastle.bcpg.sig.KeyFlags.SIGN_DATA);
        subHashed.setKeyExpirationTime(false, Duration.ofDays(180).toSeconds());
        PGPKeyRingGenerator g = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary, "Release <release@example.com>",
                new JcaPGPDigestCalculatorProviderBuilder().setProvider(BC).build().get(HashAlgorithmTags.SHA1), null, null,
                new JcaPGPContentSignerBuilder(primary.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256).setProvider(BC), null);
        g.addSubKey(lastSub, subHashed.generate(), null);
        return g.generatePublicKeyRing();
    }

    private static PGPKeyPair rsa(int algorithm, Instant created) throws GeneralSecurityException, PGPException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", BC);
        g.initialize(2048);
        return new JcaPGPKeyPair(algorithm, g.generateKeyPair(), Date.from(created));
    }

    private static byte[] detachSign(PGPKeyPair key, byte[] data) throws PGPException, IOException {
        PGPSignatureGenerator gen = new PGPSignatureGenerator(
                new JcaPGPContentSignerBuilder(key.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256).setProvider(BC), key.getPublicKey());
        gen.init(PGPSignature.BINARY_DOCUMENT, key.getPrivateKey());
        gen.update(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream armored = new ArmoredOutputStream(out)) {
            gen.generate().encode(armored);
        }
        return out.toByteArray();
    }
}
