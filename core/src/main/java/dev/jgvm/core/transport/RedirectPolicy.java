package dev.jgvm.core.transport;

import okhttp3.HttpUrl;

import java.util.Optional;

/**
 * Which redirects are followed: at most {@link #MAX_HOPS}, to a valid location, and never from https to plain http
 * (a mirror must not downgrade what it serves). Credentials are not this policy's business: each hop gets its own
 * origin's from {@link OriginCredentials}, so nothing follows a redirect to another origin.
 */
public final class RedirectPolicy {
    public static final int MAX_HOPS = 8;

    private RedirectPolicy() {}

    /**
     * Where a redirect answer leads, or empty when it is not a redirect.
     *
     * @throws TransportException ({@link TransportException.Kind#DOWNGRADE}) for https to http
     * @throws java.io.IOException for a redirect without or with an unusable {@code Location}, or too many hops
     */
    static Optional<HttpUrl> next(okhttp3.Response r, int hop) throws java.io.IOException {
        if (!r.isRedirect()) return Optional.empty();
        if (hop >= MAX_HOPS) throw new java.io.IOException("more than %d redirects".formatted(MAX_HOPS));
        String location = r.header("Location");
        if (location == null) throw new java.io.IOException("a redirect without a Location");
        HttpUrl from = r.request().url();
        HttpUrl to = from.resolve(location);
        if (to == null) throw new java.io.IOException("a redirect to an unusable location");
        if (from.isHttps() && !to.isHttps()) throw TransportException.downgrade(from.uri(), to.uri());
        return Optional.of(to);
    }
}
