package dev.jgvm.core.archive;

import dev.jgvm.core.archive.ArchiveExtractor.Layout;
import dev.jgvm.core.archive.ArchiveExtractor.Limits;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.verify.sumdb.Dirhash;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.fixtures.ArchiveBuilder;
import dev.jgvm.fixtures.FixtureDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules a module zip obeys before it is hashed or extracted, and the h1: over what passes them. */
class ModuleZipTest {
    private static final FixtureDistribution GO = FixtureDistribution.of("1.22.5");
    private static final String PREFIX = ModuleZip.prefix(GoVersion.parse("1.22.5"), Platform.parse("linux/amd64"));
    @TempDir Path tmp;

    private String hash(Path zip) throws IOException { return ModuleZip.hash(zip, zip.getFileName().toString(), PREFIX, Limits.DEFAULT); }

    @Test
    void anHonestZipHashesAsGoHashesIt() throws IOException {
        Path zip = GO.writeModuleZip(tmp);

        assertEquals("golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64/", PREFIX);
        assertEquals(Dirhash.ofZip(zip), hash(zip));
    }

    @Test
    void aNameTwiceIsRefusedBeforeHashingAndBeforeExtracting() throws IOException {
        Path zip = GO.writeModuleZipWithShadowedGo(tmp, "#!/bin/sh\necho pwned\n");

        VerificationException hashed = assertThrows(VerificationException.class, () -> hash(zip));
        VerificationException extracted = assertThrows(VerificationException.class,
                () -> new ArchiveExtractor().extractZip(zip, Layout.MODULE, Files.createDirectories(tmp.resolve("x"))));

        assertEquals(VerificationException.Kind.UNSAFE_ARCHIVE, hashed.kind());
        assertTrue(hashed.getMessage().endsWith("holds '" + PREFIX + "bin/go' twice"), hashed.getMessage());
        assertEquals(hashed.getMessage(), extracted.getMessage());
        assertFalse(Files.exists(tmp.resolve("x/bin/go")));
    }

    @Test
    void namesThatDifferOnlyInCaseAreRefused() {
        Path zip = ArchiveBuilder.writeStoredZip(tmp.resolve("v.zip"), List.of(entry("bin/go"), entry("bin/Go")), 0, 1);

        VerificationException e = assertThrows(VerificationException.class, () -> hash(zip));

        assertTrue(e.getMessage().contains("which differ only in case"), e.getMessage());
    }

    @Test
    void anEntryOutsideThePrefixIsRefused() {
        Path zip = ArchiveBuilder.writeStoredZip(tmp.resolve("v.zip"),
                List.of(entry("bin/go"), Map.entry("golang.org/toolchain@v0.0.1-go1.21.13.linux-amd64/bin/go", bytes("x"))), 0, 1);

        VerificationException e = assertThrows(VerificationException.class, () -> hash(zip));

        assertTrue(e.getMessage().contains("outside its " + PREFIX + " directory"), e.getMessage());
    }

    @Test
    void aPathThatIsNotCleanIsRefused() {
        Path zip = ArchiveBuilder.writeStoredZip(tmp.resolve("v.zip"), List.of(entry("bin/go"), entry("bin/../bin/go")), 0, 1);

        VerificationException e = assertThrows(VerificationException.class, () -> hash(zip));

        assertTrue(e.getMessage().contains("which is not a clean relative path"), e.getMessage());
    }

    @Test
    void aSymbolicLinkIsRefused() {
        Path zip = ArchiveBuilder.zip().file(PREFIX + "bin/go", "#!/bin/sh\n", 0755).symlink(PREFIX + "bin/sh", "go").write(tmp.resolve("v.zip"));

        VerificationException e = assertThrows(VerificationException.class, () -> hash(zip));

        assertTrue(e.getMessage().contains("'" + PREFIX + "bin/sh', which is neither a regular file nor a directory"), e.getMessage());
    }

    @Test
    @Timeout(10)
    void aBombIsRefusedFromWhatItDeclaresBeforeAByteIsInflated() {
        Path zip = ArchiveBuilder.zip().file(PREFIX + "bin/go", "#!/bin/sh\n", 0755).zeros(PREFIX + "zeros", 64L << 20).write(tmp.resolve("v.zip"));
        Limits small = new Limits(32L << 20, 1000, 1L << 20, 100);

        VerificationException e = assertThrows(VerificationException.class, () -> ModuleZip.hash(zip, "v.zip", PREFIX, small));

        assertTrue(e.getMessage().contains("declares more than 33554432 bytes unpacked"), e.getMessage());
    }

    @Test
    void aHighExpansionRatioIsRefused() {
        Path zip = ArchiveBuilder.zip().file(PREFIX + "bin/go", "#!/bin/sh\n", 0755).zeros(PREFIX + "zeros", 8L << 20).write(tmp.resolve("v.zip"));
        Limits ratio = new Limits(1L << 30, 1000, 1L << 20, 100);

        VerificationException e = assertThrows(VerificationException.class, () -> ModuleZip.hash(zip, "v.zip", PREFIX, ratio));

        assertTrue(e.getMessage().contains("(an archive bomb)"), e.getMessage());
    }

    private static Map.Entry<String, byte[]> entry(String path) { return Map.entry(PREFIX + path, bytes("#!/bin/sh\n")); }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
