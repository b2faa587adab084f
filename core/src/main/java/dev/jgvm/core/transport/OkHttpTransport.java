package dev.jgvm.core.transport;

import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The {@link Transport} on OkHttp: explicit timeouts, a {@code User-Agent}, {@code Range} for resumes, and the
 * policies of this package each in its own type — {@link RetryPolicy} around the whole exchange (the one place that
 * retries), {@link RedirectPolicy} per hop, {@link OriginCredentials} as a network interceptor (each hop its own
 * origin's credentials), {@link ProxyRules} as proxy selector and proxy authenticator, {@link TrustRoots}' trust
 * manager for https. Plain http uses a client without TLS, and the TLS one (trust roots, cipher suites: a tenth of a
 * second to set up) is built when the first https URL is asked for; both share one connection pool. Thread-safe.
 */
public final class OkHttpTransport implements Transport {
    private static final Transport FILES = new FileTransport();
    private final OkHttpClient plain;
    private final Supplier<X509TrustManager> trust;
    private final RetryPolicy retry;
    private final String userAgent;
    private final ProxyRules proxies;
    private OkHttpClient tls;   // guarded by this

    /**
     * @param trust builds the trust manager on first https use ({@link TrustRoots#trustManager}); call
     *              {@link #warmTls()} to build it at once, e.g. so a broken {@code ca_file} is reported before anything
     */
    public OkHttpTransport(Duration connectTimeout, Duration readTimeout, RetryPolicy retry, String userAgent, ProxyRules proxies,
                           OriginCredentials credentials, Supplier<X509TrustManager> trust) {
        this.retry = retry;
        this.userAgent = userAgent;
        this.proxies = proxies;
        this.trust = trust;
        this.plain = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .connectionPool(new ConnectionPool())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(true)   // only a stale pooled connection; real retries are RetryPolicy's
                .proxySelector(proxies)
                .proxyAuthenticator(proxies)
                .addNetworkInterceptor(credentials)
                .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                .build();
    }

    /** Builds the TLS side now. */
    public void warmTls() { tls(); }

    @Override public Response send(Request request) {
        String scheme = request.uri().getScheme() == null ? "" : request.uri().getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("file")) return FILES.send(request);
        if (!scheme.equals("http") && !scheme.equals("https")) throw TransportException.unsupported(request.uri());
        for (int attempt = 0; ; attempt++) {
            if (attempt > 0 && !retry.pause(attempt)) throw TransportException.network(request.uri(), "interrupted", false, null);
            try {
                return once(request);
            } catch (TransportException e) {
                if (!retry.again(attempt, e)) throw e;
            }
        }
    }

    private Response once(Request request) {
        okhttp3.Request.Builder rb = new okhttp3.Request.Builder().url(HttpUrl.get(request.uri())).header("User-Agent", userAgent);
        if (request.method() == Method.HEAD) rb.head();
        if (request.offset() > 0) rb.header("Range", "bytes=" + request.offset() + "-");
        request.headers().forEach(rb::header);
        okhttp3.Request current = rb.build();
        for (int hop = 0; ; hop++) {
            okhttp3.Response r;
            okhttp3.Call call = client(current.url()).newCall(current);
            try {
                r = call.execute();
            } catch (IOException e) {
                throw failure(current.url().uri(), e);
            }
            Optional<HttpUrl> next;
            try {
                next = RedirectPolicy.next(r, hop);
            } catch (IOException e) {
                r.close();
                throw TransportException.network(request.uri(), e.getMessage(), false, e);
            } catch (TransportException e) {
                r.close();
                throw e;
            }
            if (next.isPresent()) {
                r.close();
                current = current.newBuilder().url(next.get()).build();
                continue;
            }
            int code = r.code();
            if ((code >= 200 && code < 300) || code == 304) return answer(r, request.method(), call);
            Optional<String> issuer = issuer(r);
            okhttp3.Request sent = r.networkResponse() != null ? r.networkResponse().request() : r.request();
            r.close();
            // tinyproxy (and others) answer a wrong proxy password with 401, not 407: a 401 to a request that carried
            // only the proxy's login is the proxy's refusal.
            if (code == 401 && sent.header("Proxy-Authorization") != null && sent.header("Authorization") == null) {
                throw TransportException.proxyRefused(current.url().uri(), proxies.display(current.url().uri()).orElse("?"), code);
            }
            throw TransportException.status(current.url().uri(), code, proxies.display(current.url().uri())).withTlsIssuer(issuer);
        }
    }

    private static Response answer(okhttp3.Response r, Method method, okhttp3.Call call) {
        ResponseBody body = r.body();
        boolean noBody = body == null || method == Method.HEAD || r.code() == 304;
        long length = method == Method.HEAD ? headerLength(r) : body == null ? -1 : body.contentLength();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h : List.of("Content-Type", "ETag", "Last-Modified", "Content-Range")) {
            String v = r.header(h);
            if (v != null) headers.put(h, v);
        }
        Optional<String> issuer = issuer(r);
        InputStream in;
        if (noBody) {
            r.close();
            in = InputStream.nullInputStream();
        } else {
            untimed(r, body);
            in = new Abandonable(body.byteStream(), call);
        }
        return new Response(r.code(), in, length, Redact.uri(r.request().url().uri()), headers, issuer);
    }

    /**
     * Over HTTP/1 the body is read without okio's timeout, which schedules and cancels a deadline on its watchdog
     * thread around each read of at most 8 KB: ~15,000 times for a Go archive, two thread wake-ups each (~45,000
     * futex calls per install, strace). The read timeout still holds for every read, as the socket's SO_TIMEOUT,
     * which OkHttp sets to the same value on every HTTP/1 exchange: a stalled body fails with a
     * SocketTimeoutException after read_timeout, as before. HTTP/2 streams share their socket (and read it on
     * another thread, without SO_TIMEOUT), so only okio's timeout guards them, and it stays.
     */
    private static void untimed(okhttp3.Response r, ResponseBody body) {
        if (r.protocol() == okhttp3.Protocol.HTTP_1_1 || r.protocol() == okhttp3.Protocol.HTTP_1_0) {
            body.source().timeout().clearTimeout();
        }
    }

    private static Optional<String> issuer(okhttp3.Response r) {
        return Optional.ofNullable(r.handshake()).flatMap(h -> h.peerCertificates().stream().findFirst())
                .filter(c -> c instanceof X509Certificate).map(c -> ((X509Certificate) c).getIssuerX500Principal().toString());
    }

    private static long headerLength(okhttp3.Response r) {
        try {
            return Long.parseLong(Optional.ofNullable(r.header("Content-Length")).orElse("-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private TransportException failure(URI uri, IOException e) {
        Optional<TlsFailure> tlsFailure = TlsFailure.classify(e, uri.getHost());
        if (tlsFailure.isPresent()) return TransportException.tls(uri, tlsFailure.get(), e);
        String message = String.valueOf(e.getMessage());
        // OkHttp's words when a proxy answers CONNECT with 407 and no (more) credentials can be offered.
        if (message.startsWith("Failed to authenticate with proxy")) {
            return TransportException.proxyRefused(uri, proxies.display(uri).orElse("?"), 407);
        }
        if (message.startsWith("Unexpected response code for CONNECT: 401")) {
            return TransportException.proxyRefused(uri, proxies.display(uri).orElse("?"), 401);
        }
        if (e instanceof InterruptedIOException) return TransportException.network(uri, "timed out", true, e);
        String why = e instanceof UnknownHostException ? "unknown host (no DNS answer for '%s')".formatted(uri.getHost())
                : e instanceof ConnectException ? "connection refused or unreachable"
                : message;
        Optional<String> proxy = proxies.display(uri);
        return TransportException.network(uri, proxy.map(p -> why + " (through proxy '" + p + "')").orElse(why), false, e);
    }

    private OkHttpClient client(HttpUrl url) { return url.isHttps() ? tls() : plain; }

    private synchronized OkHttpClient tls() {
        if (tls == null) {
            X509TrustManager tm = trust.get();
            try {
                SSLContext ssl = SSLContext.getInstance("TLS");
                ssl.init(null, new TrustManager[] {tm}, null);
                tls = plain.newBuilder().connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT))
                        .sslSocketFactory(ssl.getSocketFactory(), tm).build();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
            }
        }
        return tls;
    }

    /**
     * A body closed before its end cancels its call: OkHttp would otherwise go on reading (and discarding) what a
     * refused or endless body still sends, for up to 100 ms, to keep the connection for reuse.
     */
    private static final class Abandonable extends java.io.FilterInputStream {
        private final okhttp3.Call call;
        private boolean ended;

        Abandonable(InputStream in, okhttp3.Call call) { super(in); this.call = call; }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b < 0) ended = true;
            return b;
        }

        @Override public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n < 0) ended = true;
            return n;
        }

        @Override public void close() throws IOException {
            if (!ended) call.cancel();
            super.close();
        }
    }
}
