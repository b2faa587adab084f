package dev.jgvm.core.transport;

import okhttp3.HttpUrl;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Scheme, host and port: the unit credentials are scoped to (RFC 6454). {@code https://nexus.example/} and
 * {@code https://nexus.example:443/x} are the same origin; {@code http://nexus.example/} and
 * {@code https://nexus.example:8443/} are others.
 */
public record Origin(String scheme, String host, int port) {
    public Origin {
        scheme = Objects.requireNonNull(scheme, "scheme").toLowerCase(Locale.ROOT);
        host = Objects.requireNonNull(host, "host").toLowerCase(Locale.ROOT);
    }

    /** The origin of an http or https URL; empty for other schemes or a URL without a host. */
    public static Optional<Origin> of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return Optional.empty();
        if (uri.getHost() == null) return Optional.empty();
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return Optional.of(new Origin(scheme, host, port));
    }

    public static Origin of(HttpUrl url) { return new Origin(url.scheme(), url.host(), url.port()); }

    /** As a URL prefix, with the port only when it is not the scheme's default. */
    @Override public String toString() {
        boolean defaultPort = scheme.equals("https") ? port == 443 : port == 80;
        String h = host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + h + (defaultPort ? "" : ":" + port);
    }
}
