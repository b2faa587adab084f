package dev.jgvm.core.download;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.error.ConfigException;
import dev.jgvm.core.error.JgvmException;
import dev.jgvm.core.error.NetworkException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.transport.Netrc;
import dev.jgvm.core.transport.OkHttpTransport;
import dev.jgvm.core.transport.OriginCredentials;
import dev.jgvm.core.transport.ProxyRules;
import dev.jgvm.core.transport.RetryPolicy;
import dev.jgvm.core.transport.Transport;
import dev.jgvm.core.transport.TransportException;
import dev.jgvm.core.transport.TrustRoots;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Core's view of the network (README, 'Behind a company network'): the {@link Transport} configured from {@code [network]} and the
 * environment, with its failures turned into jgvm's errors — "not there" (404, 410, a missing file) is a
 * {@link VersionNotFoundException}, the rest a {@link NetworkException} with a hint (credentials, proxy
 * authentication, the TLS issuer and the {@code ca_file} line, timeouts). Retries happen in the transport only.
 * Credentials are registered per origin in {@link #credentials()} by core, never by plugins. Thread-safe.
 */
public final class HttpClient {
    private final Transport transport;
    private final OriginCredentials credentials;
    private final ProxyRules proxies;
    private final TrustRoots roots;

    private HttpClient(Transport transport, OriginCredentials credentials, ProxyRules proxies, TrustRoots roots) {
        this.transport = transport;
        this.credentials = credentials;
        this.proxies = proxies;
        this.roots = roots;
    }

    /**
     * A client configured from the {@code [network]} settings and what the environment added to them
     * ({@code SettingsLoader}): the {@code .netrc}, the proxy variables, {@code SSL_CERT_FILE}/{@code SSL_CERT_DIR}.
     *
     * @throws ConfigException when the proxy or the {@code ca_file} cannot be used
     */
    public static HttpClient create(Settings.Network net, String version) {
        OriginCredentials credentials = new OriginCredentials(net.netrc().map(Netrc::load).orElseGet(() -> Netrc.parse("")));
        ProxyRules proxies;
        try {
            proxies = ProxyRules.from(net.proxy(), name -> Optional.ofNullable(net.proxyVariables().get(name)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), "write it as http://host:port (user:password@ for a proxy that wants a login), or socks5://host:port");
        }
        Optional<Path> caFile = net.caFile().isEmpty() ? Optional.empty() : Optional.of(Path.of(net.caFile()));
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        TrustRoots roots = TrustRoots.of(linux ? TrustRoots.LINUX_BUNDLES : List.of(), net.sslCertFile(), net.sslCertDir(), caFile);
        OkHttpTransport transport = new OkHttpTransport(net.connectTimeout(), net.readTimeout(),
                new RetryPolicy(Math.max(0, net.retries()), net.retryBackoff()), "jgvm/" + version, proxies, credentials,
                () -> roots.trustManager(caFile));
        if (caFile.isPresent()) {
            try {
                transport.warmTls();   // a broken ca_file is a config error now, not at the first https URL
            } catch (IllegalArgumentException e) {
                throw new ConfigException("cannot use ca_file: " + e.getMessage(), "give a PEM file of CA certificates");
            }
        }
        return new HttpClient(transport, credentials, proxies, roots);
    }

    /** Where credentials are registered, per origin. */
    public OriginCredentials credentials() { return credentials; }

    /** Which proxy each URL goes through. */
    public ProxyRules proxies() { return proxies; }

    /** The trust roots in use besides the JDK's. */
    public TrustRoots roots() { return roots; }

    /** The transport itself, for callers that need its classified answers (mirror tests). */
    public Transport transport() { return transport; }

    /** A response body being read, and what the server said about it. */
    public record Body(InputStream stream, long length, boolean partial, URI finalUri, Optional<String> contentType) implements AutoCloseable {
        @Override public void close() throws IOException { stream.close(); }
    }

    /** Whether the server has the resource (HEAD; 404 and 410 mean no). Other failures are thrown. */
    public boolean exists(URI uri) {
        try (Transport.Response r = send(Transport.Request.head(uri))) {
            return true;
        } catch (VersionNotFoundException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * A small document of at most {@code maxBytes} (a signature, a checksums file, an index): a longer one is refused
     * without being read whole (an announced length over the cap is refused before any byte is read).
     */
    public byte[] bytes(URI uri, long maxBytes) {
        Transport.Response r = send(Transport.Request.get(uri));
        try {
            return r.bytesAtMost(maxBytes);
        } catch (TransportException e) {
            throw translate(e);
        }
    }

    /** A text document of at most {@code maxBytes}, decoded as UTF-8. */
    public String text(URI uri, long maxBytes) { return new String(bytes(uri, maxBytes), StandardCharsets.UTF_8); }

    /** A conditional GET result: the body, or nothing when the validators say it did not change. */
    public record Conditional(Optional<String> text, Optional<String> etag, Optional<String> lastModified) {}

    /** A GET with {@code If-None-Match}/{@code If-Modified-Since}; {@code text} is empty on 304. */
    public Conditional textIfChanged(URI uri, Optional<String> etag, Optional<String> lastModified, long maxBytes) {
        Transport.Request request = Transport.Request.get(uri);
        if (etag.isPresent()) request = request.header("If-None-Match", etag.get());
        if (lastModified.isPresent()) request = request.header("If-Modified-Since", lastModified.get());
        Transport.Response r = send(request);
        if (r.status() == 304) {
            try (r) {
                return new Conditional(Optional.empty(), etag, lastModified);
            } catch (IOException e) {
                return new Conditional(Optional.empty(), etag, lastModified);
            }
        }
        Optional<String> newEtag = r.header("ETag");
        Optional<String> newLastModified = r.header("Last-Modified");
        try {
            return new Conditional(Optional.of(new String(r.bytesAtMost(maxBytes), StandardCharsets.UTF_8)), newEtag, newLastModified);
        } catch (TransportException e) {
            throw translate(e);
        }
    }

    /**
     * Opens a GET, from {@code offset} when it is positive ({@code Range}); the returned body says whether the server
     * honoured the range ({@code partial}) or sent everything again (a 200), in which case the caller restarts.
     */
    public Body get(URI uri, long offset) {
        Transport.Response r = send(Transport.Request.get(uri).from(offset));
        return new Body(r.body(), r.length(), r.partial(), r.finalUri(), r.header("Content-Type"));
    }

    private Transport.Response send(Transport.Request request) {
        try {
            return transport.send(request);
        } catch (TransportException e) {
            throw translate(e);
        }
    }

    /** What to do about a mirror that refused a request with 401 or 403. */
    public static final String CREDENTIALS_HINT = "check the mirror's credentials (username/password_env in config.toml, or ~/.netrc)";

    /** jgvm's error for a transport failure: what it means to a user, and what to do. */
    public static JgvmException translate(TransportException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> new VersionNotFoundException(e.getMessage(), null);
            case UNAUTHORISED -> NetworkException.refused(e.getMessage(), CREDENTIALS_HINT, e.status(), e);
            case PROXY_AUTH -> new NetworkException(e.getMessage(),
                    "check the user and password of the proxy in [network] proxy or HTTPS_PROXY (http://user:password@host:port)", false, e);
            case TLS -> new NetworkException(e.getMessage(), e.tls().map(t -> t.hint()).orElse(null), false, e);
            case DOWNGRADE -> new NetworkException(e.getMessage(), "a mirror must not downgrade to plain http; pick another with --mirror", false, e);
            case REFUSED -> new NetworkException(e.getMessage(), null, e.retryable(), e);
            case NETWORK -> new NetworkException(e.getMessage(), e.timeout() ? "raise [network] read_timeout, or pick another mirror with --mirror"
                    : "check the network, [network] proxy or HTTPS_PROXY", true, e);
        };
    }
}
