package dev.jgvm.core.transport;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The certificate authorities jgvm trusts for https: the JDK's, the operating system's (the distribution's bundle on
 * Linux, found among the places Go's crypto/x509 looks; the Keychain on macOS; the root store on Windows) —
 * replaced by {@code SSL_CERT_FILE} and extended by {@code SSL_CERT_DIR} as Go and curl read them — and extra PEM
 * roots ({@code [network] ca_file}). The trust manager it builds names the issuer of a chain it refuses
 * ({@link TlsFailure.UntrustedChain}). Immutable.
 */
public final class TrustRoots {
    /** Where Linux distributions keep their bundle (the first readable one is used), as Go's crypto/x509 lists them. */
    public static final List<Path> LINUX_BUNDLES = List.of(
            Path.of("/etc/ssl/certs/ca-certificates.crt"),                 // Debian, Ubuntu, Gentoo, Arch
            Path.of("/etc/pki/tls/certs/ca-bundle.crt"),                   // Fedora, RHEL 6
            Path.of("/etc/ssl/ca-bundle.pem"),                              // openSUSE
            Path.of("/etc/pki/tls/cacert.pem"),                             // OpenELEC
            Path.of("/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem"),  // CentOS, RHEL 7
            Path.of("/etc/ssl/cert.pem"));                                  // Alpine
    private final List<Path> files;
    private final boolean platformStore;

    private TrustRoots(List<Path> files, boolean platformStore) {
        this.files = List.copyOf(files);
        this.platformStore = platformStore;
    }

    /**
     * The roots for this machine.
     *
     * @param osBundles   the operating system's bundle candidates (the first that exists is read); {@link #LINUX_BUNDLES}
     *                    on Linux, empty elsewhere
     * @param sslCertFile {@code SSL_CERT_FILE}: replaces the operating system's bundle when set
     * @param sslCertDir  {@code SSL_CERT_DIR}: directories (separated by ':') whose certificate files are added
     * @param caFile      {@code [network] ca_file}: added
     */
    public static TrustRoots of(List<Path> osBundles, Optional<String> sslCertFile, Optional<String> sslCertDir, Optional<Path> caFile) {
        List<Path> files = new ArrayList<>();
        if (sslCertFile.isPresent()) files.add(Path.of(sslCertFile.get()));
        else osBundles.stream().filter(Files::isReadable).findFirst().ifPresent(files::add);
        for (String d : sslCertDir.map(s -> s.split(java.io.File.pathSeparator)).orElse(new String[0])) {
            if (d.isBlank()) continue;
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of(d))) {
                for (Path p : ds) if (Files.isRegularFile(p)) files.add(p);
            } catch (IOException e) {
                // a directory that is not there adds nothing, as for Go
            }
        }
        caFile.ifPresent(files::add);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return new TrustRoots(files, os.contains("mac") || os.contains("windows"));
    }

    /** The files read besides the JDK's roots, in order. */
    public List<Path> files() { return files; }

    /**
     * The trust manager: JDK roots, the platform store where the JDK does not read it, and every certificate in
     * {@link #files()} (files that are not certificates are skipped, except a configured ca_file, which must parse).
     *
     * @param required the file that must be readable and hold certificates (the configured ca_file)
     * @throws IllegalArgumentException naming {@code required} when it cannot be used
     */
    public X509TrustManager trustManager(Optional<Path> required) {
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int n = 0;
            for (X509Certificate c : defaultIssuers(null)) ks.setCertificateEntry("jdk-" + n++, c);
            if (platformStore) n = addPlatformStore(ks, n);
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (Path f : files) {
                boolean must = required.isPresent() && required.get().equals(f);
                try (InputStream in = Files.newInputStream(f)) {
                    var certs = cf.generateCertificates(in);
                    if (must && certs.isEmpty()) throw new IllegalArgumentException("'%s' holds no PEM certificate".formatted(f));
                    for (Certificate c : certs) ks.setCertificateEntry("file-" + n++, c);
                } catch (IOException | CertificateException e) {
                    if (must) throw new IllegalArgumentException("cannot read '%s': %s".formatted(f, e.getMessage()));
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            for (TrustManager tm : tmf.getTrustManagers()) if (tm instanceof X509TrustManager x) return new Naming(x);
            throw new GeneralSecurityException("no X.509 trust manager");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the TLS trust roots: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> defaultIssuers(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdk.init(store);
        List<X509Certificate> out = new ArrayList<>();
        for (TrustManager tm : jdk.getTrustManagers()) if (tm instanceof X509TrustManager x) out.addAll(List.of(x.getAcceptedIssuers()));
        return out;
    }

    // The Keychain (macOS) or the Windows root store: roots an administrator installed for the whole machine.
    private static int addPlatformStore(KeyStore ks, int n) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String type = os.contains("mac") ? "KeychainStore" : "Windows-ROOT";
        try {
            KeyStore platform = KeyStore.getInstance(type);
            platform.load(null, null);
            for (X509Certificate c : defaultIssuers(platform)) ks.setCertificateEntry("os-" + n++, c);
        } catch (GeneralSecurityException | IOException e) {
            // no platform store on this JDK: the JDK's roots and the files still count
        }
        return n;
    }

    /** Delegates, and names the chain it refuses so the failure can say which issuer is unknown. */
    private static final class Naming extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;

        Naming(X509TrustManager delegate) { this.delegate = (X509ExtendedTrustManager) delegate; }

        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            delegate.checkClientTrusted(chain, authType, socket);
        }

        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            delegate.checkClientTrusted(chain, authType, engine);
        }

        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                delegate.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                throw new TlsFailure.UntrustedChain(chain, e);
            }
        }

        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            try {
                delegate.checkServerTrusted(chain, authType, socket);
            } catch (CertificateException e) {
                throw new TlsFailure.UntrustedChain(chain, e);
            }
        }

        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            try {
                delegate.checkServerTrusted(chain, authType, engine);
            } catch (CertificateException e) {
                throw new TlsFailure.UntrustedChain(chain, e);
            }
        }

        @Override public X509Certificate[] getAcceptedIssuers() { return delegate.getAcceptedIssuers(); }
    }
}
