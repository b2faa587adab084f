package dev.jgvm.cli;

import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.FakeGoMirror;
import dev.jgvm.fixtures.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `jgvm install` and `list-remote` against fake mirror worlds: what is installed, what is refused and said. */
class MirrorScenariosIT {
    private static final String FILE = "go1.22.5.linux-amd64.tar.gz";
    @TempDir Path tmp;

    private Path home;

    private Cli cli(FakeGoMirror m) throws IOException {
        home = tmp.resolve("jgvm");
        Files.createDirectories(home.resolve("keys"));
        Files.writeString(home.resolve("config.toml"), m.configToml());
        Files.copy(m.trustedKey(), home.resolve("keys/mirror-release.asc"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Env env = Env.of("JGVM_HOME", home, "HOME", tmp, "JGVM_PLATFORM", "linux/amd64").withCwd(tmp);
        for (var e : m.env().entrySet()) env = env.with(e.getKey(), e.getValue());
        return Cli.inProcess(env);
    }

    private void assertNothingInstalledOrCached() throws IOException {
        assertFalse(Files.exists(home.resolve("versions/1.22.5")), "nothing published");
        assertFalse(Files.exists(home.resolve("cache/archives/" + FILE + ".json")), "nothing cached");
        Path downloads = home.resolve("cache/downloads");
        if (Files.isDirectory(downloads)) {
            try (Stream<Path> s = Files.list(downloads)) {
                assertEquals(List.of(), s.toList(), "no bytes left behind");
            }
        }
    }

    private String source() throws IOException {
        String meta = Files.readString(home.resolve("meta/1.22.5.json"));
        return meta.substring(meta.indexOf("\"source\": \"") + 11, meta.indexOf("\"", meta.indexOf("\"source\": \"") + 11));
    }

    @Test
    void installsALineWithSignedAndOriginEvidenceAndListsReleases() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start()) {
            Cli jgvm = cli(m);

            CliResult r = jgvm.run("install", "-v", "1.22");
            CliResult remote = jgvm.run("list-remote");
            CliResult all = jgvm.run("list-remote", "--all");

            assertEquals(0, r.exitCode(), r.toString());
            assertEquals(home.resolve("versions/1.22.5") + "\n", r.out());
            String meta = Files.readString(home.resolve("meta/1.22.5.json"));
            assertTrue(meta.contains("\"kind\": \"signed\""), meta);
            assertTrue(meta.contains("\"kind\": \"origin\""), meta);
            assertEquals("primary", source());
            assertEquals("1.22.5\n1.21.13\n", remote.out());
            assertEquals("1.23rc1\n1.22.5\n1.21.13\n", all.out());
            assertEquals("1.21.13\n", jgvm.run("list-remote", "1.21").out());
        }
    }

