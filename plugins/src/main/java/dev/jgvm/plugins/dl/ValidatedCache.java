package dev.jgvm.plugins.dl;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.error.NetworkException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.verify.Checksum;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Release indexes and listings kept under {@code cache/plugins/dl/} with the validators the server sent
 * ({@code ETag}, {@code Last-Modified}): a refetch is a conditional GET that costs nothing when unchanged, and when
 * no network answers the last copy is used with a warning saying how old it is. Only listings live here; archives
 * are proven by core and cached there.
 */
final class ValidatedCache {
    private final Path dir;
    private final HttpClient http;
    private final ProgressListener progress;

    ValidatedCache(Path dir, HttpClient http, ProgressListener progress) {
        this.dir = dir;
        this.http = http;
        this.progress = progress;
    }

    String text(URI uri, long max, String mirror) {
        String key = key(uri);
        Path body = dir.resolve(key + ".body");
        Path meta = dir.resolve(key + ".json");
        Optional<JsonObject> m = read(meta);
        boolean haveBody = m.isPresent() && Files.isRegularFile(body);
        try {
            HttpClient.Conditional c = http.textIfChanged(uri,
                    haveBody ? m.map(o -> str(o, "etag")).filter(v -> !v.isEmpty()) : Optional.empty(),
                    haveBody ? m.map(o -> str(o, "last_modified")).filter(v -> !v.isEmpty()) : Optional.empty(), max);
            if (c.text().isEmpty()) return Files.readString(body, StandardCharsets.UTF_8);   // 304: ours is current
            if (!"file".equals(uri.getScheme())) save(uri, body, meta, c);
            return c.text().get();
        } catch (NetworkException e) {
            if (!haveBody) throw e;
            try {
                String text = Files.readString(body, StandardCharsets.UTF_8);
                Instant at = Instant.parse(str(m.get(), "read_at"));
                long days = Duration.between(at, Instant.now()).toDays();
                progress.warning("mirror '%s' did not answer (%s); using its listing from the cache, %s".formatted(mirror, e.getMessage(),
                        days == 0 ? "read today" : days + " days old"));
                return text;
            } catch (IOException | RuntimeException broken) {
                throw e;
            }
        } catch (IOException e) {
            throw new NetworkException("cannot read the cached listing of '%s': %s".formatted(uri, e.getMessage()), null, false, e);
        }
    }

    private void save(URI uri, Path body, Path meta, HttpClient.Conditional c) {
        try {
            Files.createDirectories(dir);
            InstallStore.writeAtomically(body, c.text().orElse(""));
            JsonObject o = new JsonObject();
            o.addProperty("url", uri.toString());
            o.addProperty("etag", c.etag().orElse(""));
            o.addProperty("last_modified", c.lastModified().orElse(""));
            o.addProperty("read_at", Instant.now().toString());
            InstallStore.writeAtomically(meta, o + "\n");
        } catch (IOException | RuntimeException e) {
            // a listing that cannot be cached is still a listing
        }
    }

    private static Optional<JsonObject> read(Path meta) {
        try {
            return Optional.of(JsonParser.parseString(Files.readString(meta)).getAsJsonObject());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String key(URI uri) {
        var d = Checksum.newDigest();
        d.update(uri.toString().getBytes(StandardCharsets.UTF_8));
        return Checksum.of(d).hex().substring(0, 24);
    }

    private static String str(JsonObject o, String k) { return o.has(k) ? o.get(k).getAsString() : ""; }
}
