package dev.jgvm.core.cache;

import dev.jgvm.core.cache.CacheInventory.Item;
import dev.jgvm.core.cache.CacheInventory.Kind;
import dev.jgvm.core.store.InstallMeta;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.store.StoreLock;
import dev.jgvm.core.version.GoVersion;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code jgvm cache list} and {@code jgvm cache clean}: what the cache of a store holds, and which of it a clean
 * removes (by age, keeping the archives of installed versions on request, leaving alone what an install at work may
 * use). Not thread-safe; safe against other processes and threads through the install locks.
 */
public final class CacheService {
    private final InstallStore store;
    private final Clock clock;

    public CacheService(InstallStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What the cache holds, at a moment: ages are counted from {@code now}. */
    public record Contents(Path dir, List<Item> items, Instant now) {}

    /**
     * What a clean removed (or, on a dry run, would remove).
     *
     * @param skipped unfinished downloads and private copies of no known version chosen but left alone, younger than
     *                {@link CacheInventory#IN_PROGRESS}
     * @param inUse   items chosen but left alone because an install of their version holds its lock (it may be
     *                downloading, verifying or extracting them)
     */
    public record Cleaning(boolean dryRun, List<Item> removed, int skipped, List<Item> inUse, Instant now) {
        public Cleaning {
            removed = List.copyOf(removed);
            inUse = List.copyOf(inUse);
        }

        /** The bytes freed (or that would be). */
        public long bytes() { return removed.stream().mapToLong(Item::bytes).sum(); }
    }

    /** Everything in the cache, as {@link CacheInventory#items()} orders it. */
    public Contents list() {
        return new Contents(store.cacheDir(), new CacheInventory(store.cacheDir()).items(), clock.instant());
    }

    /**
     * Removes what the cache holds, everything unless narrowed, but nothing an install at work may use: what belongs to
     * a version (its archives, and the downloads and copies named for it) is removed while this holds that version's
     * install lock ({@code locks/install-<v>.lock}, which an install holds from before its download to its publish)
     * and left alone when another holds it; an unfinished download or a copy of no known version is left alone while
     * it is younger than {@link CacheInventory#IN_PROGRESS}. The lock is only tried, never waited for.
     *
     * @param olderThan     only items written at least this long ago
     * @param keepInstalled keep the archives of installed versions: those whose bytes made an install, or that hold
     *                      an installed version for the platform it was installed for
     * @param dryRun        remove nothing; say what would go
     * @throws dev.jgvm.core.error.StoreException when a file cannot be deleted
     */
    public Cleaning clean(Optional<Duration> olderThan, boolean keepInstalled, boolean dryRun) {
        CacheInventory cache = new CacheInventory(store.cacheDir());
        Instant now = clock.instant();
        Predicate<Item> keep = keepInstalled ? installedArchives() : i -> false;
        List<Item> removed = new ArrayList<>();
        List<Item> inUse = new ArrayList<>();
        int skipped = 0;
        for (Item i : CacheInventory.select(cache.items(), olderThan, keep, now)) {
            Optional<GoVersion> owner = CacheInventory.owner(i);
            if (owner.isEmpty()) {
                if (CacheInventory.mayBeInUse(i, now)) {
                    skipped++;
                    continue;
                }
                if (!dryRun) cache.remove(i);
                removed.add(i);
                continue;
            }
            Optional<StoreLock> turn = store.tryLockInstall(owner.get());
            if (turn.isEmpty()) {
                inUse.add(i);
                continue;
            }
            try (StoreLock held = turn.get()) {
                if (!dryRun) cache.remove(i);
                removed.add(i);
            }
        }
        if (!dryRun) cache.pruneEmpty();
        return new Cleaning(dryRun, removed, skipped, inUse, now);
    }

    // An archive is an installed version's when its bytes made that install, or it holds that version for that platform.
    private Predicate<Item> installedArchives() {
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
