package dev.jgvm.core.transport;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Why a TLS handshake with a host failed, in words a user can act on. {@link #classify} finds the reason in any
 * exception chain from a handshake (OkHttp's, the JDK's); {@code jgvm doctor} and the transport use the same
 * words. The common case behind a company network is {@link Reason#UNKNOWN_ISSUER}: a proxy that intercepts TLS
 * signs with its own CA, which the machine trusts but the JDK does not.
 *
 * @param host    the host that was asked
 * @param reason  what was wrong
 * @param issuer  the issuer of the server's certificate (its distinguished name), when known
 * @param subject the server certificate's subject, when known
 */
public record TlsFailure(String host, Reason reason, Optional<String> issuer, Optional<String> subject, String detail) {
    /** Kinds of TLS failure. */
    public enum Reason { UNKNOWN_ISSUER, NAME_MISMATCH, EXPIRED, HANDSHAKE }

    /**
     * The TLS failure in an exception chain, or empty when the chain is not about TLS.
     *
     * @param host the host the connection was for (the exceptions do not always say)
     */
    public static Optional<TlsFailure> classify(Throwable error, String host) {
        UntrustedChain chain = null;
        boolean tls = false;
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof UntrustedChain u) chain = u;
            if (t instanceof javax.net.ssl.SSLException) tls = true;
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                return Optional.of(new TlsFailure(host, Reason.EXPIRED, issuerOf(chain), subjectOf(chain), String.valueOf(t.getMessage())));
            }
            if (t instanceof CertPathValidatorException v && v.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return Optional.of(new TlsFailure(host, Reason.EXPIRED, issuerOf(chain), subjectOf(chain), String.valueOf(t.getMessage())));
            }
            if (t instanceof SSLPeerUnverifiedException && String.valueOf(t.getMessage()).startsWith("Hostname")) {
                return Optional.of(new TlsFailure(host, Reason.NAME_MISMATCH, Optional.empty(), Optional.empty(), String.valueOf(t.getMessage())));
            }
            if (t instanceof java.security.cert.CertificateException c && String.valueOf(c.getMessage()).startsWith("No subject alternative")) {
                return Optional.of(new TlsFailure(host, Reason.NAME_MISMATCH, issuerOf(chain), subjectOf(chain), String.valueOf(t.getMessage())));
            }
            if (t instanceof java.security.cert.CertPathBuilderException) {
                return Optional.of(new TlsFailure(host, Reason.UNKNOWN_ISSUER, issuerOf(chain), subjectOf(chain), "no trusted root"));
            }
        }
        if (chain != null) return Optional.of(new TlsFailure(host, Reason.UNKNOWN_ISSUER, issuerOf(chain), subjectOf(chain), "no trusted root"));
        return tls ? Optional.of(new TlsFailure(host, Reason.HANDSHAKE, Optional.empty(), Optional.empty(), String.valueOf(error.getMessage()))) : Optional.empty();
    }

    /** One line, lower case, naming host and issuer; never a bare "PKIX path building failed". */
    public String message() {
        return switch (reason) {
            case UNKNOWN_ISSUER -> "the certificate of '%s' is issued by '%s', which jgvm does not trust; a proxy may be intercepting TLS"
                    .formatted(host, issuer.orElse("an unknown issuer"));
            case NAME_MISMATCH -> "the certificate of '%s' is for another name%s".formatted(host, subject.map(s -> " ('" + s + "')").orElse(""));
            case EXPIRED -> "the certificate of '%s' has expired or is not yet valid%s".formatted(host, issuer.map(i -> " (issuer '" + i + "')").orElse(""));
            case HANDSHAKE -> "the TLS handshake with '%s' failed: %s".formatted(host, detail);
        };
    }

    /** What to do about it. */
    public String hint() {
        return switch (reason) {
            case UNKNOWN_ISSUER -> "if you trust that issuer (your company's CA), add its PEM certificate to $JGVM_HOME/config.toml: "
                    + "[network] ca_file = \"/path/to/company-ca.pem\" (or set SSL_CERT_FILE)";
            case NAME_MISMATCH -> "check the mirror's URL; a proxy may be answering for that host";
            case EXPIRED -> "check the machine's clock, or tell the mirror's operator";
            case HANDSHAKE -> "check the mirror's URL and [network] proxy; 'jgvm mirror test' shows each mirror's TLS";
        };
    }

    private static Optional<String> issuerOf(UntrustedChain c) {
        return c == null || c.chain.length == 0 ? Optional.empty() : Optional.of(c.chain[c.chain.length - 1].getIssuerX500Principal().toString());
    }

    private static Optional<String> subjectOf(UntrustedChain c) {
        return c == null || c.chain.length == 0 ? Optional.empty() : Optional.of(c.chain[0].getSubjectX500Principal().toString());
    }

    /**
     * Thrown by {@link TrustRoots}' trust manager when no trusted root vouches for a server's chain: carries the
     * chain, which the JDK's own exception does not, so the issuer can be named.
     */
    public static final class UntrustedChain extends java.security.cert.CertificateException {
        private static final long serialVersionUID = 1L;
        private final transient X509Certificate[] chain;

        UntrustedChain(X509Certificate[] chain, Throwable cause) {
            super("no trusted root for the server's certificate", cause);
            this.chain = chain.clone();
        }
    }
}
