package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Progress;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.NetworkException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.mirror.MirrorChain;
import dev.jgvm.core.mirror.ReleaseCatalog;
import dev.jgvm.core.spi.Release;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jgvm list-remote [PREFIX]}: the releases the mirrors offer, newest first; from the cache when offline. */
@Command(name = "list-remote", aliases = "ls-remote", description = "List the Go releases the mirrors offer, newest first.")
public final class ListRemoteCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PREFIX", arity = "0..1", description = "Only versions starting with this, such as 1.22.")
    String prefix;

    @Option(names = "--all", description = "Include betas and release candidates.")
    boolean all;

    @Option(names = "--mirror", paramLabel = "NAME", description = "Ask only this mirror.")
    String mirror;

    private final Services services;

    public ListRemoteCommand(Services services) { this.services = services; }

    /** A release list as cached: versions with their stability, where and when it was read. */
    private record Cached(List<GoVersion> stable, List<GoVersion> unstable, String source, Instant at) {}

    @Override public Integer call() {
        Terminal t = services.terminal();
        Path cacheFile = services.store().cacheDir().resolve("releases.json");
        Cached list;
        try {
            MirrorChain chain = services.chain(Optional.ofNullable(mirror), Progress.listener(t));
            ReleaseCatalog catalog = services.releaseCatalog(chain, false);
            // --mirror asks for that mirror's list; otherwise the official list decides when it answers.
            ReleaseCatalog.Listing l;
            if (mirror != null) {
                MirrorChain.Listing m = chain.list();
                l = new ReleaseCatalog.Listing(m.source(), false, m.releases(), List.of("--mirror asks mirror '%s' only".formatted(mirror)));
            } else {
                l = catalog.list();
            }
            if (!l.official()) {
                t.info("this is the listing of mirror '%s', not the official release list (%s)".formatted(l.source(), String.join("; ", l.whyNot())));
                List<GoVersion> newer = catalog.newerThanListed(l);
                if (!newer.isEmpty()) {
                    t.warn("mirror '%s' lacks releases jgvm has seen: %s; it may have stopped syncing or hide them".formatted(l.source(),
                            String.join(", ", newer.stream().map(GoVersion::name).toList())));
                }
            }
            String source = l.official() ? "the official release list '%s'".formatted(l.source()) : "mirror '%s'".formatted(l.source());
            list = new Cached(versions(l.releases(), true), versions(l.releases(), false), source, Instant.now());
            save(cacheFile, list);
        } catch (NetworkException | VersionNotFoundException e) {
            Optional<Cached> cached = load(cacheFile).or(() -> fromArchives());
            if (cached.isEmpty()) throw e;
            list = cached.get();
            long days = Duration.between(list.at(), Instant.now()).toDays();
            t.warn("no mirror answered (%s); this list is from the cache, read from %s %s".formatted(e.getMessage(), list.source(),
                    days == 0 ? "today" : days + " days ago"));
        }
        List<GoVersion> shown = new ArrayList<>(list.stable());
        if (all) shown.addAll(list.unstable());
        shown.sort(Comparator.reverseOrder());
        String p = prefix == null ? "" : prefix.startsWith("go") ? prefix.substring(2) : prefix;
        List<GoVersion> matching = shown.stream().filter(v -> p.isEmpty() || v.name().equals(p) || v.name().startsWith(p + ".")
                || v.name().startsWith(p) && !Character.isDigit(v.name().charAt(p.length()))).toList();
        if (t.json()) {
            JsonArray a = new JsonArray();
            matching.forEach(v -> a.add(v.name()));
            t.out().println(Json.render(a));
        } else {
            matching.forEach(v -> t.out().println(v.name()));
        }
        if (matching.isEmpty()) {
            throw new VersionNotFoundException("no release matches '%s'".formatted(prefix), all ? "try a shorter prefix" : "--all includes betas and release candidates");
        }
        return ExitCode.OK.code();
    }

    // Without a cached release list, the archives in the cache (installed before, or imported from a bundle) still
    // say which versions this machine can install offline.
    private Optional<Cached> fromArchives() {
        var platform = services.platforms().platform(Optional.empty());
        List<GoVersion> vs = new dev.jgvm.core.download.ArchiveCache(services.store().cacheDir()).fileNames().stream()
                .flatMap(n -> dev.jgvm.core.dist.ArchiveName.parse(n).stream()).filter(a -> a.platform().equals(platform))
                .map(dev.jgvm.core.dist.ArchiveName::version).distinct().toList();
        if (vs.isEmpty()) return Optional.empty();
        return Optional.of(new Cached(vs.stream().filter(GoVersion::isStable).toList(), vs.stream().filter(v -> !v.isStable()).toList(),
                "the archive cache", Instant.now()));
    }

    private static List<GoVersion> versions(List<Release> releases, boolean stable) {
        return releases.stream().filter(r -> r.stable() == stable).map(Release::version).distinct().toList();
    }

    private static void save(Path file, Cached c) {
        JsonObject o = new JsonObject();
        o.addProperty("source", c.source());
        o.addProperty("read_at", c.at().toString());
        JsonArray s = new JsonArray();
        c.stable().forEach(v -> s.add(v.name()));
        JsonArray u = new JsonArray();
        c.unstable().forEach(v -> u.add(v.name()));
        o.add("stable", s);
        o.add("unstable", u);
        try {
            InstallStore.writeAtomically(file, o + "\n");
        } catch (RuntimeException e) {
            // a cache that cannot be written is only a cache
        }
    }

    private static Optional<Cached> load(Path file) {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            List<GoVersion> s = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("stable")) GoVersion.tryParse(e.getAsString()).ifPresent(s::add);
            List<GoVersion> u = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("unstable")) GoVersion.tryParse(e.getAsString()).ifPresent(u::add);
            return Optional.of(new Cached(s, u, o.get("source").getAsString(), Instant.parse(o.get("read_at").getAsString())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