    @Test
    void aSecondInstallOfTheSameArchiveNeedsNoNetwork() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start()) {
            Cli jgvm = cli(m);
            assertEquals(0, jgvm.run("install", "1.22.5").exitCode());
            assertEquals(0, jgvm.run("list-remote").exitCode());
            assertEquals(0, jgvm.run("uninstall", "1.22.5").exitCode());
            m.close(); // every server is gone

            CliResult again = jgvm.run("install", "--offline", "1.22.5");
            CliResult listed = jgvm.run("list-remote");

            assertEquals(0, again.exitCode(), again.toString());
            assertTrue(Files.isExecutable(home.resolve("versions/1.22.5/bin/go")));
            assertEquals("1.22.5\n1.21.13\n", listed.out());
            assertTrue(listed.err().contains("using its listing from the cache, read today"), listed.err());
        }
    }

    @Test
    void aDownMirrorIsPassedOverForTheNext() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.PRIMARY_MIRROR_DOWN).start()) {
            CliResult r = cli(m).run("install", "-v", "1.22.5");

            assertEquals(0, r.exitCode(), r.toString());
            assertEquals("backup", source());
            assertTrue(r.err().contains("info: mirror 'primary': "), r.err());
            assertTrue(r.err().contains("HTTP 503"), r.err());
        }
    }

    @Test
    void aCorruptArchiveIsASecurityErrorAndTheBackupServes() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.CORRUPT_ARCHIVE).start()) {
            CliResult r = cli(m).run("install", "1.22.5");

            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.err().contains("error: security: " + FILE + " from mirror 'primary' does not match its evidence"), r.err());
            assertEquals("backup", source());
        }
    }

    @Test
    void aTamperedArchiveWithAMatchingMirrorDigestIsRefusedBecauseTheOriginDisagrees() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TAMPERED_MIRROR_SHA256).start()) {
            Cli jgvm = cli(m);

            CliResult pinned = jgvm.run("install", "--mirror", "primary", "--allow-mirror-checksums", "1.22.5");
            assertEquals(4, pinned.exitCode(), pinned.toString());
            assertTrue(pinned.err().contains("error: security: " + FILE + " from mirror 'primary' does not match its evidence: sha256 from "
                    + m.originUrl()), pinned.err());
            assertNothingInstalledOrCached();

            CliResult chain = jgvm.run("install", "1.22.5");
            assertEquals(0, chain.exitCode(), chain.toString());
            assertEquals("backup", source());
        }
    }

    @Test
    void aChecksumsFileChangedAfterSigningIsRefused() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.BAD_SIGNATURE).start()) {
            Cli jgvm = cli(m);

            CliResult pinned = jgvm.run("install", "--mirror", "primary", "1.22.5");
            assertEquals(4, pinned.exitCode(), pinned.toString());
            assertTrue(pinned.err().contains("does not match the data (BAD signature)"), pinned.err());
            assertNothingInstalledOrCached();

            CliResult chain = jgvm.run("install", "1.22.5");
            assertEquals(0, chain.exitCode(), chain.toString());
            assertEquals("backup", source());
        }
    }

    @Test
    void aSignatureByAnUntrustedKeyIsRefused() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.WRONG_KEY).start()) {
            Cli jgvm = cli(m);

            CliResult pinned = jgvm.run("install", "--mirror", "primary", "1.22.5");
            assertEquals(4, pinned.exitCode(), pinned.toString());
            assertTrue(pinned.err().contains("which jgvm does not trust"), pinned.err());
            assertTrue(pinned.err().contains("hint: "), pinned.err());
            assertNothingInstalledOrCached();

            assertEquals(0, jgvm.run("install", "1.22.5").exitCode());
            assertEquals("backup", source());
        }
    }

    @Test
    void anHtmlPageInsteadOfTheArchiveMovesOn() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.HTML_INSTEAD_OF_ARCHIVE).start()) {
            Cli jgvm = cli(m);

            CliResult pinned = jgvm.run("install", "--mirror", "primary", "1.22.5");
            assertEquals(5, pinned.exitCode(), pinned.toString());
            assertTrue(pinned.err().contains("sent an HTML page instead of an archive"), pinned.err());
            assertNothingInstalledOrCached();

            CliResult chain = jgvm.run("install", "1.22.5");
            assertEquals(0, chain.exitCode(), chain.toString());
            assertEquals("backup", source());
        }
    }

    @Test
    void aTruncatedDownloadResumesWithRange() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TRUNCATED_BODY).start()) {
            CliResult r = cli(m).run("install", "--mirror", "primary", "1.22.5");

            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(Files.isExecutable(home.resolve("versions/1.22.5/bin/go")));
            assertEquals("primary", source());
        }
    }

    @Test
    void aServerThatIgnoresRangeIsReadAgainFromTheStart() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.RANGE_IGNORED).start()) {
            CliResult r = cli(m).run("install", "--mirror", "primary", "1.22.5");

            assertEquals(0, r.exitCode(), r.toString());
            assertEquals("primary", source());
        }
    }

    @Test
    void aMirrorThatPoisonsThePrefixThenRefusesTheResumeDoesNotSpoilTheHonestMirrorAfterIt() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.POISONED_PREFIX).start()) {
            CliResult r = cli(m).run("install", "1.22.5");

            assertEquals(0, r.exitCode(), r.toString());
            assertEquals("backup", source());
            assertTrue(Files.isExecutable(home.resolve("versions/1.22.5/bin/go")));
            assertFalse(r.err().contains("from mirror 'backup' does not match"), r.err());
        }
    }

    @Test
    void anEndlessBodyIsCutOffAtTheSizeTheIndexAnnounced() throws Exception {
        byte[] honest = Files.readAllBytes(dev.jgvm.fixtures.FixtureDistribution.of("1.22.5").writeTarGz(Files.createDirectories(tmp.resolve("a"))));
        String sha = dev.jgvm.fixtures.FixtureDistribution.sha256Of(honest);
        long bound = 256L << 20;
        java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                String path = ex.getRequestURI().getPath();
                if (path.equals("/index.json")) {
                    byte[] index = ("[{\"version\":\"go1.22.5\",\"stable\":true,\"files\":[{\"filename\":\"%s\",\"os\":\"linux\",\"arch\":\"amd64\","
                            + "\"version\":\"go1.22.5\",\"sha256\":\"%s\",\"size\":%d,\"kind\":\"archive\"}]}]").formatted(FILE, sha, honest.length)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(200, index.length);
                    ex.getResponseBody().write(index);
                } else if (path.equals("/" + FILE)) {
                    ex.sendResponseHeaders(200, 0);   // chunked: no length, no end
                    byte[] chunk = new byte[1 << 16];
                    System.arraycopy(honest, 0, chunk, 0, 2);   // gzip's magic, then zeros for ever
                    while (sent.get() < bound) {
                        ex.getResponseBody().write(chunk);
                        sent.addAndGet(chunk.length);
                        chunk[0] = 0;
                        chunk[1] = 0;
                    }
                } else {
                    ex.sendResponseHeaders(404, -1);
                }
            } catch (IOException e) {
                // the client hung up: what it must do
            }
        });
        server.start();
        try {
            home = tmp.resolve("jgvm");
            Files.createDirectories(home);
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            Files.writeString(home.resolve("config.toml"), """
                    [network]
                    retries = 0

                    [[mirror]]
                    name = "endless"
                    type = "dl"
                    url = "%s"
                    index = "%sindex.json"
                    """.formatted(url, url));
            Cli jgvm = Cli.inProcess(Env.of("JGVM_HOME", home, "HOME", tmp, "JGVM_PLATFORM", "linux/amd64", "JGVM_ORIGINS", "none").withCwd(tmp));

            CliResult r = jgvm.run("install", "--allow-mirror-checksums", "1.22");

            assertEquals(4, r.exitCode(), r.toString());
            assertTrue(r.err().contains("longer than the %d bytes".formatted(honest.length)), r.err());
            assertTrue(sent.get() < honest.length + (32L << 20), "the download stopped near the announced size, not after " + sent.get() + " bytes");
            assertNothingInstalledOrCached();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRedirectFromHttpsToHttpIsRefused() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.HTTPS_TO_HTTP_REDIRECT).start()) {
            Cli jgvm = cli(m);

            CliResult pinned = jgvm.run("install", "--mirror", "primary", "1.22.5");
            assertEquals(5, pinned.exitCode(), pinned.toString());
            assertTrue(pinned.err().contains("redirected from https to http"), pinned.err());
            assertNothingInstalledOrCached();

            assertEquals(0, jgvm.run("install", "1.22.5").exitCode());
            assertEquals("backup", source());
        }
    }

    @Test
    void aSlowMirrorTimesOutAndTheBackupServes() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.SLOW_MIRROR).start()) {
            CliResult r = cli(m).run("install", "-v", "1.22.5");

            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.err().contains("timed out"), r.err());
            assertEquals("backup", source());
        }
    }

    @Test
    void everyMirrorFailingVerificationExitsFourNamingEach() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.CORRUPT_ARCHIVE).start()) {
            Cli jgvm = cli(m);
            Files.writeString(home.resolve("config.toml"), m.configToml().replace(m.backupUrl(), m.url()));

            CliResult r = jgvm.run("install", "1.22.5");

            assertEquals(4, r.exitCode(), r.toString());
            assertTrue(r.err().contains("could not download go 1.22.5 for linux/amd64 from any mirror (primary: security: "), r.err());
            assertTrue(r.err().contains("; backup: security: "), r.err());
            assertNothingInstalledOrCached();
        }
    }

    @Test
    void withJsonTheAnswerIsJsonAndProgressIsEvents() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.CORRUPT_ARCHIVE).start()) {
            CliResult r = cli(m).run("install", "--json", "1.22.5");

            assertEquals(0, r.exitCode(), r.toString());
            assertEquals("[\n  {\n    \"version\": \"1.22.5\",\n    \"goroot\": \"" + home.resolve("versions/1.22.5")
                    + "\",\n    \"already_installed\": false\n  }\n]\n", r.out());
            List<String> events = r.err().lines().toList();
            assertTrue(events.stream().allMatch(l -> l.startsWith("{\"event\":")), r.err());
            assertTrue(events.stream().anyMatch(l -> l.startsWith("{\"event\":\"rejected\",\"mirror\":\"primary\",\"message\":\"security: ")), r.err());
            assertTrue(events.stream().anyMatch(l -> l.startsWith("{\"event\":\"verified\",\"kind\":\"signed\"")), r.err());
            assertTrue(events.stream().anyMatch(l -> l.startsWith("{\"event\":\"published\",\"version\":\"1.22.5\"")), r.err());
        }
    }

    @Test
    void theIndexIsRevalidatedAndServesFromTheCacheWhenTheMirrorIsGone() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start()) {
            Cli jgvm = cli(m);
            assertEquals("1.22.5\n1.21.13\n", jgvm.run("list-remote").out());
            m.close();

            CliResult offline = jgvm.run("install", "--allow-mirror-checksums", "1.21");

            assertEquals(5, offline.exitCode(), offline.toString());
            assertTrue(offline.err().contains("warn: mirror 'primary' did not answer"), offline.err());
            assertTrue(offline.err().contains("using its listing from the cache, read today"), offline.err());
            assertTrue(offline.err().contains("could not download go 1.21.13"), offline.err());
        }
    }

    @Test
    void anUnknownVersionExitsThree() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start()) {
            CliResult r = cli(m).run("install", "1.19");

            assertEquals(3, r.exitCode(), r.toString());
            assertTrue(r.err().startsWith("error: no release of go 1.19 for linux/amd64 on mirror 'primary'"), r.err());
        }
    }
}
