package dev.jgvm.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The network as core lends it to a plugin (README, 'Behind a company network'): {@code https:}, {@code http:} and
 * {@code file:} URIs, with everything the user configured already applied — timeouts, proxies and proxy logins, extra
 * CA roots, retries with backoff, the redirect policy (never https to http), and the credentials of each origin
 * (a {@code [[mirror]]}'s {@code username}/{@code password_env}, its URL's user info, {@code .netrc}). A source type
 * therefore never handles a secret: core registers a mirror's credentials for the mirror's origin before it calls
 * {@link SourceType#create}, and sends them on every request to that origin and to no other.
 *
 * <p>Thread-safe; calls may be repeated. Parameters are non-null. Failures are jgvm's errors, which the mirror chain
 * understands: {@link dev.jgvm.core.error.VersionNotFoundException} when the resource is not there (404, 410, a
 * missing file), {@link dev.jgvm.core.error.NetworkException} for the rest (unreachable, 5xx, 401/403 with a hint
 * about credentials, TLS, a body over its cap). Core never trusts what a plugin read through this interface: bytes a
 * plugin reads are listings, and evidence is read again by core (see {@link EvidenceSource}).
 */
public interface Http {
    /** A cap for an armored signature. */
    long MAX_SIGNATURE = 64L << 10;
    /** A cap for a {@code .sha256} sidecar or a small probe answer. */
    long MAX_DIGEST = 4L << 10;
    /** A cap for a {@code checksums.txt}. */
    long MAX_CHECKSUMS = 8L << 20;
    /** A cap for a release index, a {@code @v/list} or an HTML listing (go.dev's full index is a few MiB). */
    long MAX_LISTING = 32L << 20;

    /**
     * A small document, read whole: at most {@code maxBytes}, refused (a {@code NetworkException}) when longer,
     * without reading more than the cap.
     */
    byte[] bytes(URI uri, long maxBytes);

    /** {@link #bytes} decoded as UTF-8. */
    default String text(URI uri, long maxBytes) { return new String(bytes(uri, maxBytes), StandardCharsets.UTF_8); }

    /**
     * A conditional GET ({@code If-None-Match}, {@code If-Modified-Since}) of a small text document: the text when it
     * changed, nothing when the server answered 304. For listings a plugin keeps in its {@link PluginCache}.
     *
     * @param etag         the validator the server sent last time, if any
     * @param lastModified the {@code Last-Modified} the server sent last time, if any
     */
    Conditional textIfChanged(URI uri, Optional<String> etag, Optional<String> lastModified, long maxBytes);

    /**
     * Opens a GET whose body the caller streams and must close, from byte {@code offset} when it is positive (a
     * {@code Range} request). {@link Body#partial()} says whether the server honoured the range; when it did not (a
     * 200), the body starts at byte 0 and the caller must start over. Core downloads artifacts itself; this is for a
     * source that must read something too large for {@link #bytes} (an archive of listings, say).
     */
    Body open(URI uri, long offset);

    /** Whether the resource is there (a HEAD; 404 and 410 say no). Other failures are thrown. */
    boolean exists(URI uri);

    /**
     * A response body being read. Closing it before its end cancels the request.
     *
     * @param length      the announced length of this body, or -1 when unknown
     * @param partial     true when this is the requested range, false when it is the whole resource
     * @param finalUri    where the body came from after redirects
     * @param contentType the {@code Content-Type} the server sent, if any
     */
    record Body(InputStream stream, long length, boolean partial, URI finalUri, Optional<String> contentType) implements AutoCloseable {
        public Body {
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(finalUri, "finalUri");
            Objects.requireNonNull(contentType, "contentType");
        }

        @Override public void close() throws IOException { stream.close(); }
    }

    /**
     * What a conditional GET gave.
     *
     * @param text         the document, or empty when it did not change (304)
     * @param etag         the validator to send next time, if the server gave one
     * @param lastModified the {@code Last-Modified} to send next time, if the server gave one
     */
    record Conditional(Optional<String> text, Optional<String> etag, Optional<String> lastModified) {
        public Conditional {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(etag, "etag");
            Objects.requireNonNull(lastModified, "lastModified");
        }
    }
}
