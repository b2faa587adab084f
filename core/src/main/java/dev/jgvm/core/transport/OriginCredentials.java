package dev.jgvm.core.transport;

import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Basic credentials, each for exactly one origin (scheme, host and port): a mirror's {@code username} and
 * {@code password_env}, user info in a mirror's URL, and {@code .netrc} {@code machine} entries (by host name, as
 * cmd/go and curl match them). As an OkHttp network interceptor it sees every hop of every request, including each
 * redirect, and sets {@code Authorization} to that hop's own credentials or removes it: nothing configured for one
 * origin ever reaches another. Thread-safe.
 */
public final class OriginCredentials implements Interceptor {
    private final Map<Origin, Credential> byOrigin = new ConcurrentHashMap<>();
    private final Netrc netrc;

    /** A user name and password and where they came from; {@link #toString()} never shows the password. */
    public record Credential(String username, String password, String source) {
        public String header() { return Credentials.basic(username, password, StandardCharsets.UTF_8); }

        @Override public String toString() { return "user '%s' from %s".formatted(username, source); }
    }

    public OriginCredentials(Netrc netrc) { this.netrc = netrc; }

    /**
     * Sends {@code username}/{@code password} to the origin of {@code url} (and nowhere else) from now on.
     *
     * @param source where they came from, shown to users ({@code password_env NEXUS_TOKEN})
     */
    public void add(URI url, String username, String password, String source) {
        Origin o = Origin.of(url).orElseThrow(() -> new IllegalArgumentException("credentials need an http or https URL"));
        byOrigin.put(o, new Credential(username, password, source));
    }

    /** The credentials a request to {@code url} carries, if any. */
    public Optional<Credential> forUrl(URI url) { return Origin.of(url).flatMap(this::forOrigin); }

    Optional<Credential> forOrigin(Origin o) {
        Credential c = byOrigin.get(o);
        if (c != null) return Optional.of(c);
        return netrc.credentials(o.host()).map(n -> new Credential(n[0], n[1], ".netrc"));
    }

    /** Every password held, so outputs can be checked for them. */
    public List<String> secrets() { return byOrigin.values().stream().map(Credential::password).toList(); }

    @Override public Response intercept(Chain chain) throws IOException {
        Request r = chain.request();
        Optional<Credential> c = forOrigin(Origin.of(r.url()));
        Request.Builder b = r.newBuilder().removeHeader("Authorization");
        c.ifPresent(cred -> b.header("Authorization", cred.header()));
        return chain.proceed(b.build());
    }
}
