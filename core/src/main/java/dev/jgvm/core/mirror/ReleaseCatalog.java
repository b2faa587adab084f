package dev.jgvm.core.mirror;

import dev.jgvm.core.spi.GoIndex;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jgvm.core.dist.ArchiveName;
import dev.jgvm.core.download.ArchiveCache;
import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.download.SmallFile;
import dev.jgvm.core.error.JgvmException;
import dev.jgvm.core.error.NetworkException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.spi.Release;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Which Go releases exist, and whose word that is (README "Downloads"). The official release list (go.dev's
 * {@code ?mode=json&include=all}, or the same under each configured origin) is read by core over HTTPS and decides
 * {@code latest} and line specs whenever it answers. Only when none answers does a mirror's listing decide, and then
 * the answer says whose listing it was and whether jgvm has seen a release in that line newer than the mirror offers
 * (on the official list earlier, in the archive cache, or installed): a mirror that stopped syncing, or hides a
 * release, cannot hold a machine back silently. Not thread-safe; one per command.
 */
public final class ReleaseCatalog {
    /** The official release list when no origin is configured. */
    public static final URI OFFICIAL_LIST = URI.create("https://go.dev/dl/?mode=json&include=all");
    private final HttpClient http;
    private final List<URI> lists;
    private final MirrorChain chain;
    private final Path memory;
    private final Path cacheDir;
    private final Path listingMemory;
    private final Supplier<Collection<GoVersion>> alsoSeen;

    /**
     * @param lists    the official release lists to ask, in order ({@link #officialLists}); empty to ask none
     * @param cacheDir where the versions last read from an official list are remembered
     * @param alsoSeen versions this machine knows exist besides that memory (installed, cached archives)
     */
    public ReleaseCatalog(HttpClient http, List<URI> lists, MirrorChain chain, Path cacheDir, Supplier<Collection<GoVersion>> alsoSeen) {
        this.http = http;
        this.lists = List.copyOf(lists);
        this.chain = chain;
        this.memory = cacheDir.resolve("official-releases.json");
        this.cacheDir = cacheDir;
        this.listingMemory = cacheDir.resolve("releases.json");
        this.alsoSeen = alsoSeen;
    }

    /**
     * The official lists for the origins digests are read from (the same rules): go.dev's list when none are
     * configured (or for {@code https://dl.google.com/go/}), else {@code <origin>?mode=json&include=all} of each configured
     * origin; none when origins are off.
     */
    public static List<URI> officialLists(Optional<List<URI>> configuredOrigins) {
        return configuredOrigins.map(os -> os.stream().map(ReleaseCatalog::listOf).distinct().toList()).orElse(List.of(OFFICIAL_LIST));
    }

    // dl.google.com/go/ serves the files but not the list; go.dev serves the list for it. golang.google.cn/dl/ and
    // an origin of one's own serve both in one place.
    private static URI listOf(URI origin) {
        return origin.equals(OFFICIAL_DIGESTS) ? OFFICIAL_LIST : origin.resolve("?mode=json&include=all");
    }

    private static final URI OFFICIAL_DIGESTS = URI.create("https://dl.google.com/go/");

    /**
     * Releases and whose list they are.
     *
     * @param source   the official list's URL, or the mirror's name; for a listing from the cache, whose listing it
     *                 was when it was read ("the official release list '…'", "mirror '…'", "the archive cache")
     * @param official whether an official list answered
     * @param whyNot   when a mirror's listing (or the cache) was used: why no official list (or no mirror) answered
     * @param cachedAt for a listing from the cache: when it was read; empty for one read now
     */
    public record Listing(String source, boolean official, List<Release> releases, List<String> whyNot, Optional<Instant> cachedAt) {
        public Listing {
            releases = List.copyOf(releases);
            whyNot = List.copyOf(whyNot);
            Objects.requireNonNull(cachedAt, "cachedAt");
        }

        /** A listing read now. */
        public Listing(String source, boolean official, List<Release> releases, List<String> whyNot) {
            this(source, official, releases, whyNot, Optional.empty());
        }

        /** Whether it came from the cache because nothing answered. */
        public boolean cached() { return cachedAt.isPresent(); }

        /** Whose listing this is, for a message: "the official release list '…'", "mirror '…'", or what the cache says. */
        public String whose() {
            if (cached()) return source;
            return official ? "the official release list '%s'".formatted(source) : "mirror '%s'".formatted(source);
        }

