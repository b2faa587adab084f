package dev.jgvm.cli.command;

import com.google.gson.JsonObject;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.install.Installer.Installation;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.dist.Checksum;
import dev.jgvm.core.verify.Evidence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jgvm install}: verify and install Go versions. */
@Command(name = "install", description = "Download, verify and install Go versions (or a local archive with --from).")
public final class InstallCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", arity = "0..*", description = "1.22.5, 1.22 or latest; none: the version selected here.")
    List<String> specs = new ArrayList<>();

    @Option(names = "--from", paramLabel = "FILE", description = "Install this official-layout archive (go<version>.<os>-<arch>.tar.gz or .zip).")
    Path from;

    @Option(names = "--sha256", paramLabel = "HEX", description = "The archive's SHA-256, as published on go.dev/dl.")
    String sha256;

    @Option(names = "--platform", paramLabel = "OS/ARCH", description = "Install for this platform, e.g. linux/arm64 (also JGVM_PLATFORM).")
    String platform;

    @Option(names = "--force", description = "Reinstall even if the version is installed.")
    boolean force;

    @Option(names = "--mirror", paramLabel = "NAME", description = "Use only this mirror (a [[mirror]] name, official or china).")
    String mirror;

    @Option(names = "--offline", description = "Use only the cache; never open a socket.")
    boolean offline;

    @Option(names = "--allow-mirror-checksums", description = "Accept a digest the mirror itself serves when nothing stronger exists (reported).")
    boolean allowMirrorChecksums;

    private final Services services;

    public InstallCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        Terminal t = services.terminal();
        if (from == null) return installFromMirrors(t);
        if (!specs.isEmpty()) {
            throw new UsageException("give either versions or --from, not both", "the version comes from the archive's name or its go/VERSION file");
        }
        Optional<Checksum> digest = Optional.ofNullable(sha256).map(Checksum::sha256);
        Platform target = services.platforms().platform(Optional.ofNullable(platform));
        Path file = services.env().cwd().resolve(from);
        Installation done = services.installer().installFromFile(file, digest, target, force, listener(t), services.localVerifier(),
                new dev.jgvm.core.download.ArchiveCache(services.store().cacheDir()));
        if (done.alreadyInstalled()) {
            t.info("go %s is already installed".formatted(done.version()));
            t.hint("use --force to reinstall it");
        } else if (done.becameDefault()) {
            t.info("go %s is now the global default (jgvm use --global changes it)".formatted(done.version()));
        }
        if (t.json()) {
            JsonObject o = new JsonObject();
            o.addProperty("version", done.version().name());
            o.addProperty("goroot", done.goroot().toString());
            o.addProperty("already_installed", done.alreadyInstalled());
            o.addProperty("global_default", done.becameDefault());
            t.out().println(Json.render(o));
        } else {
            t.out().println(done.goroot());
        }
        Selected.warnIfOlderThanGoMod(services);
        return ExitCode.OK.code();
    }

    /** With --json, progress is a stream of JSON objects on stderr, one per line; stdout keeps the answer. */
    static ProgressListener jsonEvents(Terminal t) {
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

    private int installFromMirrors(Terminal t) {
        List<String> wanted = new ArrayList<>(specs);
        if (wanted.isEmpty()) {
            // No spec: the version selected here, as a shim would install it.
            var here = services.resolveHere();
            if (here.none()) throw Selected.noneSelected(services);
            wanted.add(here.spec());
        }
        Platform target = services.platforms().platform(Optional.ofNullable(platform));
        ProgressListener progress = listener(t);
        var remote = services.remoteInstaller(Optional.ofNullable(mirror), allowMirrorChecksums, offline, progress);
        List<Installation> done = new ArrayList<>();
        for (String spec : wanted) {
            Installation i = remote.install(dev.jgvm.core.version.VersionSpec.parse(spec), target, force, offline, progress);
            if (i.alreadyInstalled()) t.info("go %s is already installed".formatted(i.version()));
            if (i.becameDefault()) t.info("go %s is now the global default (jgvm use --global changes it)".formatted(i.version()));
            done.add(i);
        }
        if (t.json()) {
            com.google.gson.JsonArray a = new com.google.gson.JsonArray();
            for (Installation i : done) {
                JsonObject o = new JsonObject();
                o.addProperty("version", i.version().name());
                o.addProperty("goroot", i.goroot().toString());
                o.addProperty("already_installed", i.alreadyInstalled());
                a.add(o);
            }
            t.out().println(Json.render(a));
        } else {
            for (Installation i : done) t.out().println(i.goroot());
        }
        Selected.warnIfOlderThanGoMod(services);
        return ExitCode.OK.code();
    }

    static ProgressListener listener(Terminal t) {
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
}
