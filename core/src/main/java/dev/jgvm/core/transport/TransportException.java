package dev.jgvm.core.transport;

import java.net.URI;
import java.util.Optional;

/**
 * A request that did not get a usable answer, classified so the caller can decide what it means without reading
 * text: core turns a {@link Kind#NOT_FOUND} into "version not found", the rest into network errors. The message is
 * one lower-case line that names the URL without user info and never holds a secret.
 */
public final class TransportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** 404 or 410, or a missing file. */
        NOT_FOUND,
        /** 401 or 403: the server wants (other) credentials. */
        UNAUTHORISED,
        /** 407: the proxy refused the proxy credentials, or wants some. */
        PROXY_AUTH,
        /** The TLS handshake failed: an unknown issuer, a name mismatch, an expired certificate ({@link #tls()}). */
        TLS,
        /** A redirect from https to plain http, refused. */
        DOWNGRADE,
        /** Any other status the transport cannot use (a 400, a 5xx after the retries). */
        REFUSED,
        /** No answer: DNS, connection refused or reset, timeout, a body that broke off. */
        NETWORK
    }

    private final Kind kind;
    private final URI uri;
    private final int status;
    private final boolean timeout;
    private final transient TlsFailure tls;
    private final String proxy;
    private String tlsIssuer;

    private TransportException(Kind kind, URI uri, int status, boolean timeout, TlsFailure tls, String proxy, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.uri = Redact.uri(uri);
        this.status = status;
        this.timeout = timeout;
        this.tls = tls;
        this.proxy = proxy;
    }

    static TransportException status(URI uri, int status, Optional<String> proxy) {
        URI shown = Redact.uri(uri);
        if (status == 404 || status == 410) return new TransportException(Kind.NOT_FOUND, uri, status, false, null, null,
                "'%s' is not there (HTTP %d)".formatted(shown, status), null);
        if (status == 401 || status == 403) return new TransportException(Kind.UNAUTHORISED, uri, status, false, null, null,
                "'%s' refused the request with HTTP %d".formatted(shown, status), null);
        if (status == 407) return proxyRefused(uri, proxy.orElse("?"), status);
        return new TransportException(Kind.REFUSED, uri, status, false, null, null,
                (status >= 500 ? "'%s' failed with HTTP %d" : "'%s' refused the request with HTTP %d").formatted(shown, status), null);
    }

    static TransportException notFound(URI uri) {
        return new TransportException(Kind.NOT_FOUND, uri, 0, false, null, null, "'%s' is not there".formatted(Redact.uri(uri)), null);
    }

    static TransportException tls(URI uri, TlsFailure failure, Throwable cause) {
        return new TransportException(Kind.TLS, uri, 0, false, failure, null, failure.message(), cause);
    }

    static TransportException downgrade(URI uri, URI to) {
        return new TransportException(Kind.DOWNGRADE, uri, 0, false, null, null,
                "'%s' redirected from https to http ('%s'); refused".formatted(Redact.uri(uri), Redact.uri(to)), null);
    }

    static TransportException network(URI uri, String why, boolean timeout, Throwable cause) {
        return new TransportException(Kind.NETWORK, uri, 0, timeout, null, null,
                (timeout ? "'%s' timed out" : "cannot reach '%s': %s").formatted(Redact.uri(uri), why), cause);
    }

    static TransportException unsupported(URI uri) {
        return new TransportException(Kind.REFUSED, uri, 0, false, null, null,
                "cannot fetch '%s': only https, http and file URLs are supported".formatted(Redact.uri(uri)), null);
    }

    static TransportException proxyRefused(URI uri, String proxy, int status) {
        return new TransportException(Kind.PROXY_AUTH, uri, status, false, null, proxy,
                "proxy '%s' refused to authenticate jgvm (HTTP %d) on the way to '%s'".formatted(proxy, status, Redact.uri(uri)), null);
    }

    static TransportException tooLarge(URI uri, long max) {
        return new TransportException(Kind.REFUSED, uri, 0, false, null, null,
                "'%s' is larger than %d bytes; refused".formatted(Redact.uri(uri), max), null);
    }

    public Kind kind() { return kind; }

    /** The URL asked, without user info. */
    public URI uri() { return uri; }

    /** The HTTP status, or 0 when there was none. */
    public int status() { return status; }

    /** Whether no answer came in time. */
    public boolean timeout() { return timeout; }

    /** For {@link Kind#TLS}: what was wrong with the certificate. */
    public Optional<TlsFailure> tls() { return Optional.ofNullable(tls); }

    /** For {@link Kind#PROXY_AUTH}: the proxy, as {@code http://user@host:port} without its password. */
    public Optional<String> proxy() { return Optional.ofNullable(proxy); }

    /** For an answer with an unusable status over https: the issuer of the server's certificate, which was verified. */
    public Optional<String> tlsIssuer() { return Optional.ofNullable(tlsIssuer); }

    TransportException withTlsIssuer(Optional<String> issuer) {
        tlsIssuer = issuer.orElse(null);
        return this;
    }

    /** Whether asking again may help: no answer, or a 5xx. */
    public boolean retryable() { return kind == Kind.NETWORK || (kind == Kind.REFUSED && status >= 500); }
}
