package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.download.CacheInventory;
import dev.jgvm.core.download.CacheInventory.Item;
import dev.jgvm.core.download.CacheInventory.Kind;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.store.InstallMeta;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** {@code jgvm cache list|clean}: what the download cache holds, and removing it. */
@Command(name = "cache", addMethodSubcommands = false, description = "Show or clean the cache of verified archives and mirror listings.",
        subcommands = {CacheCommand.ListCache.class, CacheCommand.Clean.class})
public final class CacheCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    public CacheCommand(Services services) { }

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** {@code cache list}. */
    @Command(name = "list", addMethodSubcommands = false, aliases = "ls", description = "List cached archives (version, platform, size, evidence, age) and listings.")
    public static final class ListCache implements Callable<Integer> {
        private final Services services;

        public ListCache(Services services) { this.services = services; }

        @Override public Integer call() {
            Terminal t = services.terminal();
            List<Item> items = new CacheInventory(services.store().cacheDir()).items();
            Instant now = services.env().clock().instant();
            if (t.json()) {
                t.out().println(Json.render(json(items, now)));
            } else {
                print(t, items, now, "");
                if (items.isEmpty()) t.info("the cache is empty (%s)".formatted(services.store().cacheDir()));
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

        private final Services services;

        public Clean(Services services) { this.services = services; }

        @Override public Integer call() {
            Terminal t = services.terminal();
            Optional<Duration> age = Optional.ofNullable(olderThan).map(CacheInventory::parseAge);
            CacheInventory cache = new CacheInventory(services.store().cacheDir());
            Instant now = services.env().clock().instant();
            Predicate<Item> keep = keepInstalled ? installedArchives(services.store()) : i -> false;
            List<Item> chosen = CacheInventory.select(cache.items(), age, keep, now);
            List<Item> removed = dryRun ? chosen.stream().filter(i -> !inProgress(i, now)).toList() : cache.remove(chosen, now);
            long bytes = removed.stream().mapToLong(Item::bytes).sum();
            if (t.json()) {
                JsonObject o = new JsonObject();
                o.addProperty("dry_run", dryRun);
                o.addProperty("bytes", bytes);
                o.add("removed", json(removed, now));
                t.out().println(Json.render(o));
            } else {
                print(t, removed, now, dryRun ? "would remove " : "removed ");
            }
            int skipped = chosen.size() - removed.size();
            if (skipped > 0) t.info("left %d unfinished download%s alone: younger than %d minutes, it may still be written"
                    .formatted(skipped, skipped == 1 ? "" : "s", CacheInventory.IN_PROGRESS.toMinutes()));
            t.info("%s %d item%s, %s".formatted(dryRun ? "would free" : "freed", removed.size(), removed.size() == 1 ? "" : "s", size(bytes)));
            return ExitCode.OK.code();
        }

        private static boolean inProgress(Item i, Instant now) {
            return i.kind() == Kind.PARTIAL && i.age(now).compareTo(CacheInventory.IN_PROGRESS) < 0;
        }

        // An archive is an installed version's when its bytes made that install, or it holds that version for that platform.
        private static Predicate<Item> installedArchives(InstallStore store) {
            Set<String> shas = new HashSet<>();
            Set<String> versionsOnPlatforms = new HashSet<>();
            for (GoVersion v : store.installed()) {
                Optional<InstallMeta> m = store.meta(v);
                m.ifPresent(meta -> shas.add(meta.sha256()));
                m.ifPresent(meta -> versionsOnPlatforms.add(v.name() + " " + meta.platform()));
            }
            return i -> i.kind() == Kind.ARCHIVE && (shas.contains(i.sha256())
                    || i.version().isPresent() && i.platform().isPresent()
                    && versionsOnPlatforms.contains(i.version().get().name() + " " + i.platform().get()));
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
