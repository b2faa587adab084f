package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.cache.CacheInventory;
import dev.jgvm.core.cache.CacheInventory.Item;
import dev.jgvm.core.cache.CacheInventory.Kind;
import dev.jgvm.core.cache.CacheService;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.version.GoVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code jgvm cache list|clean}: what the download cache holds, and removing it. */
@Command(name = "cache", addMethodSubcommands = false, description = "Show or clean the cache of verified archives and mirror listings.",
        subcommands = {CacheCommand.ListCache.class, CacheCommand.Clean.class})
public final class CacheCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    public CacheCommand() { }

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** {@code cache list}. */
    @Command(name = "list", addMethodSubcommands = false, aliases = "ls", description = "List cached archives (version, platform, size, evidence, age) and listings.")
    public static final class ListCache implements Callable<Integer> {
        private final Terminal t;
        private final Supplier<CacheService> cache;

        public ListCache(Terminal t, Supplier<CacheService> cache) {
            this.t = t;
            this.cache = cache;
        }

        @Override public Integer call() {
            CacheService.Contents c = cache.get().list();
            if (t.json()) {
                t.out().println(Json.render(json(c.items(), c.now())));
            } else {
                print(t, c.items(), c.now(), "");
                if (c.items().isEmpty()) t.info("the cache is empty (%s)".formatted(c.dir()));
            }
            return ExitCode.OK.code();
        }
    }

    /** {@code cache clean [--older-than AGE] [--keep-installed] [--dry-run]}. */
    @Command(name = "clean", addMethodSubcommands = false, description = "Remove cached archives and listings (everything unless narrowed).")
    public static final class Clean implements Callable<Integer> {
        @Option(names = "--older-than", paramLabel = "AGE", description = "Only what was cached at least AGE ago: 90m, 12h, 30d, 2w.")
        String olderThan;

        @Option(names = "--keep-installed", description = "Keep the archives of installed versions (a reinstall needs no network).")
        boolean keepInstalled;

        @Option(names = {"-n", "--dry-run"}, description = "Only say what would be removed.")
        boolean dryRun;

        private final Terminal t;
        private final Supplier<CacheService> cache;

        public Clean(Terminal t, Supplier<CacheService> cache) {
            this.t = t;
            this.cache = cache;
        }

        @Override public Integer call() {
            Optional<Duration> age = Optional.ofNullable(olderThan).map(CacheInventory::parseAge);
            CacheService.Cleaning c = cache.get().clean(age, keepInstalled, dryRun);
            List<Item> removed = c.removed();
            Instant now = c.now();
            long bytes = c.bytes();
            if (t.json()) {
                JsonObject o = new JsonObject();
                o.addProperty("dry_run", dryRun);
                o.addProperty("bytes", bytes);
                o.add("removed", json(removed, now));
                o.add("in_use", json(c.inUse(), now));
                t.out().println(Json.render(o));
            } else {
                print(t, removed, now, dryRun ? "would remove " : "removed ");
            }
            int skipped = c.skipped();
            if (skipped > 0) t.info("left %d unfinished download%s alone: younger than %d minutes, it may still be written"
                    .formatted(skipped, skipped == 1 ? "" : "s", CacheInventory.IN_PROGRESS.toMinutes()));
            if (!c.inUse().isEmpty()) {
                String versions = c.inUse().stream().map(CacheInventory::owner).flatMap(Optional::stream).map(GoVersion::name).distinct()
                        .collect(java.util.stream.Collectors.joining(", "));
                t.info("left %d item%s alone: in use by an install of go %s".formatted(c.inUse().size(), c.inUse().size() == 1 ? "" : "s", versions));
            }
            t.info("%s %d item%s, %s".formatted(dryRun ? "would free" : "freed", removed.size(), removed.size() == 1 ? "" : "s", size(bytes)));
            return ExitCode.OK.code();
        }
    }

    private static void print(Terminal t, List<Item> items, Instant now, String prefix) {
        for (Item i : items) {
            String line = switch (i.kind()) {
                case ARCHIVE -> "%-8s %s  %s  %s  %s  %s  %s".formatted("archive", i.name(), i.version().map(GoVersion::name).orElse("?"),
                        i.platform().map(Object::toString).orElse("?"), size(i.bytes()),
                        i.evidence().map(e -> e.kind().level().text()).orElse("none"), age(i.age(now)));
                default -> "%-8s %s  %s  %s".formatted(kind(i.kind()), i.name(), size(i.bytes()), age(i.age(now)));
            };
            t.out().println(prefix + line);
        }
    }

    private static JsonArray json(List<Item> items, Instant now) {
        JsonArray a = new JsonArray();
        for (Item i : items) {
            JsonObject o = new JsonObject();
            o.addProperty("kind", kind(i.kind()));
            o.addProperty("name", i.name());
            i.version().ifPresent(v -> o.addProperty("version", v.name()));
            i.platform().ifPresent(p -> o.addProperty("platform", p.toString()));
            i.evidence().ifPresent(e -> o.addProperty("evidence", e.kind().level().text()));
            if (!i.source().isEmpty()) o.addProperty("source", i.source());
            if (!i.sha256().isEmpty()) o.addProperty("sha256", i.sha256());
            o.addProperty("bytes", i.bytes());
            o.addProperty("cached_at", i.at().toString());
            o.addProperty("age_seconds", i.age(now).toSeconds());
            a.add(o);
        }
        return a;
    }

    private static String kind(Kind k) { return k.name().toLowerCase(Locale.ROOT); }

    static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        if (bytes < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    static String age(Duration d) {
        if (d.toDays() > 0) return d.toDays() + "d";
        if (d.toHours() > 0) return d.toHours() + "h";
        if (d.toMinutes() > 0) return d.toMinutes() + "m";
        return d.toSeconds() + "s";
    }
}
