package dev.jgvm.plugins.dl;

import dev.jgvm.core.spi.GoIndex;
import dev.jgvm.core.spi.Artifact;
import dev.jgvm.core.spi.EvidenceSource;
import dev.jgvm.core.spi.Release;
import dev.jgvm.core.dist.ChecksumsFile;
import dev.jgvm.fixtures.RealSamples;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real formats kept in test-fixtures ({@link RealSamples}): go.dev's JSON index and two mirror listings. */
class ParsersTest {
    private static final URI BASE = URI.create("https://dl.google.com/go/");

    private static String fixture(String name) { return RealSamples.text(name); }

    @Test
    void theGoDevIndexGivesArchivesWithTheirDigestsAndSkipsInstallersAndSources() throws IOException {
        List<Release> releases = GoIndex.parse(fixture("go-dl-index-sample.json"), URI.create("https://go.dev/dl/?mode=json&include=all"), BASE::resolve);

        assertEquals(List.of("1.17.3", "1.17rc2", "1.16.10"), releases.stream().map(r -> r.version().name()).toList());
        assertFalse(releases.get(1).stable());
        Release r = releases.get(0);
        assertTrue(r.artifacts().stream().allMatch(a -> a.fileName().endsWith(".tar.gz") || a.fileName().endsWith(".zip")), "no .pkg, .msi or src");
        Artifact linux = r.artifacts().stream().filter(a -> a.fileName().equals("go1.17.3.linux-amd64.tar.gz")).findFirst().orElseThrow();
        assertEquals(URI.create("https://dl.google.com/go/go1.17.3.linux-amd64.tar.gz"), linux.uri());
        assertTrue(linux.size() > 100_000_000);
        assertTrue(linux.evidence().get(0) instanceof EvidenceSource.Digest d && d.sha256().hex().length() == 64);
        assertTrue(r.artifacts().stream().anyMatch(a -> a.platform().toString().equals("linux/arm")), "armv6l is linux/arm");
    }

    @Test
    void oddIndexEntriesAreSkippedNotFatal() {
        String json = """
                [{"version": "go1.4", "stable": true, "files": [
                   {"filename": "go1.4.linux-amd64.tar.gz", "os": "linux", "arch": "amd64", "version": "go1.4", "sha256": "", "size": 0, "kind": "archive"},
                   {"filename": "weird name.tar.gz", "kind": "archive"},
                   {"filename": "go1.4.linux-amd64.tar.gz.asc", "kind": "archive"},
                   {"kind": "installer"}]},
                 {"version": "not-a-version", "files": []},
                 {"version": "go1.5"}]
                """;

        List<Release> releases = GoIndex.parse(json, URI.create("https://go.dev/dl/"), BASE::resolve);

        assertEquals(2, releases.size());
        Artifact old = releases.get(0).artifacts().get(0);
        assertEquals(-1, old.size(), "size 0 means unknown");
        assertFalse(old.evidence().stream().anyMatch(e -> e instanceof EvidenceSource.Digest), "an empty sha256 offers no digest");
        assertThrows(IllegalArgumentException.class, () -> GoIndex.parse("<html>", URI.create("https://x/"), BASE::resolve));
    }

    @Test
    void nginxAutoindexListingsParse() throws IOException {
        Set<String> names = DirectoryListing.fileNames(fixture("mirror-ustc-autoindex-excerpt.html"));

        assertTrue(names.contains("go1.22.4.linux-amd64.tar.gz"), names.toString());
        assertTrue(names.contains("go1.22.4.darwin-amd64.tar.gz.asc"));
        assertFalse(names.contains(".."));
        assertTrue(names.stream().anyMatch(n -> n.startsWith("v0.0.1-go1.22.4.")), "toolchain module files are listed too");
    }

    @Test
    void nginxFancyindexListingsParse() throws IOException {
        Set<String> names = DirectoryListing.fileNames(fixture("mirror-aliyun-fancyindex-excerpt.html"));

        assertTrue(names.contains("go1.10.1.linux-amd64.tar.gz"), names.toString());
        assertTrue(names.contains("go1.18.2.darwin-amd64.tar.gz") || names.stream().anyMatch(n -> n.startsWith("go1.18.2")), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.startsWith("javascript")));
    }

    @Test
    void nexusBrowsePagesParse() {
        String nexus = """
                <html><head><title>Index of /go-dl/</title></head><body><h1>Index of /go-dl/</h1>
                <table cellspacing="10"><tr><th align="left">Name</th><th>Last Modified</th><th>Size</th><th>Description</th></tr>
                <tr><td><a href="../">Parent Directory</a></td></tr>
                <tr><td><a href="https://nexus.corp.example/repository/go-dl/go1.22.5.linux-amd64.tar.gz">go1.22.5.linux-amd64.tar.gz</a></td>
                <td>Tue Jun 04 18:00:00 UTC 2024</td><td align="right">68958945</td><td></td></tr>
                <tr><td><a href="https://nexus.corp.example/repository/go-dl/go1.22.5.linux-amd64.tar.gz.sha256">go1.22.5.linux-amd64.tar.gz.sha256</a></td></tr>
                <tr><td><a href="go1.21.13.linux-amd64.tar.gz?download=1">go1.21.13.linux-amd64.tar.gz</a></td></tr>
                </table></body></html>
                """;

        assertEquals(Set.of("go1.22.5.linux-amd64.tar.gz", "go1.22.5.linux-amd64.tar.gz.sha256", "go1.21.13.linux-amd64.tar.gz"),
                DirectoryListing.fileNames(nexus));
    }

    @Test
    void checksumsFilesAreWhatSha256sumWritesAndNothingElse() {
        String text = "# release\n" + "a".repeat(64) + "  go1.22.5.linux-amd64.tar.gz\n" + "b".repeat(64) + " *go1.22.5.windows-amd64.zip\r\n";

        ChecksumsFile f = ChecksumsFile.parse(text).orElseThrow();

        assertEquals("a".repeat(64), f.digest("go1.22.5.linux-amd64.tar.gz").orElseThrow().hex());
        assertEquals("b".repeat(64), f.digest("go1.22.5.windows-amd64.zip").orElseThrow().hex());
        assertTrue(ChecksumsFile.parse("not a checksum line\n").isEmpty());
        assertTrue(ChecksumsFile.parse("a".repeat(64) + "  f\n" + "c".repeat(64) + "  f\n").isEmpty(), "one file, two digests");
    }
}
