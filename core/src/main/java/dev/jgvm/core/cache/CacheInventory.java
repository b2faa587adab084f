package dev.jgvm.core.cache;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jgvm.core.dist.ArchiveName;
import dev.jgvm.core.download.ArchiveCache;
import dev.jgvm.core.error.StoreException;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.verify.Evidence;
import dev.jgvm.core.version.GoVersion;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code JGVM_HOME/cache} holds, for {@code jgvm cache list} and {@code jgvm cache clean}: verified archives
 * ({@code downloads/<sha256>} with their records in {@code archives/}), the mirrors' listings kept by source types
 * ({@code plugins/<type>/}) and by {@code list-remote} ({@code releases.json}), unfinished downloads
 * ({@code downloads/*.partial}), and bytes whose record is missing (a process killed between the two renames, or a
 * private copy being verified, {@code *.copy}).
 * Listing reads records and file attributes only; it never re-hashes an archive (an install does that before it
 * uses one). Removing deletes an archive's record before its bytes, so a reader never finds a record without a
 * readable file it could take for proven. Not thread-safe; safe against other processes (each file is removed
 * with one call, and a missing one is fine).
 */
public final class CacheInventory {
    /** An unfinished download younger than this may still be written to: clean leaves it alone. */
    public static final Duration IN_PROGRESS = Duration.ofMinutes(10);
    private static final Pattern MODULE_ZIP = Pattern.compile("v0\\.0\\.1-go(.+?)\\.([a-z0-9]+)-([a-z0-9]+)\\.zip");

    private final Path root;

    public CacheInventory(Path cacheDir) { this.root = Objects.requireNonNull(cacheDir, "cacheDir"); }

    /** What an item is. */
    public enum Kind {
        /** A verified archive and its record. */
        ARCHIVE,
        /** A mirror's listing or the release list, kept to work offline. */
        LISTING,
        /** An unfinished download, resumable while it lasts. */
        PARTIAL,
        /** Bytes in {@code downloads/} with no record: never used, only taking space. */
        UNRECORDED
    }

    /**
     * One thing in the cache.
     *
     * @param name     the archive's file name, the listing's URL (or {@code releases.json}), or the file's name
     * @param version  the Go version, for archives whose name says it
     * @param platform the platform, likewise
     * @param evidence the strongest evidence recorded for an archive, else empty
     * @param source   where an archive came from (a mirror's name, {@code bundle:...}), else empty
     * @param bytes    the size on disk of all its files
     * @param at       when it was written (an archive: when it was proven and cached)
     * @param sha256   an archive's digest (hex), else empty
     * @param files    every file that belongs to it, removed together (records first)
     */
    public record Item(Kind kind, String name, Optional<GoVersion> version, Optional<Platform> platform, Optional<Evidence> evidence,
                       String source, long bytes, Instant at, String sha256, List<Path> files) {
        public Item {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            files = List.copyOf(files);
        }

        /** How long ago it was written. */
        public Duration age(Instant now) { return Duration.between(at, now).isNegative() ? Duration.ZERO : Duration.between(at, now); }
    }

    /** Everything in the cache: archives by file name, then listings, unfinished downloads and unrecorded bytes. */
    public List<Item> items() {
        List<Item> out = new ArrayList<>();
        Set<Path> recorded = new HashSet<>();
        for (Path rec : list(root.resolve("archives"), p -> p.getFileName().toString().endsWith(".json"))) {
            archive(rec).ifPresent(i -> {
                out.add(i);
                recorded.add(root.resolve("downloads").resolve(i.sha256()));
            });
        }
        out.sort(Comparator.comparing(Item::name));
        List<Item> listings = new ArrayList<>();
        Path releases = root.resolve("releases.json");
        if (Files.isRegularFile(releases)) listings.add(plain(Kind.LISTING, "releases.json", List.of(releases)));
        for (Path type : list(root.resolve("plugins"), Files::isDirectory)) {
            walk(type, listings);
        }
        listings.sort(Comparator.comparing(Item::name));
        out.addAll(listings);
        for (Path f : list(root.resolve("downloads"), Files::isRegularFile)) {
            String n = f.getFileName().toString();
            if (n.endsWith(".partial")) out.add(plain(Kind.PARTIAL, n, List.of(f)));
            else if (!recorded.contains(f)) out.add(plain(Kind.UNRECORDED, n, List.of(f)));
        }
        return out;
    }

    /**
     * Removes one item, records before bytes. The caller decides that nothing uses it ({@code CacheService}).
     *
     * @throws StoreException when a file cannot be deleted
     */
    public void remove(Item i) {
        for (Path f : i.files()) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                throw new StoreException("cannot delete '%s': %s".formatted(f, e.getMessage()), "check the permissions under JGVM_HOME", e);
            }
        }
    }

    /** Removes the directories of source types' listings that nothing is left in. */
    public void pruneEmpty() { pruneEmpty(root.resolve("plugins")); }

    /**
     * The version whose install uses an item, when the item says: an archive's version, or the version a download or
     * private copy is named for ({@link ArchiveCache#owner}). Such an item is in use while that install's lock is held.
     */
    public static Optional<GoVersion> owner(Item i) {
        if (i.kind() == Kind.ARCHIVE) return i.version();
        if (i.kind() == Kind.PARTIAL || i.kind() == Kind.UNRECORDED) return ArchiveCache.owner(i.name());
        return Optional.empty();
    }

    /**
     * Whether an item of no known version may still be in use by its age: an unfinished download, or a private copy
     * being verified, written less than {@link #IN_PROGRESS} ago.
     */
    public static boolean mayBeInUse(Item i, Instant now) {
        boolean work = i.kind() == Kind.PARTIAL || i.kind() == Kind.UNRECORDED && i.name().endsWith(".copy");
        return work && i.age(now).compareTo(IN_PROGRESS) < 0;
    }

    /**
     * The items {@code cache clean} would remove: those written longer than {@code olderThan} ago (all when empty),
     * except those {@code keep} holds on to (for example the archives of installed versions).
     */
    public static List<Item> select(List<Item> items, Optional<Duration> olderThan, Predicate<Item> keep, Instant now) {
        return items.stream().filter(i -> olderThan.isEmpty() || i.age(now).compareTo(olderThan.get()) >= 0)
                .filter(keep.negate()).toList();
    }

    /**
     * Parses an age as {@code --older-than} takes it: a number and a unit, {@code m} (minutes), {@code h}, {@code d}
     * or {@code w}, such as {@code 30d}.
     *
     * @throws dev.jgvm.core.error.UsageException (exit 2) for anything else
     */
    public static Duration parseAge(String text) {
        Matcher m = AGE.matcher(text.strip());
        if (!m.matches()) {
            throw new dev.jgvm.core.error.UsageException("'%s' is not an age".formatted(text), "write a number and a unit: 90m, 12h, 30d or 2w");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    private static final Pattern AGE = Pattern.compile("(\\d{1,6})([mhdw])");

    private Optional<Item> archive(Path rec) {
        String recName = rec.getFileName().toString();
        String fileName = recName.substring(0, recName.length() - ".json".length());
        try {
            JsonObject o = JsonParser.parseString(Files.readString(rec)).getAsJsonObject();
            String sha = o.get("sha256").getAsString();
            Path bytes = root.resolve("downloads").resolve(sha);
            Path asc = rec.resolveSibling(fileName + ".asc");
            List<Evidence> ev = o.has("evidence") ? Evidence.fromJson(o.getAsJsonArray("evidence")) : List.of();
            Optional<Evidence> strongest = ev.stream().min(Comparator.comparing(e -> e.kind().level()));
            // Records before bytes: see the class comment.
            List<Path> files = new ArrayList<>(List.of(rec));
            if (Files.exists(asc)) files.add(asc);
            files.add(bytes);
            long size = 0;
            for (Path f : files) size += sizeOf(f);
            Optional<GoVersion> version = ArchiveName.parse(fileName).map(ArchiveName::version).or(() -> module(fileName).map(m -> m.version));
            Optional<Platform> platform = ArchiveName.parse(fileName).map(ArchiveName::platform).or(() -> module(fileName).flatMap(m -> m.platform));
            String source = o.has("source") ? o.get("source").getAsString() : "";
            return Optional.of(new Item(Kind.ARCHIVE, fileName, version, platform, strongest, source, size,
                    Files.getLastModifiedTime(rec).toInstant(), sha, files));
        } catch (IOException | RuntimeException e) {
            // A record that cannot be read proves nothing: it is listed as such so clean can remove it.
            return Optional.of(plain(Kind.UNRECORDED, "archives/" + rec.getFileName(), List.of(rec)));
        }
    }

    private record ModuleName(GoVersion version, Optional<Platform> platform) {}

    private static Optional<ModuleName> module(String fileName) {
        Matcher m = MODULE_ZIP.matcher(fileName);
        if (!m.matches()) return Optional.empty();
        Optional<GoVersion> v = GoVersion.tryParse(m.group(1));
        if (v.isEmpty()) return Optional.empty();
        Optional<Platform> p;
        try {
            p = Optional.of(Platform.parse(m.group(2) + "/" + m.group(3)));
        } catch (RuntimeException e) {
            p = Optional.empty();
        }
        return Optional.of(new ModuleName(v.get(), p));
    }

    // A listing kept by a source type: a .json record naming its URL, with the body beside it; any other file
    // (a bundle unpacked for use as a mirror, a directory) is an item of its own, named by its path.
    private void walk(Path typeDir, List<Item> out) {
        Set<Path> claimed = new HashSet<>();
        for (Path rec : list(typeDir, p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))) {
            String n = rec.getFileName().toString();
            Path body = rec.resolveSibling(n.substring(0, n.length() - 5) + ".body");
            String url = "";
            try {
                JsonObject o = JsonParser.parseString(Files.readString(rec)).getAsJsonObject();
                if (o.has("url")) url = o.get("url").getAsString();
            } catch (IOException | RuntimeException e) {
                // named by its path below
            }
            List<Path> files = Files.exists(body) ? List.of(rec, body) : List.of(rec);
            claimed.addAll(files);
            out.add(plain(Kind.LISTING, url.isEmpty() ? root.relativize(rec).toString() : url, files));
        }
        for (Path p : list(typeDir, p -> !claimed.contains(p))) {
            out.add(plain(Kind.LISTING, root.relativize(p).toString(), List.of(p)));
        }
    }

    private Item plain(Kind kind, String name, List<Path> files) {
        long size = 0;
        Instant at = Instant.EPOCH;
        for (Path f : files) {
            size += sizeOf(f);
            try {
                Instant t = Files.getLastModifiedTime(f).toInstant();
                if (t.isAfter(at)) at = t;
            } catch (IOException e) {
                // gone meanwhile
            }
        }
        List<Path> all = new ArrayList<>();
        for (Path f : files) all.addAll(Files.isDirectory(f) ? treeBottomUp(f) : List.of(f));
        return new Item(kind, name, Optional.empty(), Optional.empty(), Optional.empty(), "", size, at, "", all);
    }

    private static long sizeOf(Path p) {
        try {
            if (!Files.isDirectory(p)) return Files.size(p);
            long[] total = {0};
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    total[0] += attrs.size();
                    return FileVisitResult.CONTINUE;
                }
            });
            return total[0];
        } catch (IOException e) {
            return 0;
        }
    }

    // Files before their directories, so one deleteIfExists each removes a whole tree.
    private static List<Path> treeBottomUp(Path dir) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    out.add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override public FileVisitResult postVisitDirectory(Path d, IOException exc) {
                    out.add(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            out.add(dir);
        }
        return out;
    }

    private static List<Path> list(Path dir, Predicate<Path> keep) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(keep).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new StoreException("cannot read '%s': %s".formatted(dir, e.getMessage()), "check the permissions under JGVM_HOME", e);
        }
    }

    private static void pruneEmpty(Path dir) {
        for (Path d : list(dir, Files::isDirectory)) {
            try {
                Files.delete(d);
            } catch (IOException e) {
                // not empty: still in use
            }
        }
    }
}