        /** {@code official}, {@code mirror} or {@code cache}, for {@code --json}. */
        public String kind() { return cached() ? "cache" : official ? "official" : "mirror"; }
    }

    /**
     * What {@code list-remote} and {@code outdated} show: {@link #list()} (or, with a pinned mirror, only that mirror's
     * listing), remembered in the cache; when nothing answers, the listing remembered last, else the versions of the
     * archive cache for this platform (which a machine can install offline).
     *
     * @param pinned the mirror named by {@code --mirror}, whose listing is asked alone; empty for the usual order
     * @throws NetworkException or VersionNotFoundException as the chain threw it, when the cache knows nothing either
     */
    public Listing available(Optional<String> pinned, Platform platform) {
        Listing l;
        try {
            if (pinned.isPresent()) {
                MirrorChain.Listing m = chain.list();
                l = new Listing(m.source(), false, m.releases(), List.of("--mirror asks mirror '%s' only".formatted(pinned.get())));
            } else {
                l = list();
            }
        } catch (NetworkException | VersionNotFoundException e) {
            Optional<Listing> cached = remembered(e.getMessage()).or(() -> fromArchives(platform, e.getMessage()));
            if (cached.isEmpty()) throw e;
            return cached.get();
        }
        rememberListing(l);
        return l;
    }

    // Without a remembered listing, the archives in the cache (installed before, or imported from a bundle) still say
    // which versions this machine can install offline.
    private Optional<Listing> fromArchives(Platform platform, String failure) {
        List<Release> rs = new ArchiveCache(cacheDir).fileNames().stream().flatMap(n -> ArchiveName.parse(n).stream())
                .filter(a -> a.platform().equals(platform)).map(ArchiveName::version).distinct()
                .map(v -> new Release(v, v.isStable(), List.of())).toList();
        if (rs.isEmpty()) return Optional.empty();
        return Optional.of(new Listing("the archive cache", false, rs, List.of(failure), Optional.of(Instant.now())));
    }

    // The last listing shown, as versions with their stability, so that it can be shown again with no network.
    private void rememberListing(Listing l) {
        JsonObject o = new JsonObject();
        o.addProperty("source", l.whose());
        o.addProperty("read_at", Instant.now().toString());
        JsonArray stable = new JsonArray();
        JsonArray unstable = new JsonArray();
        l.releases().stream().filter(Release::stable).map(Release::version).distinct().forEach(v -> stable.add(v.name()));
        l.releases().stream().filter(r -> !r.stable()).map(Release::version).distinct().forEach(v -> unstable.add(v.name()));
        o.add("stable", stable);
        o.add("unstable", unstable);
        try {
            InstallStore.writeAtomically(listingMemory, o + "\n");
        } catch (RuntimeException e) {
            // a cache that cannot be written is only a cache
        }
    }

