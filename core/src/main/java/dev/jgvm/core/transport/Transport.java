package dev.jgvm.core.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fetches bytes by URL ({@code https:}, {@code http:}, {@code file:}) and knows nothing of Go. An answer is a 2xx
 * (206 for a honoured range) or, for a conditional GET, a 304; everything else is a {@link TransportException}
 * whose {@link TransportException.Kind} says what it was. Implementations retry what may succeed when repeated
 * (idempotent requests only) before they give up, so callers never retry an opening failure themselves.
 * Thread-safe.
 */
public interface Transport {
    /**
     * Sends a request and returns the answer, whose body the caller must close.
     *
     * @throws TransportException when there is no usable answer
     */
    Response send(Request request);

    /** The HTTP methods jgvm uses: both idempotent. */
    enum Method { GET, HEAD }

    /**
     * One request.
     *
     * @param offset  when positive, ask for the bytes from here on ({@code Range}); {@link Response#partial()} says
     *                whether the server honoured it
     * @param headers extra request headers (validators such as {@code If-None-Match})
     */
    record Request(Method method, URI uri, long offset, Map<String, String> headers) {
        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            headers = Map.copyOf(headers);
        }

        public static Request get(URI uri) { return new Request(Method.GET, uri, 0, Map.of()); }

        public static Request head(URI uri) { return new Request(Method.HEAD, uri, 0, Map.of()); }

        public Request from(long offset) { return new Request(method, uri, offset, headers); }

        public Request header(String name, String value) {
            java.util.Map<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.put(name, value);
            return new Request(method, uri, offset, h);
        }
    }

    /**
     * An answer.
     *
     * @param status    the HTTP status (200 for a file)
     * @param body      the body, empty for HEAD and 304; close it (or this)
     * @param length    its length in bytes, -1 when not announced
     * @param finalUri  where the answer came from after redirects (without user info)
     * @param headers   response headers jgvm reads ({@code Content-Type}, {@code ETag}, {@code Last-Modified})
     * @param tlsIssuer for https, the issuer of the server's certificate as verified
     */
    record Response(int status, InputStream body, long length, URI finalUri, Map<String, String> headers, Optional<String> tlsIssuer)
            implements AutoCloseable {
        public Response {
            Objects.requireNonNull(body, "body");
            headers = Map.copyOf(headers);
        }

        /** Whether this answers a range request with only the bytes asked for (206). */
        public boolean partial() { return status == 206; }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
        }

        /**
         * The whole body when it is at most {@code max} bytes; a longer one is refused after reading at most
         * {@code max + 1} bytes (an announced length over the cap is refused before reading anything).
         */
        public byte[] bytesAtMost(long max) {
            try (Response self = this) {
                if (length > max) throw TransportException.tooLarge(finalUri, max);
                byte[] b = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
                if (b.length > max) throw TransportException.tooLarge(finalUri, max);
                return b;
            } catch (IOException e) {
                throw TransportException.network(finalUri, "the answer broke off: " + e.getMessage(), e instanceof java.io.InterruptedIOException, e);
            }
        }

        @Override public void close() throws IOException { body.close(); }
    }
}
