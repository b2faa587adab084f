package dev.jgvm.core.mirror;

import dev.jgvm.core.config.Settings.MirrorConfig;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whose listing decides a spec, and when a mirror-only answer is older than what this machine has seen. */
class ReleaseCatalogTest {
    @TempDir Path cache;

    private static MirrorChain fakeMirror() {
        return MirrorChain.create(List.of(new MirrorConfig("frozen", "fake", "fake://x/", Map.of("name", "frozen", "type", "fake"))),
                null, ReleaseCatalogTest.class.getClassLoader());
    }

    @Test
    void theOfficialListFollowsTheConfiguredOriginsAsDigestsDo() {
        assertEquals(List.of(URI.create("https://go.dev/dl/?mode=json&include=all")), ReleaseCatalog.officialLists(Optional.empty()));
        assertEquals(List.of(URI.create("https://go.dev/dl/?mode=json&include=all"), URI.create("https://golang.google.cn/dl/?mode=json&include=all")),
                ReleaseCatalog.officialLists(Optional.of(List.of(URI.create("https://dl.google.com/go/"), URI.create("https://golang.google.cn/dl/")))));
        assertEquals(List.of(URI.create("https://origin.corp.example/go/?mode=json&include=all")),
                ReleaseCatalog.officialLists(Optional.of(List.of(URI.create("https://origin.corp.example/go/")))));
        assertEquals(List.of(), ReleaseCatalog.officialLists(Optional.of(List.of())));
    }

    @Test
    void aMirrorListingSaysWhoseItIsAndNamesANewerReleaseSeenInThatLine() {
        ReleaseCatalog catalog = new ReleaseCatalog(null, List.of(), fakeMirror(), cache,
                () -> List.of(GoVersion.parse("1.22.7"), GoVersion.parse("1.23.1")));

        ReleaseCatalog.Resolution line = catalog.resolve(VersionSpec.parse("1.22"), Platform.parse("linux/amd64"));
        ReleaseCatalog.Resolution older = catalog.resolve(VersionSpec.parse("1.22.5"), Platform.parse("linux/amd64"));

        assertEquals(GoVersion.parse("1.22.5"), line.version());
        assertFalse(line.listing().official());
        assertEquals("go 1.22 is 1.22.5 by the listing of mirror 'frozen', not by the official release list (no official origin is configured "
                + "([verify] origins, JGVM_ORIGINS))", line.notice(VersionSpec.parse("1.22")).orElseThrow());
        assertEquals(Optional.of(GoVersion.parse("1.22.7")), line.newerSeen());
        assertTrue(line.warning(VersionSpec.parse("1.22")).orElseThrow().contains("but jgvm has seen go 1.22.7"));
        assertEquals(Optional.empty(), older.newerSeen());
        assertEquals(List.of(GoVersion.parse("1.23.1"), GoVersion.parse("1.22.7")), catalog.newerThanListed(catalog.list()));
    }
}