    private Optional<Listing> remembered(String failure) {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(listingMemory)).getAsJsonObject();
            List<Release> rs = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("stable")) GoVersion.tryParse(e.getAsString()).ifPresent(v -> rs.add(new Release(v, true, List.of())));
            for (JsonElement e : o.getAsJsonArray("unstable")) GoVersion.tryParse(e.getAsString()).ifPresent(v -> rs.add(new Release(v, false, List.of())));
            return Optional.of(new Listing(o.get("source").getAsString(), false, rs, List.of(failure),
                    Optional.of(Instant.parse(o.get("read_at").getAsString()))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The official list when one answers, else the first mirror listing along the chain; read once per catalog. */
    public Listing list() {
        if (listed == null) listed = read();
        return listed;
    }

    private Listing listed;

    private Listing read() {
        List<String> whyNot = new ArrayList<>();
        if (lists.isEmpty()) whyNot.add("no official origin is configured ([verify] origins, JGVM_ORIGINS)");
        for (URI u : lists) {
            // Only HTTPS vouches for where the list came from; configured origins are HTTPS already.
            if (!"https".equals(u.getScheme())) {
                whyNot.add("'%s' is not HTTPS".formatted(u));
                continue;
            }
            try {
                List<Release> releases = GoIndex.parse(http.text(u, SmallFile.INDEX), u, u::resolve);
                if (releases.isEmpty()) throw new IllegalArgumentException("it lists no release");
                remember(u, releases);
                return new Listing(u.toString(), true, releases, List.of());
            } catch (VersionNotFoundException | NetworkException e) {
                whyNot.add(e.getMessage());
            } catch (IllegalArgumentException e) {
                whyNot.add("'%s' is not a release list: %s".formatted(u, e.getMessage()));
            }
        }
        MirrorChain.Listing m = chain.list();
        return new Listing(m.source(), false, m.releases(), whyNot);
    }

    /**
     * The version a spec means for a platform, and whose listing decided it.
     *
     * @param newerSeen when a mirror's listing decided: the newest release matching the spec that jgvm has seen but
     *                  the mirror does not offer, if it is newer than the answer
     */
    public record Resolution(GoVersion version, Listing listing, Optional<GoVersion> newerSeen) {
        /** A line for the user when a mirror's listing decided; empty when the official list did. */
        public Optional<String> notice(VersionSpec spec) {
            if (listing.official()) return Optional.empty();
            return Optional.of("go %s is %s by the listing of mirror '%s', not by the official release list (%s)"
                    .formatted(spec.text(), version, listing.source(), String.join("; ", listing.whyNot())));
        }

        /** A warning when jgvm has seen a newer release than the mirror's listing offers. */
        public Optional<String> warning(VersionSpec spec) {
            return newerSeen.map(n -> ("mirror '%s' lists nothing newer than go %s for '%s', but jgvm has seen go %s: the mirror may have "
                    + "stopped syncing or hide a release; install %s by its exact version, or use an up-to-date mirror")
                    .formatted(listing.source(), version, spec.text(), n, n));
        }
    }

    /**
     * Resolves a spec (not an exact version) against {@link #list()}.
     *
     * @throws VersionNotFoundException when the listing has no matching release for the platform
     */
    public Resolution resolve(VersionSpec spec, Platform platform) {
        Listing l = list();
        GoVersion v = l.releases().stream()
                .filter(r -> r.artifacts().stream().anyMatch(a -> a.platform().equals(platform)) || r.artifacts().isEmpty())
                .map(Release::version).filter(spec::matches).max(Comparator.naturalOrder())
                .orElseThrow(() -> new VersionNotFoundException("no release of go %s for %s on %s".formatted(spec.text(), platform,
                        l.official() ? "the official release list" : "mirror '%s'".formatted(l.source())), "'jgvm list-remote' shows what is available"));
        Optional<GoVersion> newer = l.official() ? Optional.empty()
                : seen().stream().filter(spec::matches).max(Comparator.naturalOrder()).filter(s -> s.compareTo(v) > 0);
        return new Resolution(v, l, newer);
    }

    /**
     * For a whole listing: the newest release jgvm has seen in each line ({@code 1.N}) where it is newer than anything
     * the listing offers in that line. Empty for an official list.
     */
    public List<GoVersion> newerThanListed(Listing l) {
        if (l.official()) return List.of();
        List<GoVersion> out = new ArrayList<>();
        TreeSet<GoVersion> seen = new TreeSet<>(seen());
        for (GoVersion s : seen.descendingSet()) {
            if (!s.isStable()) continue;
            VersionSpec line = VersionSpec.parse(s.major() + "." + s.minor());
            if (out.stream().anyMatch(line::matches)) continue;
            Optional<GoVersion> listed = l.releases().stream().map(Release::version).filter(line::matches).max(Comparator.naturalOrder());
            if (listed.isEmpty() || listed.get().compareTo(s) < 0) out.add(s);
        }
        return out;
    }

    /** Every version jgvm has seen exist: on an official list before, and what the caller knows (installs, cache). */
    public Collection<GoVersion> seen() {
        TreeSet<GoVersion> all = new TreeSet<>(alsoSeen.get());
        try {
            JsonObject o = JsonParser.parseString(Files.readString(memory)).getAsJsonObject();
            for (JsonElement e : o.getAsJsonArray("versions")) GoVersion.tryParse(e.getAsString()).ifPresent(all::add);
        } catch (IOException | RuntimeException e) {
            // nothing remembered (or a damaged memory): only what the caller knows
        }
        return all;
    }

    // The versions of the last official list read, so that a later mirror-only listing can be compared with them.
    private void remember(URI from, List<Release> releases) {
        JsonObject o = new JsonObject();
        o.addProperty("read_from", from.toString());
        o.addProperty("read_at", Instant.now().toString());
        JsonArray a = new JsonArray();
        releases.stream().map(Release::version).distinct().sorted(Comparator.reverseOrder()).forEach(v -> a.add(v.name()));
        o.add("versions", a);
        try {
            InstallStore.writeAtomically(memory, o + "\n");
        } catch (JgvmException e) {
            // a memory that cannot be written only weakens a later warning
        }
    }
}
