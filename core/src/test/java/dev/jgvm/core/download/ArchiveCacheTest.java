package dev.jgvm.core.download;

import dev.jgvm.core.dist.Checksum;
import dev.jgvm.core.version.GoVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Where downloads in progress live, as a later run must find them again. */
class ArchiveCacheTest {
    private static final URI ZIP = URI.create("https://goproxy.example/golang.org/toolchain/@v/v0.0.1-go1.22.5.linux-amd64.zip");
    private static final Checksum SUM = Checksum.sha256("0eb73889fac3ef46a759ca3f8079a7ff656158ee6aedfe127221101824001a77");
    private static final GoVersion V = GoVersion.parse("1.22.5");
    @TempDir Path cache;

    @Test
    void aDownloadWhoseDigestIsNotKnownYetIsResumedByTheNextRunNotLeftBesideIt() {
        // A module-proxy zip is proven after the download (by the checksum database), so no digest names its file.
        // An install killed mid-download must leave the file where the next run of the same mirror and URL looks,
        // or every interrupted run leaves another archive-sized orphan in the cache.
        Path first = new ArchiveCache(cache).partial(V, Optional.empty(), "goproxy.cn", ZIP);
        Path second = new ArchiveCache(cache).partial(V, Optional.empty(), "goproxy.cn", ZIP);

        assertEquals(first, second);
        assertEquals(cache.resolve("downloads"), first.getParent());
        assertNotEquals(first, new ArchiveCache(cache).partial(V, Optional.empty(), "nexus", ZIP), "another mirror's bytes never complete these");
        assertNotEquals(first, new ArchiveCache(cache).partial(V, Optional.empty(), "goproxy.cn", URI.create(ZIP + "?x")));
        assertNotEquals(first, new ArchiveCache(cache).partial(V, Optional.of(SUM), "goproxy.cn", ZIP));
    }

    @Test
    void aKnownDigestNamesThePartialFile() {
        Path p = new ArchiveCache(cache).partial(V, Optional.of(SUM), "official", URI.create("https://go.dev/dl/go1.22.5.linux-amd64.tar.gz"));

        assertEquals(SUM.hex(), p.getFileName().toString().substring(0, 64));
        assertEquals(p, new ArchiveCache(cache).partial(V, Optional.of(SUM), "official", URI.create("https://go.dev/dl/go1.22.5.linux-amd64.tar.gz")));
    }

    @Test
    void aPartialDownloadAndAPrivateCopyNameTheVersionWhoseInstallUsesThem() {
        ArchiveCache c = new ArchiveCache(cache);
        Path partial = c.partial(V, Optional.empty(), "goproxy.cn", ZIP);
        Path copy = c.privateCopy(GoVersion.parse("1.21rc2"));

        assertEquals(Optional.of(V), ArchiveCache.owner(partial.getFileName().toString()));
        assertEquals(Optional.of(GoVersion.parse("1.21rc2")), ArchiveCache.owner(copy.getFileName().toString()));
        assertEquals(Optional.empty(), ArchiveCache.owner(c.privateCopy().getFileName().toString()), "a copy of no version says none");
        assertEquals(Optional.empty(), ArchiveCache.owner(SUM.hex() + "-0123456789abcdef.partial"), "nor does a download named by an older jgvm");
        assertEquals(Optional.empty(), ArchiveCache.owner(SUM.hex()));
    }
}
