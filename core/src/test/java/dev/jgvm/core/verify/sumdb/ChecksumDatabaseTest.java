package dev.jgvm.core.verify.sumdb;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.fixtures.RealSamples;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checksum-database client against a log built here, and the real sum.golang.org samples. */
class ChecksumDatabaseTest {
    private static final String MODULE = "golang.org/toolchain";
    private static final String VERSION = "v0.0.1-go1.22.5.linux-amd64";
    private static final String ZIP_HASH = "h1:" + Base64.getEncoder().encodeToString("the zip's hash, 32 bytes long!!!".getBytes(StandardCharsets.UTF_8));
    @TempDir Path tmp;
    TestLog log;
    Path served;

    @BeforeEach
    void buildALog() {
        log = new TestLog("sum.example.test").fill(300).add(MODULE, VERSION, ZIP_HASH).fill(400);
        served = tmp.resolve("db");
    }

    private ChecksumDatabase client() {
        return new ChecksumDatabase(HttpClient.create(Settings.Network.defaults(), "test"),
                Note.Verifier.parse(log.verifierKey), tmp.resolve("state"));
    }

    private ChecksumDatabase.Record lookup() { return client().lookup(served.toUri(), MODULE, VERSION); }

    @ParameterizedTest(name = "tree of {0} records")
    @ValueSource(ints = {301, 302, 512, 700, 701})
    void provesARecordIncludedInTreesOfAnyShape(int size) throws IOException {
        log.write(served, size);

        ChecksumDatabase.Record r = lookup();

        assertEquals(300, r.id());
        assertEquals(ZIP_HASH, r.zipHash(MODULE, VERSION).orElseThrow());
        assertEquals(size, r.tree().size());
    }

    @Test
    void aNoteSignedByAnotherKeyIsRefused() throws IOException {
        log.write(served, 701);
        Ed25519PrivateKeyParameters other = new Ed25519PrivateKeyParameters(new SecureRandom());
        String forged = log.note(701, log.root(701), other, log.name);
        Path lookup = served.resolve("lookup/" + MODULE + "@" + VERSION);
        String body = Files.readString(lookup);
        Files.writeString(lookup, body.substring(0, body.indexOf("go.sum database tree")) + forged);

        VerificationException e = assertThrows(VerificationException.class, this::lookup);

        assertTrue(e.getMessage().contains("is not signed by 'sum.example.test'"), e.getMessage());
    }

    @Test
    void aRecordThatIsNotTheLeafIsRefused() throws IOException {
        log.write(served, 701);
        Path lookup = served.resolve("lookup/" + MODULE + "@" + VERSION);
        Files.writeString(lookup, Files.readString(lookup).replace(ZIP_HASH, "h1:" + Base64.getEncoder().encodeToString(new byte[32])));

        VerificationException e = assertThrows(VerificationException.class, this::lookup);

        assertTrue(e.getMessage().contains("is not in the checksum database's signed tree"), e.getMessage());
    }

    @Test
    void aTamperedTileBreaksTheInclusionProof() throws IOException {
        log.write(served, 701);
        Path tile = served.resolve(Tiles.path(0, 2, 189));
        Files.write(tile, TestLog.flip(Files.readAllBytes(tile)));

        VerificationException e = assertThrows(VerificationException.class, this::lookup);

        assertTrue(e.getMessage().contains("the inclusion proof fails"), e.getMessage());
    }

    @Test
    void aModuleMissingFromTheLogIsNotFound() throws IOException {
        log.write(served, 701);

        assertThrows(VersionNotFoundException.class, () -> client().lookup(served.toUri(), MODULE, "v0.0.1-go1.99.0.linux-amd64"));
    }

    @Test
    void aGrowingLogIsProvenConsistentWithTheTreeSeenBefore() throws IOException {
        log.write(served, 301);
        lookup();
        log.write(served, 701);

        assertEquals(701, lookup().tree().size());
        assertTrue(Files.readString(tmp.resolve("state/sum.example.test/latest")).contains("\n701\n"));
    }

    @Test
    void anOlderTreeProvenConsistentWithTheOneSeenIsAcceptedAsALaggingProxy() throws IOException {
        log.write(served, 701);
        lookup();
        // A proxy that has not caught up: it serves the tree of 512 records, a prefix of the one seen.
        log.write(served, 512);

        ChecksumDatabase.Record r = lookup();

        assertEquals(512, r.tree().size());
        assertEquals(ZIP_HASH, r.zipHash(MODULE, VERSION).orElseThrow());
        assertTrue(Files.readString(tmp.resolve("state/sum.example.test/latest")).contains("\n701\n"), "the newest tree seen stays the newest");
    }

    @Test
    void anOlderTreeThatIsNoPrefixOfTheOneSeenIsRefused() throws IOException {
        log.write(served, 701);
        lookup();
        // A rollback to another history: record 450 differs, so the older tree is no prefix of the one seen.
        log.records.set(450, "example.com/evil v6.6.6 h1:AAAA\n".getBytes(StandardCharsets.UTF_8));
        log.write(served, 512);

        VerificationException e = assertThrows(VerificationException.class, this::lookup);

        assertTrue(e.getMessage().contains("tree of 512 records is older than the tree of 701 records seen before and not a prefix of it"), e.getMessage());
        assertTrue(Files.readString(tmp.resolve("state/sum.example.test/latest")).contains("\n701\n"));
    }

