package dev.jgvm.cli;

import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.GnuPG;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jgvm keys} with keys exported by the real GnuPG, armored and binary, RSA and Ed25519. */
class KeysIT {
    @TempDir static Path shared;
    static GnuPG gpg;
    static String rsa;
    static String ed;
    @TempDir Path tmp;

    @BeforeAll
    static void makeKeys() {
        gpg = GnuPG.in(shared);
        rsa = gpg.generateKey("Corp Release <release@corp.example>", "rsa2048");
        ed = gpg.generateKey("Build Bot <bot@corp.example>", "ed25519");
    }

    private Cli jgvm() { return Cli.inProcess(Env.of("JGVM_HOME", tmp.resolve("jgvm"), "HOME", tmp).withCwd(tmp)); }

    @Test
    void importsAnArmoredKeyWhenTheFingerprintMatches() throws IOException {
        Path key = gpg.exportPublic(rsa, tmp.resolve("corp.asc"), true);
        String spaced = rsa.replaceAll("(.{4})", "$1 ").strip();

        CliResult r = jgvm().run("keys", "import", key.toString(), "--fingerprint", spaced.toLowerCase());
        CliResult list = jgvm().run("keys", "list");

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(rsa + "\n", r.out());
        assertTrue(r.err().contains("info: trusted "), r.err());
        assertTrue(r.err().contains("Corp Release <release@corp.example>"), r.err());
        assertTrue(Files.isRegularFile(tmp.resolve("jgvm/keys/" + rsa + ".asc")));
        assertTrue(list.out().startsWith("EB4C1BFD4F042F6DDDCCEC917721F63BD38B4796  "), list.out());
        assertTrue(list.out().lines().findFirst().orElseThrow().endsWith("(built-in)"), list.out());
        assertTrue(list.out().contains(rsa + "  Corp Release <release@corp.example>\n"), list.out());
    }

    @Test
    void importsABinaryEd25519KeyWithYes() {
        Path key = gpg.exportPublic(ed, tmp.resolve("bot.gpg"), false);

        CliResult r = jgvm().run("keys", "import", key.toString(), "--yes");

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(ed + "\n", r.out());
    }

    @Test
    void refusesAKeyWhoseFingerprintDiffers() {
        Path key = gpg.exportPublic(rsa, tmp.resolve("corp.asc"), true);

        CliResult r = jgvm().run("keys", "import", key.toString(), "--fingerprint", ed);

        assertEquals(4, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("info: key " + KeysCommandSpacing.spaced(rsa) + " Corp Release <release@corp.example>\n"
                + "error: '" + key + "' does not hold the key "), r.err());
        assertFalse(Files.exists(tmp.resolve("jgvm/keys/" + rsa + ".asc")));
    }

