package dev.jgvm.core.verify;

import dev.jgvm.core.error.VerificationException;
import dev.jgvm.fixtures.GnuPG;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Detached signatures made by the real GnuPG, checked by jgvm's Bouncy Castle code, and the built-in Go key. */
class SignatureCheckTest {
    @TempDir static Path tmp;
    static GnuPG gpg;
    static String rsa;
    static String ed25519;
    static String stranger;
    static Path keys;
    static Path data;

    @BeforeAll
    static void makeKeys() throws IOException {
        gpg = GnuPG.in(tmp);
        rsa = gpg.generateKey("Release RSA <rsa@example.com>", "rsa2048");
        ed25519 = gpg.generateKey("Release Ed <ed@example.com>", "ed25519");
        stranger = gpg.generateKey("Stranger <x@example.com>", "ed25519");
        keys = Files.createDirectories(tmp.resolve("keys"));
        gpg.exportPublic(rsa, keys.resolve("rsa.asc"), true);
        gpg.exportPublic(ed25519, keys.resolve("ed.gpg"), false);
        data = Files.writeString(tmp.resolve("checksums.txt"), "abc  go1.22.5.linux-amd64.tar.gz\n");
    }

    private static Evidence check(Path sig, Path file) throws IOException {
        SignatureCheck c = SignatureCheck.begin(Files.readAllBytes(sig), TrustedKeys.load(keys), "signature.asc");
        byte[] b = Files.readAllBytes(file);
        c.update(b, 0, b.length);
        return c.verify("signature.asc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "ed25519"})
    void acceptsGnuPgSignaturesByTrustedKeys(String which) throws IOException {
        String fpr = which.equals("rsa") ? rsa : ed25519;
        Path sig = gpg.detachSign(fpr, data, tmp.resolve(which + ".asc"));

        Evidence e = check(sig, data);

        assertEquals(Evidence.Kind.SIGNED, e.kind());
        assertTrue(e.detail().contains(fpr), e.detail());
    }

    @Test
    void refusesModifiedData() throws IOException {
        Path sig = gpg.detachSign(rsa, data, tmp.resolve("tampered.asc"));
        Path modified = Files.writeString(tmp.resolve("modified.txt"), "abd  go1.22.5.linux-amd64.tar.gz\n");

        VerificationException e = assertThrows(VerificationException.class, () -> check(sig, modified));

        assertEquals("security: signature.asc does not match the data (BAD signature)", e.getMessage());
        assertEquals(4, e.exitCode().code());
    }

    @Test
    void refusesSignaturesByKeysNobodyTrusts() throws IOException {
        Path sig = gpg.detachSign(stranger, data, tmp.resolve("stranger.asc"));

        VerificationException e = assertThrows(VerificationException.class, () -> check(sig, data));

        assertTrue(e.getMessage().startsWith("security: signature.asc was made by key "), e.getMessage());
        assertTrue(e.getMessage().endsWith(", which jgvm does not trust"), e.getMessage());
    }

    @Test
    void refusesWhatIsNoSignature() {
        VerificationException e = assertThrows(VerificationException.class, () -> SignatureCheck.begin(
                "<html>404</html>".getBytes(StandardCharsets.UTF_8), TrustedKeys.load(keys), "go.tar.gz.asc"));

        assertTrue(e.getMessage().startsWith("security: go.tar.gz.asc is not an OpenPGP signature"), e.getMessage());
    }

    @Test
    void theBuiltInGoKeyIsPinnedAndItsNeighbourIsNotTrusted() {
        TrustedKeys k = TrustedKeys.builtIn();

        assertEquals(1, k.all().size());
        assertEquals(TrustedKeys.GO_RELEASE_KEY, k.all().get(0).fingerprint());
        assertTrue(k.all().get(0).builtIn());
        int subkeys = 0;
        for (Iterator<?> it = k.all().get(0).ring().getPublicKeys(); it.hasNext(); it.next()) subkeys++;
        assertTrue(subkeys > 1, "the Go key signs with its subkeys");
        // 2F52 8D36 D67B 69ED F998 D857 78BD 6547 3CB3 BD13 signed the 2019-2022 releases.
        assertTrue(k.byKeyId(0x78BD65473CB3BD13L).isPresent());
        assertFalse(TrustedKeys.load(tmp.resolve("nowhere")).all().isEmpty());
    }

    @Test
    void everySigningSubkeyOfTheBuiltInGoKeyIsBoundAndMaySignThoughOldBindingsUseSha1() {
        var primary = TrustedKeys.builtIn().all().get(0).ring().getPublicKey();
        int signing = 0;
        for (Iterator<org.bouncycastle.openpgp.PGPPublicKey> it = TrustedKeys.builtIn().all().get(0).ring().getPublicKeys(); it.hasNext(); ) {
            var k = it.next();
            if (k.isMasterKey()) continue;
            java.time.Instant aDayLater = k.getCreationTime().toInstant().plus(java.time.Duration.ofDays(1));
            var binding = KeyValidity.binding(primary, k, aDayLater);

            assertTrue(binding.isPresent(), "subkey %016X".formatted(k.getKeyID()));
            assertTrue(KeyValidity.maySign(k, binding.get()), "subkey %016X".formatted(k.getKeyID()));
            assertFalse(KeyValidity.revoked(primary, k));
            signing++;
        }
        assertFalse(KeyValidity.revoked(primary));
        assertEquals(7, signing, "the Go key's copy holds seven signing subkeys, 2016 to 2025");
    }
}