    @Test
    void aForkedTreeIsRefused() throws IOException {
        log.write(served, 400);
        lookup();
        // Another history: record 350 differs, so every tree after it is a fork of the one seen.
        log.records.set(350, "example.com/evil v6.6.6 h1:AAAA\n".getBytes(StandardCharsets.UTF_8));
        log.write(served, 701);

        VerificationException e = assertThrows(VerificationException.class, this::lookup);

        assertTrue(e.getMessage().contains("the log forked"), e.getMessage());
    }

    @Test
    void theSameSizeWithAnotherRootIsAFork() throws IOException {
        log.write(served, 701);
        lookup();
        log.records.set(650, "example.com/evil v6.6.6 h1:AAAA\n".getBytes(StandardCharsets.UTF_8));
        log.write(served, 701);

        VerificationException e = assertThrows(VerificationException.class, this::lookup);

        assertTrue(e.getMessage().contains("the log forked"), e.getMessage());
    }

    @Test
    void consistencyProofsCheckBetweenEverySizeAndFailWhenTampered() {
        log.fill(100);
        for (int oldSize : new int[] {1, 2, 3, 7, 256, 300, 511, 512}) {
            for (int newSize : new int[] {oldSize + 1, 513, 700, 801}) {
                if (newSize <= oldSize || newSize > log.records.size()) continue;
                List<List<byte[]>> lv = log.levels(newSize);
                Tlog.Hashes h = (level, index) -> lv.get(level).get((int) index);
                List<byte[]> proof = Tlog.consistencyProof(h, oldSize, newSize);

                assertTrue(Tlog.checkConsistency(proof, oldSize, log.root(oldSize), newSize, log.root(newSize)), oldSize + " -> " + newSize);
                assertFalse(Tlog.checkConsistency(proof, oldSize, TestLog.flip(log.root(oldSize)), newSize, log.root(newSize)));
                if (!proof.isEmpty()) {
                    proof.set(0, TestLog.flip(proof.get(0)));
                    assertFalse(Tlog.checkConsistency(proof, oldSize, log.root(oldSize), newSize, log.root(newSize)));
                }
            }
        }
    }

    @Test
    void theRealSumGolangOrgNotesVerifyAndAForgedSizeDoesNot() throws IOException {
        String samples = RealSamples.text("sumdb-samples.txt");
        Note.Verifier sumGolangOrg = Note.Verifier.parse(Note.Verifier.SUM_GOLANG_ORG);
        String latest = section(samples, "### /latest response (signed tree head only)");
        String negative = section(samples, "### negative sample");

        assertTrue(Note.parse(latest).verify(sumGolangOrg).startsWith("go.sum database tree\n6476701\n"));
        assertThrows(VerificationException.class, () -> Note.parse(negative).verify(sumGolangOrg));
        String lookup = section(samples, "### /lookup response: GET https://sum.golang.org/lookup/golang.org/toolchain@v0.0.1-go1.21.9.linux-amd64");
        String note = lookup.substring(lookup.indexOf("\n\n") + 2);
        assertTrue(Note.parse(note).verify(sumGolangOrg).contains("\n28905453\n"));
        String record = lookup.substring(lookup.indexOf('\n') + 1, lookup.indexOf("\n\n") + 1);
        assertEquals("A/+TP2a1pyCJM2jsWxhtn8S+e4UYsO5MYbxns1Xhj+o=", Base64.getEncoder().encodeToString(Tlog.leafHash(record.getBytes(StandardCharsets.UTF_8))));
        String peter = section(samples, "### golang.org/x/mod sumdb/note documentation example");
        assertTrue(Note.parse(peter)
                .verify(Note.Verifier.parse("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")).startsWith("If you think"));
        assertEquals("x097/380", Tiles.encode(24929362L >> 8));
        assertEquals("tile/8/0/x097/380", Tiles.path(0, 97380, 256));
    }

    @Test
    void dirhashMatchesGosVectors() throws IOException {
        Path zip = tmp.resolve("m.zip");
        try (var z = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(Files.newOutputStream(zip))) {
            for (String[] f : new String[][] {{"xyz", "data for xyz"}, {"abc", "data for abc"}}) {
                z.putArchiveEntry(new org.apache.commons.compress.archivers.zip.ZipArchiveEntry(f[0]));
                z.write(f[1].getBytes(StandardCharsets.UTF_8));
                z.closeArchiveEntry();
            }
        }
        Path mod = tmp.resolve("mod.zip");
        try (var z = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(Files.newOutputStream(mod))) {
            z.putArchiveEntry(new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("go.mod"));
            z.write("module golang.org/toolchain\n".getBytes(StandardCharsets.UTF_8));
            z.closeArchiveEntry();
        }

        assertEquals("h1:EP6WfDoQTSk9klnxcjriWJOGztueJUywHNmWeq+efB8=", Dirhash.ofZip(zip));
        assertEquals("h1:8wlg68NqwW7eMnI1aABk/C2pDYXj8mrMY4TyRfiLeS0=", Dirhash.ofZip(mod));
    }

    // A sample's bytes: from the line after its header up to the blank line before the next header.
    private static String section(String all, String header) {
        int start = all.indexOf(header);
        start = all.indexOf('\n', start) + 1;
        int end = all.indexOf("\n### ", start);
        String s = all.substring(start, end < 0 ? all.length() : end + 1);
        StringBuilder b = new StringBuilder();
        for (String line : s.split("\n", -1)) if (!line.startsWith("#")) b.append(line).append('\n');
        String out = b.toString();
        while (out.endsWith("\n\n\n")) out = out.substring(0, out.length() - 1);
        return out.endsWith("\n\n") ? out.substring(0, out.length() - 1) : out;
    }

}