    @Test
    void refusesToImportWithoutAFingerprintOrYes() {
        Path key = gpg.exportPublic(rsa, tmp.resolve("corp.asc"), true);

        CliResult r = jgvm().run("keys", "import", key.toString());

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("info: key " + KeysCommandSpacing.spaced(rsa) + " Corp Release <release@corp.example>\n"
                + "error: importing a key needs --fingerprint FPR (checked) or --yes (taken as is)\nhint: "), r.err());
    }

    @Test
    void refusesAFileWithNoKey() throws IOException {
        Path junk = Files.writeString(tmp.resolve("junk.asc"), "not a key\n");

        CliResult r = jgvm().run("keys", "import", junk.toString(), "--yes");

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: '" + junk + "' holds no OpenPGP public key"), r.err());
    }

    @Test
    void removesAKeyButNeverTheBuiltInOne() {
        Path key = gpg.exportPublic(rsa, tmp.resolve("corp.asc"), true);
        jgvm().run("keys", "import", key.toString(), "--yes");

        CliResult removed = jgvm().run("keys", "remove", rsa);
        CliResult builtIn = jgvm().run("keys", "remove", "EB4C 1BFD 4F04 2F6D DDCC  EC91 7721 F63B D38B 4796");
        CliResult unknown = jgvm().run("keys", "remove", rsa);

        assertEquals(0, removed.exitCode(), removed.toString());
        assertFalse(Files.exists(tmp.resolve("jgvm/keys/" + rsa + ".asc")));
        assertEquals(2, builtIn.exitCode());
        assertEquals(3, unknown.exitCode());
    }

    @Test
    void removeAsJsonNamesTheKeyAndNonsenseIsAUsageError() {
        Path key = gpg.exportPublic(ed, tmp.resolve("bot.asc"), true);
        jgvm().run("keys", "import", key.toString(), "--yes");

        CliResult removed = jgvm().run("keys", "remove", ed, "--json");
        CliResult nonsense = jgvm().run("keys", "remove", "nothex");

        assertEquals(0, removed.exitCode(), removed.toString());
        assertEquals("[\n  {\n    \"fingerprint\": \"" + ed + "\",\n    \"user_ids\": \"Build Bot <bot@corp.example>\"\n  }\n]\n", removed.out());
        assertEquals(2, nonsense.exitCode(), nonsense.toString());
        assertTrue(nonsense.err().startsWith("error: 'nothex' is not a key fingerprint\nhint: "), nonsense.err());
    }

    @Test
    void showsEveryKeyInTheFileBeforeItRefuses() throws IOException {
        Path both = twoKeys();

        CliResult noChoice = jgvm().run("keys", "import", both.toString());
        CliResult wrong = jgvm().run("-q", "keys", "import", both.toString(), "--fingerprint", "0123456789ABCDEF0123456789ABCDEF01234567");

        for (CliResult r : List.of(noChoice, wrong)) {
            int error = r.err().indexOf("error: ");
            assertTrue(error > 0, r.err());
            String before = r.err().substring(0, error);
            assertTrue(before.contains(KeysCommandSpacing.spaced(rsa)) && before.contains("Corp Release <release@corp.example>"), r.err());
            assertTrue(before.contains(KeysCommandSpacing.spaced(ed)) && before.contains("Build Bot <bot@corp.example>"), r.err());
        }
        assertEquals(2, noChoice.exitCode());
        assertEquals(4, wrong.exitCode());
        assertFalse(Files.exists(tmp.resolve("jgvm/keys")) && Files.list(tmp.resolve("jgvm/keys")).findAny().isPresent());
    }

    @Test
    void trustsOnlyTheKeyTheFingerprintNamesThoughItShowsAll() throws IOException {
        Path both = twoKeys();

        CliResult r = jgvm().run("keys", "import", both.toString(), "--fingerprint", ed);

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(ed + "\n", r.out());
        assertTrue(r.err().contains(KeysCommandSpacing.spaced(rsa)), r.err());
        assertTrue(Files.isRegularFile(tmp.resolve("jgvm/keys/" + ed + ".asc")));
        assertFalse(Files.exists(tmp.resolve("jgvm/keys/" + rsa + ".asc")));
    }

    @Test
    void warnsAboutAndRefusesARevokedKeyUnlessYes() {
        String key = gpg.generateKey("Gone <gone@corp.example>", "ed25519");
        gpg.revokeKey(key);
        Path file = gpg.exportPublic(key, tmp.resolve("gone.asc"), true);

        CliResult refused = jgvm().run("keys", "import", file.toString(), "--fingerprint", key);
        CliResult forced = jgvm().run("keys", "import", file.toString(), "--fingerprint", key, "--yes");

        assertEquals(4, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("warn: key " + KeysCommandSpacing.spaced(key) + " is revoked"), refused.err());
        assertTrue(refused.err().contains("error: "), refused.err());
        assertEquals(0, forced.exitCode(), forced.toString());
        assertTrue(forced.err().contains("is revoked"), forced.err());
        assertTrue(Files.isRegularFile(tmp.resolve("jgvm/keys/" + key + ".asc")));
    }

    @Test
    void warnsAboutAndRefusesAnExpiredKeyUnlessYes() {
        java.time.Instant longAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(20));
        String key = gpg.generateKeyAt("Old <old@corp.example>", "ed25519", longAgo);
        gpg.setExpiry(key, null, "1d", longAgo.plusSeconds(3600));
        Path file = gpg.exportPublic(key, tmp.resolve("old.asc"), true);

        CliResult refused = jgvm().run("keys", "import", file.toString(), "--fingerprint", key);
        boolean trustedAfterRefusal = Files.exists(tmp.resolve("jgvm/keys/" + key + ".asc"));
        CliResult forced = jgvm().run("keys", "import", file.toString(), "--yes");

        assertEquals(4, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("warn: key " + KeysCommandSpacing.spaced(key) + " expired on "), refused.err());
        assertFalse(trustedAfterRefusal);
        assertEquals(0, forced.exitCode(), forced.toString());
        assertTrue(forced.err().contains(" expired on "), forced.err());
    }

    @Test
    void warnsAboutAndRefusesAKeyThatCannotSign() {
        String key = gpg.generateKeyWithUsage("Mailbox <mail@corp.example>", "ed25519", "cert");
        gpg.addSubkey(key, "cv25519", "encr", null);
        Path file = gpg.exportPublic(key, tmp.resolve("mail.asc"), true);

        CliResult refused = jgvm().run("keys", "import", file.toString(), "--fingerprint", key);

        assertEquals(4, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("warn: key " + KeysCommandSpacing.spaced(key) + " cannot sign"), refused.err());
        assertFalse(Files.exists(tmp.resolve("jgvm/keys/" + key + ".asc")));
    }

    private Path twoKeys() throws IOException {
        Path a = gpg.exportPublic(rsa, tmp.resolve("a.gpg"), false);
        Path b = gpg.exportPublic(ed, tmp.resolve("b.gpg"), false);
        Path both = tmp.resolve("both.gpg");
        Files.write(both, Files.readAllBytes(a));
        Files.write(both, Files.readAllBytes(b), java.nio.file.StandardOpenOption.APPEND);
        return both;
    }

    /** Fingerprints as jgvm prints them: groups of four, two spaces in the middle (as GnuPG does). */
    static final class KeysCommandSpacing {
        static String spaced(String fpr) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < fpr.length(); i += 4) b.append(i == 0 ? "" : i == 20 ? "  " : " ").append(fpr, i, i + 4);
            return b.toString();
        }
    }
}
