package dev.jgvm.cli.render;

import com.google.gson.JsonObject;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.verify.Evidence;

import java.nio.file.Path;

/**
 * How core's progress reaches the user: {@code info:}/{@code warn:} lines and a download bar on stderr, or with
 * {@code --json} one JSON object per event on stderr. stdout keeps the answer either way (ARCHITECTURE.md,
 * 'Invariants').
 */
public final class Progress {
    private Progress() {}

    /** The listener for this terminal: JSON events with {@code --json}, else lines and a bar. */
    public static ProgressListener listener(Terminal t) {
        if (t.json()) return jsonEvents(t);
        return new ProgressListener() {
            @Override public void step(String what) { t.detail(what); }

            @Override public void verified(Evidence e) {
                bar.finish();
                t.detail("verified (%s): %s".formatted(e.kind().text(), e.detail()));
            }

            @Override public void notice(String message) { t.info(message); }

            @Override public void warning(String message) { t.warn(message); }

            @Override public void published(String version, Path goroot) {
                bar.finish();
                t.info("installed go %s in %s".formatted(version, goroot));
            }

            @Override public void rejected(String source, String message) {
                bar.finish();
                t.error(message);
            }

            @Override public void skipped(String source, String message) {
                bar.finish();
                t.detail("mirror '%s': %s".formatted(source, message));
            }

            private final ProgressBar bar = new ProgressBar(t);

            @Override public void bytesReceived(long soFar, long total) { bar.update(soFar, total); }
        };
    }

    /** With --json, progress is a stream of JSON objects on stderr, one per line; stdout keeps the answer. */
    public static ProgressListener jsonEvents(Terminal t) {
        return new ProgressListener() {
            private long lastBytes = -1;

            private void emit(String event, String... keysAndValues) {
                JsonObject o = new JsonObject();
                o.addProperty("event", event);
                for (int i = 0; i + 1 < keysAndValues.length; i += 2) o.addProperty(keysAndValues[i], keysAndValues[i + 1]);
                t.err().println(o);
                t.err().flush();
            }

            @Override public void step(String what) { emit("step", "message", what); }

            @Override public void bytesReceived(long soFar, long total) {
                // One event per 4 MiB, and the last one.
                if (lastBytes >= 0 && soFar - lastBytes < (4 << 20) && soFar != total) return;
                lastBytes = soFar;
                JsonObject o = new JsonObject();
                o.addProperty("event", "download");
                o.addProperty("bytes", soFar);
                o.addProperty("total", total);
                t.err().println(o);
                t.err().flush();
            }

            @Override public void verified(Evidence e) { emit("verified", "kind", e.kind().text(), "detail", e.detail()); }

            @Override public void notice(String message) { emit("notice", "message", message); }

            @Override public void warning(String message) { emit("warning", "message", message); }

            @Override public void rejected(String source, String message) { emit("rejected", "mirror", source, "message", message); }

            @Override public void skipped(String source, String message) { emit("skipped", "mirror", source, "message", message); }

            @Override public void published(String version, Path goroot) { emit("published", "version", version, "goroot", goroot.toString()); }
        };
    }

}
