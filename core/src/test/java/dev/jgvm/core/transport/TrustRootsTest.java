package dev.jgvm.core.transport;

import dev.jgvm.fixtures.TestCa;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.X509TrustManager;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which roots jgvm trusts: the OS bundle found among candidates, SSL_CERT_FILE instead of it, SSL_CERT_DIR, ca_file. */
class TrustRootsTest {
    @TempDir static Path dir;
    private static TestCa ca;
    private static X509Certificate[] chain;

    @BeforeAll
    static void makeACa() throws Exception {
        ca = TestCa.create(dir.resolve("ca"), "Machine Root CA");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ca.serverKeystore("127.0.0.2"))) {
            ks.load(in, TestCa.PASSWORD.toCharArray());
        }
        Certificate[] c = ks.getCertificateChain("server");
        chain = Arrays.copyOf(c, c.length, X509Certificate[].class);
    }

    private static X509TrustManager trust(List<Path> osBundles, Optional<String> certFile, Optional<String> certDir, Optional<Path> caFile) {
        return TrustRoots.of(osBundles, certFile, certDir, caFile).trustManager(caFile);
    }

    @Test
    void theFirstOsBundleThatExistsIsTrusted() {
        List<Path> candidates = List.of(dir.resolve("no-such-bundle.crt"), ca.pem());

        assertDoesNotThrow(() -> trust(candidates, Optional.empty(), Optional.empty(), Optional.empty()).checkServerTrusted(chain, "ECDHE_ECDSA"));
        assertEquals(List.of(ca.pem()), TrustRoots.of(candidates, Optional.empty(), Optional.empty(), Optional.empty()).files());
    }

    @Test
    void sslCertFileReplacesTheOsBundleAndSslCertDirAdds() throws Exception {
        Path other = TestCa.create(dir.resolve("other"), "Other CA").pem();
        Path certs = Files.createDirectories(dir.resolve("certs.d"));
        Files.copy(ca.pem(), certs.resolve("machine.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        X509TrustManager replaced = trust(List.of(ca.pem()), Optional.of(other.toString()), Optional.empty(), Optional.empty());
        X509TrustManager fromDir = trust(List.of(), Optional.of(other.toString()), Optional.of(certs.toString()), Optional.empty());

        assertThrows(CertificateException.class, () -> replaced.checkServerTrusted(chain, "ECDHE_ECDSA"));
        assertDoesNotThrow(() -> fromDir.checkServerTrusted(chain, "ECDHE_ECDSA"));
    }

    @Test
    void anUnknownIssuerIsNamedNotLeftAsAPkixFailure() {
        X509TrustManager jdkOnly = trust(List.of(), Optional.empty(), Optional.empty(), Optional.empty());

        CertificateException e = assertThrows(CertificateException.class, () -> jdkOnly.checkServerTrusted(chain, "ECDHE_ECDSA"));
        javax.net.ssl.SSLHandshakeException handshake = new javax.net.ssl.SSLHandshakeException("PKIX path building failed");
        handshake.initCause(e);
        TlsFailure f = TlsFailure.classify(handshake, "127.0.0.2").orElseThrow();

        assertEquals(TlsFailure.Reason.UNKNOWN_ISSUER, f.reason());
        assertEquals("the certificate of '127.0.0.2' is issued by 'CN=Machine Root CA, O=jgvm tests', which jgvm does not trust; "
                + "a proxy may be intercepting TLS", f.message());
        assertTrue(f.hint().contains("ca_file = "), f.hint());
    }

    @Test
    void aCaFileThatHoldsNoCertificateIsRefusedNamingIt() throws Exception {
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trust(List.of(), Optional.empty(), Optional.empty(), Optional.of(notPem)));

        assertTrue(e.getMessage().contains("not.pem"), e.getMessage());
    }
}
