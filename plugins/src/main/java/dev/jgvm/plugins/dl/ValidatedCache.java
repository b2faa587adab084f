package dev.jgvm.plugins.dl;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jgvm.core.error.NetworkException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.spi.Http;
import dev.jgvm.core.spi.PluginCache;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Release indexes and listings kept in this plugin's cache ({@code cache/plugins/dl/}) with the validators the server
 * sent ({@code ETag}, {@code Last-Modified}): a refetch is a conditional GET that costs nothing when unchanged, and
 * when no network answers the last copy is used with a warning saying how old it is. Only listings live here;
 * archives are proven by core and cached there.
 */
final class ValidatedCache {
    private final PluginCache cache;
    private final Http http;
    private final ProgressListener progress;

    ValidatedCache(PluginCache cache, Http http, ProgressListener progress) {
        this.cache = cache;
        this.http = http;
        this.progress = progress;
    }

    String text(URI uri, long max, String mirror) {
        String key = cache.key(uri.toString());
        Optional<JsonObject> m = cache.read(key + ".json", 64L << 10).flatMap(ValidatedCache::json);
        Optional<String> body = m.isPresent() ? cache.read(key + ".body", max) : Optional.empty();
        boolean haveBody = body.isPresent();
        try {
            Http.Conditional c = http.textIfChanged(uri,
                    haveBody ? m.map(o -> str(o, "etag")).filter(v -> !v.isEmpty()) : Optional.empty(),
                    haveBody ? m.map(o -> str(o, "last_modified")).filter(v -> !v.isEmpty()) : Optional.empty(), max);
            if (c.text().isEmpty()) {
                // 304: ours is current
                return body.orElseThrow(() -> new NetworkException("'%s' answered 304 to a request without validators".formatted(uri), null, false, null));
            }
            if (!"file".equals(uri.getScheme())) save(uri, key, c);
            return c.text().get();
        } catch (NetworkException e) {
            if (!haveBody) throw e;
            long days;
            try {
                days = Duration.between(Instant.parse(str(m.get(), "read_at")), Instant.now()).toDays();
            } catch (RuntimeException broken) {
                throw e;
            }
            progress.warning("mirror '%s' did not answer (%s); using its listing from the cache, %s".formatted(mirror, e.getMessage(),
                    days == 0 ? "read today" : days + " days old"));
            return body.get();
        }
    }

    private void save(URI uri, String key, Http.Conditional c) {
        try {
            cache.write(key + ".body", c.text().orElse(""));
            JsonObject o = new JsonObject();
            o.addProperty("url", uri.toString());
            o.addProperty("etag", c.etag().orElse(""));
            o.addProperty("last_modified", c.lastModified().orElse(""));
            o.addProperty("read_at", Instant.now().toString());
            cache.write(key + ".json", o + "\n");
        } catch (IOException | RuntimeException e) {
            // a listing that cannot be cached is still a listing
        }
    }

    private static Optional<JsonObject> json(String text) {
        try {
            return Optional.of(JsonParser.parseString(text).getAsJsonObject());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String str(JsonObject o, String k) { return o.has(k) ? o.get(k).getAsString() : ""; }
}
