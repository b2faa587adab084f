package dev.jgvm.core.download;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.ConfigException;
import dev.jgvm.core.error.NetworkException;
import dev.jgvm.core.error.VersionNotFoundException;
import okhttp3.ConnectionSpec;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * jgvm's one HTTP client (README, 'Downloads: mirrors are trusted for nothing'), on OkHttp: explicit timeouts, {@code User-Agent: jgvm/<version>}, retries with
 * backoff for idempotent GETs (connection failures, timeouts, 5xx), redirects followed but never from https to http,
 * {@code Range} resume, proxies from config or HTTPS_PROXY/HTTP_PROXY/NO_PROXY, extra CA roots, {@code .netrc} and
 * per-mirror credentials. {@code file:} URIs are read from disk, so local directories work as mirrors.
 *
 * <p>Errors: 404 and 410 are {@link VersionNotFoundException}; everything else that fails is a
 * {@link NetworkException}. Thread-safe.
 */
public final class HttpClient {
    private static final int MAX_REDIRECTS = 8;
    private final Clients clients;
    private final int retries;
    private final String userAgent;
    private final Netrc netrc;
    private final Map<String, String> basicAuth;   // host -> header value, per-mirror credentials
    private final long backoffMillis;

    private HttpClient(Clients clients, int retries, String userAgent, Netrc netrc, Map<String, String> basicAuth, long backoffMillis) {
        this.clients = clients;
        this.retries = retries;
        this.userAgent = userAgent;
        this.netrc = netrc;
        this.basicAuth = Map.copyOf(basicAuth);
        this.backoffMillis = backoffMillis;
    }

    /** A client configured from the {@code [network]} settings and the environment. */
    public static HttpClient create(Settings.Network net, Env env, String version) {
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(net.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(net.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(net.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(true); // only for stale pooled connections; real retries are ours
        proxy(net, env).ifPresent(p -> b.proxySelector(new NoProxySelector(p, env.get("NO_PROXY").or(() -> env.get("no_proxy")).orElse(""))));
        Clients clients = new Clients(b.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build(), plain -> {
            OkHttpClient.Builder tls = plain.newBuilder().connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT));
            if (!net.caFile().isEmpty()) {
                X509TrustManager tm = trustManager(Path.of(net.caFile()));
                try {
                    SSLContext ssl = SSLContext.getInstance("TLS");
                    ssl.init(null, new TrustManager[] {tm}, null);
                    tls.sslSocketFactory(ssl.getSocketFactory(), tm);
                } catch (GeneralSecurityException e) {
                    throw new ConfigException("cannot use ca_file '%s': %s".formatted(net.caFile(), e.getMessage()), "give a PEM file of CA certificates");
                }
            }
            return tls.build();
        });
        if (!net.caFile().isEmpty()) clients.tls();   // a broken ca_file is a config error now, not at the first https URL
        long backoff = env.get("JGVM_RETRY_BACKOFF_MS").map(Long::parseLong).orElse(250L);
        return new HttpClient(clients, Math.max(0, net.retries()), "jgvm/" + version, Netrc.load(env), Map.of(), backoff);
    }

    /**
     * The OkHttp clients, sharing one connection pool: plain http uses one without TLS, and the TLS one (the JDK's
     * trust store, cipher suites: a tenth of a second to set up) is built when the first https URL is asked for.
     */
    private static final class Clients {
        private final OkHttpClient plain;
        private final java.util.function.UnaryOperator<OkHttpClient> tlsFromPlain;
        private OkHttpClient tls;   // guarded by this

        Clients(OkHttpClient plain, java.util.function.UnaryOperator<OkHttpClient> tlsFromPlain) {
            this.plain = plain;
            this.tlsFromPlain = tlsFromPlain;
        }

        synchronized OkHttpClient tls() {
            if (tls == null) tls = tlsFromPlain.apply(plain);
            return tls;
        }

        OkHttpClient forUrl(okhttp3.HttpUrl url) { return url.isHttps() ? tls() : plain; }
    }

    /** A client that sends Basic credentials to one host (a mirror's {@code username} and {@code password_env}). */
    public HttpClient withCredentials(String host, String username, String password) {
        Map<String, String> auth = new java.util.HashMap<>(basicAuth);
        auth.put(host.toLowerCase(Locale.ROOT), Credentials.basic(username, password, StandardCharsets.UTF_8));
        return new HttpClient(clients, retries, userAgent, netrc, auth, backoffMillis);
    }

    /** A response body being read, and what the server said about it. */
    public record Body(InputStream stream, long length, boolean partial, URI finalUri, Optional<String> contentType) implements AutoCloseable {
        @Override public void close() throws IOException { stream.close(); }
    }

    /** Whether the server has the resource (HEAD; 404 and 410 mean no). Other failures are thrown. */
    public boolean exists(URI uri) {
        if ("file".equals(uri.getScheme())) return Files.isRegularFile(Path.of(uri));
        try (Response r = execute(request(uri).head(), uri)) {
            return true;
        } catch (VersionNotFoundException e) {
            return false;
        }
    }

    /** A text document of at most {@code maxBytes}, decoded as UTF-8. */
    public String text(URI uri, long maxBytes) {
        try (Body b = get(uri, 0)) {
            byte[] bytes = b.stream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) throw new NetworkException("'%s' is larger than %d bytes".formatted(uri, maxBytes), "the mirror serves something unexpected", false, null);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw network(uri, e);
        }
    }

