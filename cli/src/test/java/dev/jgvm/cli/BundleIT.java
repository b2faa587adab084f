package dev.jgvm.cli;

import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.ArchiveBuilder;
import dev.jgvm.fixtures.FakeGoMirror;
import dev.jgvm.fixtures.GnuPG;
import dev.jgvm.fixtures.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Offline bundles made on a connected machine (the fake mirrors), checked by the real GnuPG and sha256sum, imported
 * on a machine whose mirrors and origin are closed ports; and every way a bundle can be tampered with installs nothing.
 */
class BundleIT {
    @TempDir static Path shared;
    static FakeGoMirror mirror;
    static GnuPG gpg;
    static String signer;
    static String stranger;
    static Path bundle;
    static Path unpacked;

    @TempDir Path tmp;

    @BeforeAll
    static void makeABundle() throws Exception {
        mirror = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start();
        gpg = GnuPG.in(shared);
        signer = gpg.generateKey("Bundle Maker <bundles@corp.example>", "ed25519");
        stranger = gpg.generateKey("Someone Else <else@example.com>", "rsa2048");
        Path secret = gpg.exportSecret(signer, shared.resolve("signing-key.asc"));
        Path home = shared.resolve("connected");
        Files.createDirectories(home.resolve("keys"));
        Files.writeString(home.resolve("config.toml"), mirror.configToml());
        Files.copy(mirror.trustedKey(), home.resolve("keys/mirror.asc"));
        Env env = Env.of("JGVM_HOME", home, "HOME", shared, "JGVM_PLATFORM", "linux/amd64").withCwd(shared);
        for (var e : mirror.env().entrySet()) env = env.with(e.getKey(), e.getValue());

        CliResult made = Cli.inProcess(env).run("bundle", "create", "1.22", "1.21.13", "--platform", "linux/amd64",
                "--sign-key", secret.toString(), "-o", "go-bundle.tar");

        assertEquals(0, made.exitCode(), made.toString());
        bundle = shared.resolve("go-bundle.tar");
        assertEquals(bundle + "\n", made.out());
        unpacked = Files.createDirectories(shared.resolve("unpacked"));
        sh(List.of("tar", "-xf", bundle.toString(), "-C", unpacked.toString()), unpacked);
    }

    @AfterAll
    static void stop() { mirror.close(); }

    private Cli offline(Path home, boolean trustSigner) throws IOException {
        Files.createDirectories(home.resolve("keys"));
        if (trustSigner) gpg.exportPublic(signer, home.resolve("keys/bundles.asc"), true);
        // Every way out is a closed port: any socket the import or later installs opened would fail loudly.
        return Cli.inProcess(Env.of("JGVM_HOME", home, "HOME", tmp, "JGVM_PLATFORM", "linux/amd64",
                "JGVM_MIRRORS", "dl+http://127.0.0.1:9/", "JGVM_ORIGINS", "https://127.0.0.1:9/",
                "JGVM_CONNECT_TIMEOUT", "1s", "JGVM_RETRIES", "0").withCwd(tmp));
    }

