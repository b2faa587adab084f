package dev.jgvm.core.archive;

import dev.jgvm.core.archive.ArchiveExtractor.Layout;
import dev.jgvm.core.archive.ArchiveExtractor.Limits;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.verify.TreeHash;
import dev.jgvm.fixtures.ArchiveBuilder;
import dev.jgvm.fixtures.FixtureDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchiveExtractorTest {
    @TempDir Path tmp;

    @Test
    void extractsAnOfficialTarGzKeepingExecutableBits() throws IOException {
        Path archive = FixtureDistribution.of("1.22.5").writeTarGz(tmp);
        Path target = Files.createDirectory(tmp.resolve("goroot"));

        ArchiveExtractor.Result r = new ArchiveExtractor().extract(archive, Layout.OFFICIAL, target);

        assertTrue(Files.isExecutable(target.resolve("bin/go")));
        assertTrue(Files.isExecutable(target.resolve("pkg/tool/linux_amd64/vet")));
        assertFalse(Files.isExecutable(target.resolve("src/fmt/print.go")));
        assertEquals("go1.22.5", Files.readAllLines(target.resolve("VERSION")).get(0));
        assertEquals(TreeHash.of(target, TreeHash.Kind.CRC32C), r.treeHash());
    }

    @Test
    void extractsAnOfficialZipWithItsUnixModes() throws IOException {
        Path archive = FixtureDistribution.of("1.22.5", "windows", "amd64").writeZip(tmp);
        Path target = Files.createDirectory(tmp.resolve("goroot"));

        new ArchiveExtractor().extract(archive, Layout.OFFICIAL, target);

        assertTrue(Files.isExecutable(target.resolve("bin/go")));
        assertTrue(Files.isRegularFile(target.resolve("src/cmd/go.mod")));
    }

    @Test
    void appliesCmdGoFixUpsToModuleZips() throws IOException {
        Path archive = FixtureDistribution.of("1.22.5").writeModuleZip(tmp);
        Path target = Files.createDirectory(tmp.resolve("goroot"));

        new ArchiveExtractor().extract(archive, Layout.MODULE, target);

        assertTrue(Files.isExecutable(target.resolve("bin/go")), "bin/* made executable");
        assertTrue(Files.isExecutable(target.resolve("pkg/tool/linux_amd64/vet")), "pkg/tool/** made executable");
        assertTrue(Files.isRegularFile(target.resolve("src/cmd/go.mod")), "_go.mod renamed back");
        assertFalse(Files.exists(target.resolve("src/cmd/_go.mod")));
        assertFalse(Files.isExecutable(target.resolve("src/fmt/print.go")));
    }

    @Test
    void keepsLinksThatStayInsideTheTree() throws IOException {
        Path archive = base(b -> b.file("go/lib/real.txt", "x", 0644).symlink("go/lib/link.txt", "real.txt")
                .symlink("go/misc/up", "../lib/real.txt")).write(tmp.resolve("ok.tar.gz"));
        Path target = Files.createDirectory(tmp.resolve("goroot"));

        new ArchiveExtractor().extract(archive, Layout.OFFICIAL, target);

        assertEquals("x", Files.readString(target.resolve("misc/up")));
        assertTrue(Files.isSymbolicLink(target.resolve("lib/link.txt")));
    }

    @Test
    void filesLargerThanAllWriteBuffersTogetherArriveWhole() throws IOException {
        // 20 MB each, more than the writers' 8 MiB of buffers: the reader waits for them, nothing is lost or reordered.
        String text = "0123456789abcdef".repeat(1 << 10);
        ArchiveBuilder b = ArchiveBuilder.tarGz().minimalGo("1.22.5").zeros("go/pkg/tool/linux_amd64/compile", 20_000_000)
                .zeros("go/bin/gofmt", 20_000_003);
        for (int d = 0; d < 40; d++) for (int f = 0; f < 5; f++) b.file("go/src/d" + d + "/f" + f + ".go", d + "/" + f + text, 0644);
        Path archive = b.write(tmp.resolve("large.tar.gz"));
        Path target = Files.createDirectory(tmp.resolve("goroot"));

        ArchiveExtractor.Result r = new ArchiveExtractor().extract(archive, Layout.OFFICIAL, target);

        assertEquals(20_000_000, Files.size(target.resolve("pkg/tool/linux_amd64/compile")));
        assertEquals(20_000_003, Files.size(target.resolve("bin/gofmt")));
        assertEquals("39/4" + text, Files.readString(target.resolve("src/d39/f4.go")));
        assertEquals(TreeHash.of(target, TreeHash.Kind.CRC32C), r.treeHash());
        try (var files = Files.walk(target)) {
            assertEquals(files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum(), r.bytes());
        }
        assertEquals(4 + 40 * 5, r.entries(), "VERSION, bin/go, compile, gofmt and 200 sources (dirs implied)");
    }

    @Test
    void aPathRepeatedInTheArchiveEndsWithTheLaterContent() throws IOException {
        Path archive = ArchiveBuilder.tarGz().minimalGo("1.22.5").file("go/src/x.go", "first", 0644).file("go/src/y.go", "y", 0644)
                .file("go/src/x.go", "second", 0644).write(tmp.resolve("repeat.tar.gz"));
        Path target = Files.createDirectory(tmp.resolve("goroot"));

        ArchiveExtractor.Result r = new ArchiveExtractor().extract(archive, Layout.OFFICIAL, target);

        assertEquals("second", Files.readString(target.resolve("src/x.go")));
        assertEquals(TreeHash.of(target, TreeHash.Kind.CRC32C), r.treeHash());
    }

    @Test
    void aFileThatCannotBeWrittenFailsTheExtraction() throws IOException {
        // A directory entry, then a file of the same name: the write fails on a writer thread and surfaces here.
        Path archive = ArchiveBuilder.tarGz().minimalGo("1.22.5").dir("go/src/x/").file("go/src/x", "not a dir", 0644)
                .file("go/src/z.go", "z", 0644).write(tmp.resolve("clash.tar.gz"));
        Path target = Files.createDirectory(tmp.resolve("goroot"));

        IOException e = assertThrows(IOException.class, () -> new ArchiveExtractor().extract(archive, Layout.OFFICIAL, target));

        assertTrue(e.getMessage().contains("src/x"), e.getMessage());
    }

    @Test
    void refusesPathTraversal() {
        assertRefused(b -> b.file("go/../../evil.sh", "boom", 0755), "has a '..' path segment");
    }

    @Test
    void refusesAbsolutePaths() {
        assertRefused(b -> b.file("/tmp/evil.sh", "boom", 0755), "has an absolute path");
    }

    @Test
    void refusesEntriesOutsideTheGoDirectory() {
        assertRefused(b -> b.file("other/file", "x", 0644), "lies outside the top-level go/ directory");
    }

    @Test
    void refusesAbsoluteSymlinks() {
        assertRefused(b -> b.symlink("go/bin/evil", "/etc/passwd"), "is a link to an absolute path '/etc/passwd'");
    }

    @Test
    void refusesSymlinksThatClimbOutOfTheTree() {
        assertRefused(b -> b.symlink("go/bin/evil", "../../../etc"), "is a link that resolves outside the GOROOT");
    }

    @Test
    void refusesSymlinksThatClimbThroughAnotherLink() {
        assertRefused(b -> b.symlink("go/a/l", "..").symlink("go/b", "a/l/../.."), "climbs after descending");
    }

    @Test
    void refusesWritingThroughALinkPlantedEarlier() {
        assertRefused(b -> b.symlink("go/lib", ".").file("go/lib/../x", "y", 0644), "has a '..' path segment");
    }

    @Test
    void refusesHardLinksToFilesOutsideTheArchive() {
        assertRefused(b -> b.hardlink("go/bin/evil", "/etc/shadow"), "is a hard link to '/etc/shadow'");
    }

    @Test
    void refusesDeviceFiles() {
        assertRefused(b -> b.charDevice("go/dev/null"), "is a device file or FIFO");
    }

    @Test
    void refusesFifos() {
        assertRefused(b -> b.fifo("go/pipe"), "is a device file or FIFO");
    }

    @Test
    void refusesZipDeviceEntries() throws IOException {
        Path archive = ArchiveBuilder.zip().minimalGo("1.22.5").charDevice("go/dev/tty").write(tmp.resolve("dev.zip"));
        Path target = Files.createDirectory(tmp.resolve("goroot"));

        VerificationException e = assertThrows(VerificationException.class,
                () -> new ArchiveExtractor().extract(archive, Layout.OFFICIAL, target));

        assertTrue(e.getMessage().contains("is a device file, FIFO or socket"), e.getMessage());
    }

    @Test
    void refusesBombsByTheirExpansionRatio() throws IOException {
        Path archive = base(b -> b.zeros("go/bomb", 200L << 20)).write(tmp.resolve("bomb.tar.gz"));
        Path target = Files.createDirectory(tmp.resolve("goroot"));

        VerificationException e = assertThrows(VerificationException.class,
                () -> new ArchiveExtractor().extract(archive, Layout.OFFICIAL, target));

        assertTrue(e.getMessage().contains("expands more than 100 times"), e.getMessage());
        assertEquals(4, e.exitCode().code());
    }

    @Test
    void refusesZipBombsByTheirExpansionRatio() throws IOException {
        Path archive = ArchiveBuilder.zip().minimalGo("1.22.5").zeros("go/bomb", 200L << 20).write(tmp.resolve("bomb.zip"));
        Path target = Files.createDirectory(tmp.resolve("goroot"));

        VerificationException e = assertThrows(VerificationException.class,
                () -> new ArchiveExtractor().extract(archive, Layout.OFFICIAL, target));

        assertTrue(e.getMessage().contains("an archive bomb"), e.getMessage());
    }

    @Test
    void refusesArchivesPastTheTotalSize() throws IOException {
        Path archive = base(b -> b.file("go/a", "x".repeat(600), 0644).file("go/b", "y".repeat(600), 0644)).write(tmp.resolve("big.tar.gz"));
        Path target = Files.createDirectory(tmp.resolve("goroot"));
        ArchiveExtractor small = new ArchiveExtractor(new Limits(1000, 100, Long.MAX_VALUE, 100));

        VerificationException e = assertThrows(VerificationException.class, () -> small.extract(archive, Layout.OFFICIAL, target));

        assertTrue(e.getMessage().contains("past 1000 bytes unpacked"), e.getMessage());
    }

    @Test
    void refusesArchivesWithTooManyEntries() throws IOException {
        ArchiveBuilder b = ArchiveBuilder.tarGz().minimalGo("1.22.5");
        for (int i = 0; i < 50; i++) b.file("go/src/f" + i, "", 0644);
        Path archive = b.write(tmp.resolve("many.tar.gz"));
        Path target = Files.createDirectory(tmp.resolve("goroot"));
        ArchiveExtractor small = new ArchiveExtractor(new Limits(1 << 20, 20, Long.MAX_VALUE, 100));

        VerificationException e = assertThrows(VerificationException.class, () -> small.extract(archive, Layout.OFFICIAL, target));

        assertTrue(e.getMessage().contains("past the limit of 20 entries"), e.getMessage());
    }

    @Test
    void refusesModuleZipEntriesOutsideTheModule() throws IOException {
        Path archive = ArchiveBuilder.zip().file("golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64/bin/go", "x", 0644)
                .file("golang.org/toolchain@v0.0.1-go1.22.6.linux-amd64/bin/go", "y", 0644).write(tmp.resolve("m.zip"));
        Path target = Files.createDirectory(tmp.resolve("goroot"));

        VerificationException e = assertThrows(VerificationException.class,
                () -> new ArchiveExtractor().extract(archive, Layout.MODULE, target));

        assertTrue(e.getMessage().contains("outside its golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64/ directory"), e.getMessage());
    }

    @Test
    void refusesFilesThatAreNotArchives() throws IOException {
        Path html = Files.writeString(tmp.resolve("go1.22.5.linux-amd64.tar.gz"), "<html>not found</html>");

        VerificationException e = assertThrows(VerificationException.class,
                () -> new ArchiveExtractor().extract(html, Layout.OFFICIAL, tmp));

        assertEquals("'go1.22.5.linux-amd64.tar.gz' is neither a .tar.gz nor a .zip archive", e.getMessage());
    }

    private static ArchiveBuilder base(UnaryOperator<ArchiveBuilder> extra) {
        return extra.apply(ArchiveBuilder.tarGz().minimalGo("1.22.5"));
    }

    private void assertRefused(UnaryOperator<ArchiveBuilder> hostile, String why) {
        Path archive = base(hostile).write(tmp.resolve("hostile.tar.gz"));
        Path target = tmp.resolve("goroot");
        try {
            Files.createDirectory(target);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }

        VerificationException e = assertThrows(VerificationException.class,
                () -> new ArchiveExtractor().extract(archive, Layout.OFFICIAL, target));

        assertTrue(e.getMessage().startsWith("unsafe archive: entry '"), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("evil.sh")));
        assertFalse(Files.exists(tmp.getParent().resolve("evil.sh")));
    }
}