    /** A conditional GET result: the body, or nothing when the validators say it did not change. */
    public record Conditional(Optional<String> text, Optional<String> etag, Optional<String> lastModified) {}

    /** A GET with {@code If-None-Match}/{@code If-Modified-Since}; {@code text} is empty on 304. */
    public Conditional textIfChanged(URI uri, Optional<String> etag, Optional<String> lastModified, long maxBytes) {
        if (!isHttp(uri)) return new Conditional(Optional.of(text(uri, maxBytes)), Optional.empty(), Optional.empty());
        Request.Builder rb = request(uri);
        etag.ifPresent(v -> rb.header("If-None-Match", v));
        lastModified.ifPresent(v -> rb.header("If-Modified-Since", v));
        Response r = execute(rb, uri);
        try (r) {
            if (r.code() == 304) return new Conditional(Optional.empty(), etag, lastModified);
            ResponseBody body = r.body();
            byte[] bytes = body == null ? new byte[0] : body.byteStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) throw new NetworkException("'%s' is larger than %d bytes".formatted(uri, maxBytes), null, false, null);
            return new Conditional(Optional.of(new String(bytes, StandardCharsets.UTF_8)),
                    Optional.ofNullable(r.header("ETag")), Optional.ofNullable(r.header("Last-Modified")));
        } catch (IOException e) {
            throw network(uri, e);
        }
    }

    /**
     * Opens a GET, from {@code offset} when it is positive ({@code Range}); the returned body says whether the server
     * honoured the range ({@code partial}) or sent everything again (a 200), in which case the caller restarts.
     */
    public Body get(URI uri, long offset) {
        if ("file".equals(uri.getScheme())) return file(uri, offset);
        if (!isHttp(uri)) throw new NetworkException("cannot download '%s': only https, http and file URLs are supported".formatted(uri), null, false, null);
        Request.Builder rb = request(uri);
        if (offset > 0) rb.header("Range", "bytes=" + offset + "-");
        Response r = execute(rb, uri);
        ResponseBody body = r.body();
        if (body == null) {
            r.close();
            throw new NetworkException("'%s' answered without a body".formatted(uri), null, true, null);
        }
        boolean partial = r.code() == 206;
        long length = body.contentLength();
        return new Body(body.byteStream(), length, partial, r.request().url().uri(), Optional.ofNullable(r.header("Content-Type")));
    }

    private Request.Builder request(URI uri) {
        Request.Builder rb = new Request.Builder().url(uri.toString()).header("User-Agent", userAgent);
        String host = Optional.ofNullable(uri.getHost()).orElse("").toLowerCase(Locale.ROOT);
        String auth = basicAuth.get(host);
        if (auth == null) auth = netrc.credentials(host).map(c -> Credentials.basic(c[0], c[1], StandardCharsets.UTF_8)).orElse(null);
        if (auth != null) rb.header("Authorization", auth);
        return rb;
    }

    // Sends with retries and follows redirects by hand, refusing https -> http.
    private Response execute(Request.Builder rb, URI original) {
        Request request = rb.build();
        NetworkException last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) sleep(backoffMillis << (attempt - 1));
            try {
                Response r = follow(request, original);
                int code = r.code();
                if (code == 404 || code == 410) {
                    r.close();
                    throw new VersionNotFoundException("'%s' is not there (HTTP %d)".formatted(request.url(), code), null);
                }
                if (code >= 500) {
                    r.close();
                    last = new NetworkException("'%s' failed with HTTP %d".formatted(request.url(), code), null, true, null);
                    continue;
                }
                if (code >= 400) {
                    r.close();
                    throw new NetworkException("'%s' refused the request with HTTP %d".formatted(request.url(), code),
                            code == 401 || code == 403 ? "check the mirror's credentials (username/password_env in config.toml, or ~/.netrc)" : null, false, null);
                }
                return r;
            } catch (InterruptedIOException e) {
                last = new NetworkException("'%s' timed out".formatted(original), "raise [network] read_timeout, or pick another mirror with --mirror", true, e);
            } catch (IOException e) {
                last = network(original, e);
            }
        }
        throw last;
    }

    private Response follow(Request request, URI original) throws IOException {
        Request current = request;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Response r = clients.forUrl(current.url()).newCall(current).execute();
            if (!r.isRedirect()) return r;
            String location = r.header("Location");
            r.close();
            if (location == null) throw new IOException("a redirect without a Location");
            okhttp3.HttpUrl next = current.url().resolve(location);
            if (next == null) throw new IOException("a redirect to an invalid location '" + location + "'");
            if (current.url().isHttps() && !next.isHttps()) {
                throw new NetworkException("'%s' redirected from https to http ('%s'); refused".formatted(original, next),
                        "a mirror must not downgrade to plain http; pick another with --mirror", false, null);
            }
            current = current.newBuilder().url(next).build();
        }
        throw new IOException("too many redirects");
    }

    private static Body file(URI uri, long offset) {
        Path p = Path.of(uri);
        try {
            InputStream in = Files.newInputStream(p);
            in.skipNBytes(Math.max(0, offset));
            return new Body(in, Files.size(p) - Math.max(0, offset), offset > 0, uri, Optional.empty());
        } catch (NoSuchFileException e) {
            throw new VersionNotFoundException("'%s' is not there".formatted(uri), null);
        } catch (IOException e) {
            throw new NetworkException("cannot read '%s': %s".formatted(uri, e.getMessage()), null, false, e);
        }
    }

    private static boolean isHttp(URI uri) { return "https".equals(uri.getScheme()) || "http".equals(uri.getScheme()); }

    private static NetworkException network(URI uri, IOException e) {
        String why = e instanceof java.net.UnknownHostException ? "unknown host (no DNS answer for '%s')".formatted(uri.getHost())
                : e instanceof java.net.ConnectException ? "connection refused or unreachable"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new NetworkException("cannot reach '%s': %s".formatted(uri, why), "check the network, [network] proxy or HTTPS_PROXY", true, e);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // [network] proxy, else HTTPS_PROXY/HTTP_PROXY (NO_PROXY is honoured by the selector).
    private static Optional<Proxy> proxy(Settings.Network net, Env env) {
        String spec = !net.proxy().isEmpty() ? net.proxy()
                : env.get("HTTPS_PROXY").or(() -> env.get("https_proxy")).or(() -> env.get("HTTP_PROXY")).or(() -> env.get("http_proxy")).orElse("");
        if (spec.isEmpty()) return Optional.empty();
        URI u = URI.create(spec.contains("://") ? spec : "http://" + spec);
        if (u.getHost() == null) throw new ConfigException("'%s' is not a proxy URL".formatted(spec), "write it as http://host:port");
        return Optional.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(u.getHost(), u.getPort() < 0 ? 80 : u.getPort())));
    }

    /** The proxy for every host except those NO_PROXY lists (suffix match, as curl does; * means none). */
    private static final class NoProxySelector extends java.net.ProxySelector {
        private final Proxy proxy;
        private final List<String> exceptions;

        NoProxySelector(Proxy proxy, String noProxy) {
            this.proxy = proxy;
            this.exceptions = java.util.Arrays.stream(noProxy.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        }

        @Override public List<Proxy> select(URI uri) {
            String host = Optional.ofNullable(uri.getHost()).orElse("").toLowerCase(Locale.ROOT);
            for (String e : exceptions) {
                String bare = e.startsWith(".") ? e.substring(1) : e;
                if (e.equals("*") || host.equals(bare) || host.endsWith("." + bare)) return List.of(Proxy.NO_PROXY);
            }
            return List.of(proxy);
        }

        @Override public void connectFailed(URI uri, java.net.SocketAddress sa, IOException ioe) {}
    }

    // The JDK's roots plus the PEM certificates in the file.
    private static X509TrustManager trustManager(Path pem) {
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jdk.init((KeyStore) null);
            int n = 0;
            for (TrustManager tm : jdk.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) for (X509Certificate c : x.getAcceptedIssuers()) ks.setCertificateEntry("jdk-" + n++, c);
            }
            try (InputStream in = Files.newInputStream(pem)) {
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) ks.setCertificateEntry("extra-" + n++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            for (TrustManager tm : tmf.getTrustManagers()) if (tm instanceof X509TrustManager x) return x;
            throw new GeneralSecurityException("no X.509 trust manager");
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("cannot read ca_file '%s': %s".formatted(pem, e.getMessage()), "give a PEM file of CA certificates");
        }
    }

}