    @Test
    void theBundleIsWhatGnuPgAndSha256sumExpect() throws Exception {
        try (Stream<Path> s = Files.list(unpacked)) {
            assertEquals(List.of("checksums.txt", "go1.21.13.linux-amd64.tar.gz", "go1.22.5.linux-amd64.tar.gz", "index.json", "signature.asc"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        GnuPG other = GnuPG.in(Files.createDirectories(tmp.resolve("verifier")));
        other.importKey(gpg.exportPublic(signer, tmp.resolve("signer.asc"), true));

        assertTrue(other.verifies(unpacked.resolve("signature.asc"), unpacked.resolve("checksums.txt")), "gpg --verify accepts it");
        String check = sh(List.of("sha256sum", "-c", "checksums.txt"), unpacked);
        assertTrue(check.contains("go1.22.5.linux-amd64.tar.gz: OK") && check.contains("go1.21.13.linux-amd64.tar.gz: OK"), check);
        List<String> lines = Files.readAllLines(unpacked.resolve("checksums.txt"));
        assertEquals(lines.stream().sorted((a, b) -> a.substring(66).compareTo(b.substring(66))).toList(), lines, "sorted by file");
        assertTrue(Files.readString(unpacked.resolve("index.json")).contains("\"version\": \"go1.22.5\""));
    }

    @Test
    void importOnAMachineWithoutNetworkInstallsAndLaterInstallsNeedNoNetwork() throws IOException {
        Path home = tmp.resolve("airgap");
        Cli jgvm = offline(home, true);

        CliResult imported = jgvm.run("bundle", "import", bundle.toString());
        CliResult again = jgvm.run("install", "--offline", "1.21.13");
        CliResult remote = jgvm.run("list-remote");
        CliResult used = jgvm.run("use", "1.22");
        CliResult line = jgvm.run("install", "--force", "1.21");

        assertEquals(0, imported.exitCode(), imported.toString());
        assertEquals(home.resolve("versions/1.21.13") + "\n" + home.resolve("versions/1.22.5") + "\n", imported.out());
        assertTrue(Files.readString(home.resolve("meta/1.22.5.json")).contains("\"kind\": \"signed\""));
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals("1.22.5\n1.21.13\n", remote.out(), remote.toString());
        assertEquals(0, used.exitCode(), used.toString());
        assertEquals("1.22\n", Files.readString(tmp.resolve(".go-version")));
        assertEquals(0, line.exitCode(), "a line resolves from the cache when no mirror answers: " + line);
    }

    @Test
    void afterAnImportTheSameArchiveInstallsFromAFileWithoutADigest() throws IOException {
        Path home = tmp.resolve("from-file");
        Cli jgvm = offline(home, true);
        assertEquals(0, jgvm.run("bundle", "import", bundle.toString(), "--install", "none").exitCode());

        CliResult r = jgvm.run("install", "--from", unpacked.resolve("go1.21.13.linux-amd64.tar.gz").toString());

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(Files.readString(home.resolve("meta/1.21.13.json")).contains("listed in checksums.txt of bundle 'go-bundle.tar'"));
    }

    @Test
    void aChecksumsFileSignedByGnuPgImports() throws Exception {
        Path b = repack("gpg-signed.tar", d -> {
            Files.delete(d.resolve("signature.asc"));
            gpg.detachSign(signer, d.resolve("checksums.txt"), d.resolve("signature.asc"));
        });

        CliResult r = offline(tmp.resolve("gpg-home"), true).run("bundle", "import", b.toString());

        assertEquals(0, r.exitCode(), r.toString());
    }

    @Test
    void aBundleWorksAsAMirrorWithNoNetwork() throws IOException {
        Path home = tmp.resolve("bundle-mirror");
        Files.createDirectories(home.resolve("keys"));
        gpg.exportPublic(signer, home.resolve("keys/bundles.asc"), true);
        Files.writeString(home.resolve("config.toml"), "[[mirror]]\nname = \"usb\"\ntype = \"bundle\"\nurl = \"%s\"\n".formatted(bundle));
        Cli jgvm = Cli.inProcess(Env.of("JGVM_HOME", home, "HOME", tmp, "JGVM_PLATFORM", "linux/amd64",
                "JGVM_ORIGINS", "https://127.0.0.1:9/", "JGVM_CONNECT_TIMEOUT", "1s", "JGVM_RETRIES", "0").withCwd(tmp));

        CliResult remote = jgvm.run("list-remote");
        CliResult r = jgvm.run("install", "1.22");

        assertEquals("1.22.5\n1.21.13\n", remote.out(), remote.toString());
        assertEquals(0, r.exitCode(), r.toString());
        String meta = Files.readString(home.resolve("meta/1.22.5.json"));
        assertTrue(meta.contains("\"source\": \"usb\""), meta);
        assertTrue(meta.contains("\"kind\": \"signed\""), meta);
    }

    @Test
    void anUnpackedDirectoryImportsToo() throws IOException {
        Path home = tmp.resolve("dir");

        CliResult r = offline(home, true).run("bundle", "import", unpacked.toString(), "--install", "none");

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.out());
        assertTrue(Files.isRegularFile(home.resolve("cache/archives/go1.22.5.linux-amd64.tar.gz.json")));
        assertTrue(Files.exists(unpacked.resolve("go1.22.5.linux-amd64.tar.gz")), "the directory is left as it was");
    }

    @Test
    void anUnsignedBundleInstallsNothing() throws Exception {
        Path b = repack("unsigned.tar", d -> Files.delete(d.resolve("signature.asc")));

        assertRefused(b, "is not signed (no signature.asc)");
    }

    @Test
    void anUnsignedBundleIsAcceptedWhenTheMinimumWasLoweredAndItSaysSo() throws Exception {
        Path b = repack("unsigned-ok.tar", d -> Files.delete(d.resolve("signature.asc")));
        Path home = tmp.resolve("lowered");
        Cli jgvm = offline(home, false);
        Files.writeString(home.resolve("config.toml"), "[verify]\nminimum = \"mirror\"\n");

        CliResult r = jgvm.run("bundle", "import", b.toString());

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("warn: bundle 'unsigned-ok.tar' is not signed; accepted because [verify] minimum is 'mirror'"), r.err());
    }

    @Test
    void aSignatureByAnUntrustedKeyInstallsNothing() throws Exception {
        Path b = repack("stranger.tar", d -> gpg.detachSign(stranger, d.resolve("checksums.txt"), d.resolve("signature.asc")));

        assertRefused(b, "which jgvm does not trust");
    }

    @Test
    void aModifiedChecksumsFileInstallsNothing() throws Exception {
        Path b = repack("modified.tar", d -> Files.writeString(d.resolve("checksums.txt"),
                Files.readString(d.resolve("checksums.txt")).replace("go1.21.13", "go1.21.14")));

        assertRefused(b, "does not match the data (BAD signature)");
    }

    @Test
    void aSwappedArchiveInstallsNothing() throws Exception {
        Path b = repack("swapped.tar", d -> ArchiveBuilder.tarGz().minimalGo("1.22.5").write(d.resolve("go1.22.5.linux-amd64.tar.gz")));

        assertRefused(b, "a swapped or damaged archive");
    }

    @Test
    void anExtraUnlistedFileInstallsNothing() throws Exception {
        Path b = repack("extra.tar", d -> Files.writeString(d.resolve("install-me.sh"), "#!/bin/sh\n"));

        assertRefused(b, "holds 'install-me.sh', which checksums.txt does not list");
    }

    @Test
    void aTarWithPathTricksInstallsNothing() throws Exception {
        Path b = ArchiveBuilder.tarGz().file("../evil", "x", 0644).write(tmp.resolve("tricks.tar.gz"));
        Path plain = tmp.resolve("tricks.tar");
        sh(List.of("sh", "-c", "gzip -dc '" + b + "' > '" + plain + "'"), tmp);

        assertRefused(plain, "holds '../evil', which is not a plain file at its top level");
    }

    @Test
    void aTruncatedTarInstallsNothing() throws Exception {
        byte[] all = Files.readAllBytes(bundle);
        Path cut = Files.write(tmp.resolve("truncated.tar"), java.util.Arrays.copyOf(all, all.length / 3));

        CliResult r = offline(tmp.resolve("h-trunc"), true).run("bundle", "import", cut.toString());

        assertEquals(4, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: bundle 'truncated.tar' "), r.err());
        assertTrue(r.err().contains("hint: "), r.err());
        assertNothingIn(tmp.resolve("h-trunc"));
    }

    private interface Edit { void apply(Path dir) throws Exception; }

    private Path repack(String name, Edit edit) throws Exception {
        Path d = Files.createDirectories(tmp.resolve("repack-" + name));
        sh(List.of("tar", "-xf", bundle.toString(), "-C", d.toString()), d);
        edit.apply(d);
        Path out = tmp.resolve(name);
        try (Stream<Path> s = Files.list(d)) {
            List<String> cmd = new java.util.ArrayList<>(List.of("tar", "-cf", out.toString(), "-C", d.toString()));
            s.map(p -> p.getFileName().toString()).sorted().forEach(cmd::add);
            sh(cmd, d);
        }
        return out;
    }

    private void assertRefused(Path b, String why) throws IOException {
        Path home = tmp.resolve("h-" + b.getFileName());

        CliResult r = offline(home, true).run("bundle", "import", b.toString());

        assertEquals(4, r.exitCode(), r.toString());
        assertTrue(r.err().contains(why), r.err());
        assertTrue(r.err().contains("\nhint: "), r.err());
        assertNothingIn(home);
    }

    private static void assertNothingIn(Path home) throws IOException {
        assertFalse(Files.exists(home.resolve("versions")) && Files.list(home.resolve("versions")).findAny().isPresent(), "nothing installed");
        assertFalse(Files.exists(home.resolve("cache/archives")) && Files.list(home.resolve("cache/archives")).findAny().isPresent(), "nothing cached");
    }

    private static String sh(List<String> cmd, Path dir) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
        return out;
    }
}
