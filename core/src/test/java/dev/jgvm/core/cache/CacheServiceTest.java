package dev.jgvm.core.cache;

import dev.jgvm.core.archive.ArchiveExtractor;
import dev.jgvm.core.cache.CacheInventory.Item;
import dev.jgvm.core.cache.CacheInventory.Kind;
import dev.jgvm.core.dist.Checksum;
import dev.jgvm.core.download.ArchiveCache;
import dev.jgvm.core.store.InstallMeta;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.store.StoreLock;
import dev.jgvm.core.version.GoVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which items {@code cache clean} removes: by age, keeping installed versions' archives, never a download being written. */
class CacheServiceTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String SHA_OLD = "a".repeat(64);
    private static final String SHA_NEW = "b".repeat(64);
    private static final String SHA_OTHER = "c".repeat(64);

    @TempDir Path home;
    private InstallStore store;
    private CacheService service;

    @BeforeEach
    void fill() throws IOException {
        store = new InstallStore(home, Duration.ofSeconds(5));
        service = new CacheService(store, Clock.fixed(NOW, ZoneOffset.UTC));
        archive("go1.21.13.linux-amd64.tar.gz", SHA_OLD, Duration.ofDays(40));
        archive("go1.22.5.linux-amd64.tar.gz", SHA_NEW, Duration.ofDays(2));
        archive("go1.22.5.darwin-arm64.tar.gz", SHA_OTHER, Duration.ofDays(40));
        file("cache/releases.json", Duration.ofDays(35));
        file("cache/downloads/" + "d".repeat(64) + "-0123456789abcdef.partial", Duration.ofMinutes(2));   // still being written
        file("cache/downloads/" + "e".repeat(64) + "-0123456789abcdef.partial", Duration.ofDays(3));
    }

    private void archive(String name, String sha, Duration age) throws IOException {
        Path bytes = Files.writeString(home.resolve(name + ".tmp"), name);
        new ArchiveCache(store.cacheDir()).put(bytes, name, Checksum.sha256(sha), List.of(), "test", Optional.empty(), ArchiveExtractor.Layout.OFFICIAL);
        age(store.cacheDir().resolve("archives/" + name + ".json"), age);
        age(store.cacheDir().resolve("downloads/" + sha), age);
    }

    private void file(String path, Duration age) throws IOException {
        Path f = home.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "x");
        age(f, age);
    }

    private static void age(Path f, Duration age) throws IOException { Files.setLastModifiedTime(f, FileTime.from(NOW.minus(age))); }

    // An install made from an archive: its meta names the archive's digest and the platform.
    private void installedFrom(String version, String platform, String sha) throws IOException {
        Files.createDirectories(store.goroot(dev.jgvm.core.version.GoVersion.parse(version)));
        store.writeMeta(new InstallMeta(version, platform, "go" + version + "." + platform.replace('/', '-') + ".tar.gz", sha, "test",
                List.of(), NOW, "h1:x", 1));
    }

    private static List<String> names(List<Item> items) { return items.stream().map(Item::name).toList(); }

    @Test
    void cleanRemovesEverythingButADownloadThatMayStillBeWritten() {
        CacheService.Cleaning c = service.clean(Optional.empty(), false, false);

        assertEquals(5, c.removed().size(), names(c.removed()).toString());
        assertEquals(1, c.skipped());
        List<Item> left = service.list().items();
        assertEquals(List.of(Kind.PARTIAL), left.stream().map(Item::kind).toList());
        assertTrue(left.get(0).name().startsWith("d"));
        assertFalse(Files.exists(store.cacheDir().resolve("downloads/" + SHA_OLD)), "an archive's bytes go with its record");
    }

    @Test
    void olderThanRemovesOnlyWhatWasCachedThatLongAgo() {
        CacheService.Cleaning c = service.clean(Optional.of(CacheInventory.parseAge("30d")), false, false);

        assertEquals(List.of("go1.21.13.linux-amd64.tar.gz", "go1.22.5.darwin-arm64.tar.gz", "releases.json"), names(c.removed()));
        assertEquals(0, c.skipped());
        assertTrue(names(service.list().items()).contains("go1.22.5.linux-amd64.tar.gz"));
    }

    @Test
    void keepInstalledKeepsTheArchiveAnInstallCameFromAndTheInstalledVersionForItsPlatform() throws IOException {
        installedFrom("1.21.13", "linux/amd64", SHA_OLD);             // by digest
        installedFrom("1.22.5", "linux/amd64", "f".repeat(64));       // by version and platform: a copy with another digest

        CacheService.Cleaning c = service.clean(Optional.empty(), true, false);

        List<String> left = names(service.list().items().stream().filter(i -> i.kind() == Kind.ARCHIVE).toList());
        assertEquals(List.of("go1.21.13.linux-amd64.tar.gz", "go1.22.5.linux-amd64.tar.gz"), left);
        assertTrue(names(c.removed()).contains("go1.22.5.darwin-arm64.tar.gz"), "the same version for another platform goes");
    }

    @Test
    void aDryRunRemovesNothingAndNamesWhatWouldGoButTheDownloadBeingWritten() {
        List<Item> before = service.list().items();

        CacheService.Cleaning c = service.clean(Optional.of(Duration.ofMinutes(1)), false, true);

        assertTrue(c.dryRun());
        assertEquals(5, c.removed().size());
        assertEquals(1, c.skipped());
        assertEquals(c.removed().stream().mapToLong(Item::bytes).sum(), c.bytes());
        assertEquals(names(before), names(service.list().items()));
        assertTrue(Files.exists(store.cacheDir().resolve("downloads/" + SHA_OLD)));
    }

    @Test
    void listingCountsAgesFromTheServicesClock() {
        CacheService.Contents c = service.list();

        assertEquals(NOW, c.now());
        assertEquals(store.cacheDir(), c.dir());
        assertEquals(Duration.ofDays(40), c.items().get(0).age(c.now()));
    }

    @Test
    void whatAnInstallInAnotherThreadHoldsIsLeftAloneWhateverItsAgeAndGoesOnceItEnded() throws Exception {
        GoVersion busy = GoVersion.parse("1.22.5");
        String partial = "f".repeat(64) + "-0123456789abcdef-go1.22.5.partial";
        String copy = "go1.22.5-" + java.util.UUID.randomUUID() + ".copy";
        file("cache/downloads/" + partial, Duration.ofDays(3));
        file("cache/downloads/" + copy, Duration.ofDays(3));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        Future<?> install = other.submit(() -> {
            try (StoreLock turn = store.lockInstall(busy)) {
                held.countDown();
                done.await();
            }
            return null;
        });
        CacheService.Cleaning during;
        CacheService.Cleaning dry;
        List<Boolean> stillThere;
        try {
            held.await();
            dry = service.clean(Optional.empty(), false, true);
            during = service.clean(Optional.empty(), false, false);
            stillThere = List.of(Files.exists(store.cacheDir().resolve("downloads/" + SHA_NEW)),
                    Files.exists(store.cacheDir().resolve("archives/go1.22.5.linux-amd64.tar.gz.json")), Files.exists(store.cacheDir().resolve("downloads/" + partial)));
        } finally {
            done.countDown();
            install.get();
            other.shutdown();
        }
        CacheService.Cleaning after = service.clean(Optional.empty(), false, false);

        List<String> inUse = java.util.stream.Stream.of("go1.22.5.darwin-arm64.tar.gz", "go1.22.5.linux-amd64.tar.gz", partial, copy).sorted().toList();
        assertEquals(inUse, names(during.inUse()).stream().sorted().toList());
        assertEquals(inUse, names(dry.inUse()).stream().sorted().toList());
        assertEquals(List.of("go1.21.13.linux-amd64.tar.gz", "releases.json", "e".repeat(64) + "-0123456789abcdef.partial"), names(during.removed()));
        assertEquals(1, during.skipped(), "the young download of no known version is left by its age");
        assertEquals(List.of(true, true, true), stillThere, "bytes and record of the archive, and the download, stay");
        assertEquals(inUse, names(after.removed()).stream().sorted().toList());
        assertEquals(List.of(), after.inUse());
        assertFalse(Files.exists(store.cacheDir().resolve("downloads/" + partial)));
    }
}
