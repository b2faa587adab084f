package dev.jgvm.cli;

import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.verify.sumdb.Dirhash;
import dev.jgvm.core.verify.sumdb.TestLog;
import dev.jgvm.fixtures.FixtureDistribution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Go toolchains from a module proxy laid out as goproxy.cn serves them (here a directory), proven by a checksum
 * database built with jgvm's own tlog code: through the proxy's /sumdb/ and directly.
 */
class GoproxyIT {
    private static final String MODULE = "golang.org/toolchain";
    @TempDir Path tmp;
    Path proxy;
    Path db;
    TestLog log;

    @BeforeEach
    void layOutAProxy() throws IOException {
        proxy = tmp.resolve("proxy");
        Path at = Files.createDirectories(proxy.resolve(MODULE + "/@v"));
        log = new TestLog("sum.example.test").fill(290);
        StringBuilder list = new StringBuilder();
        for (String v : new String[] {"1.22.5", "1.21.13"}) {
            FixtureDistribution d = FixtureDistribution.of(v);
            Path zip = d.writeModuleZip(at);
            list.append(d.moduleVersion()).append('\n');
            log.add(MODULE, d.moduleVersion(), Dirhash.ofZip(zip));
        }
        Files.writeString(at.resolve("list"), list);
        log.fill(30);
        db = proxy.resolve("sumdb/sum.example.test");
        log.write(db, log.size());
        Files.writeString(db.resolve("supported"), "");
    }

    private Cli jgvm(String gosumdb) {
        return Cli.inProcess(Env.of("JGVM_HOME", tmp.resolve("jgvm"), "HOME", tmp, "JGVM_PLATFORM", "linux/amd64",
                "JGVM_MIRRORS", "goproxy+" + proxy.toUri(), "GOSUMDB", gosumdb,
                "JGVM_ORIGINS", "https://127.0.0.1:9/", "JGVM_CONNECT_TIMEOUT", "1s", "JGVM_RETRIES", "0").withCwd(tmp));
    }

    @Test
    void installsAToolchainModuleProvenThroughTheProxysSumdb() throws IOException {
        CliResult remote = jgvm(log.verifierKey).run("list-remote");
        CliResult r = jgvm(log.verifierKey).run("install", "1.22");

        assertEquals("1.22.5\n1.21.13\n", remote.out(), remote.toString());
        assertEquals(0, r.exitCode(), r.toString());
        Path goroot = tmp.resolve("jgvm/versions/1.22.5");
        assertTrue(Files.isExecutable(goroot.resolve("bin/go")), "module zip fix-ups: executables");
        assertTrue(Files.isRegularFile(goroot.resolve("src/cmd/go.mod")), "module zip fix-ups: _go.mod renamed");
        String meta = Files.readString(tmp.resolve("jgvm/meta/1.22.5.json"));
        assertTrue(meta.contains("\"kind\": \"signed\""), meta);
        assertTrue(meta.contains("in sum.example.test's tree of 322 records"), meta);
        assertTrue(meta.contains("\"archive\": \"v0.0.1-go1.22.5.linux-amd64.zip\""), meta);
        assertTrue(Files.isRegularFile(tmp.resolve("jgvm/sumdb/sum.example.test/latest")), "the tree seen is kept");
    }

    @Test
    void aLoopbackProxyServedByWireMockWorksThroughItsSumdb() throws Exception {
        Path root = tmp.resolve("wiremock");
        copyTree(proxy, root.resolve("__files"));
        var server = new com.github.tomakehurst.wiremock.WireMockServer(com.github.tomakehurst.wiremock.core.WireMockConfiguration.options()
                .dynamicPort().bindAddress("127.0.0.1").usingFilesUnderDirectory(root.toString()));
        server.start();
        try {
            CliResult r = Cli.inProcess(Env.of("JGVM_HOME", tmp.resolve("jgvm"), "HOME", tmp, "JGVM_PLATFORM", "linux/amd64",
                    "JGVM_MIRRORS", "goproxy+" + server.baseUrl() + "/", "GOSUMDB", log.verifierKey,
                    "JGVM_ORIGINS", "https://127.0.0.1:9/", "JGVM_CONNECT_TIMEOUT", "1s", "JGVM_RETRIES", "0").withCwd(tmp)).run("install", "1.21");

            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(server.getAllServeEvents().stream().anyMatch(e -> e.getRequest().getUrl().startsWith("/sumdb/sum.example.test/tile/")),
                    "the tiles came through the proxy");
        } finally {
            server.stop();
        }
    }

    @Test
    void aGoProxyThatWantsALoginGetsItOnEveryRequestFromTheUrlsUserInfo() throws Exception {
        Path root = tmp.resolve("wiremock");
        copyTree(proxy, root.resolve("__files"));
        var server = new com.github.tomakehurst.wiremock.WireMockServer(com.github.tomakehurst.wiremock.core.WireMockConfiguration.options()
                .dynamicPort().bindAddress("127.0.0.1").usingFilesUnderDirectory(root.toString()));
        server.start();
        // Like a Nexus or Artifactory go proxy repository: 401 without the login, its files with it.
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).atPriority(1)
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(401)));
        String secret = "art1fact0ry-t0ken";
        try {
            String url = "http://ci:" + secret + "@127.0.0.1:" + server.port() + "/";
            CliResult r = Cli.inProcess(Env.of("JGVM_HOME", tmp.resolve("jgvm"), "HOME", tmp, "JGVM_PLATFORM", "linux/amd64",
                    "JGVM_MIRRORS", "goproxy+" + url, "GOSUMDB", log.verifierKey,
                    "JGVM_ORIGINS", "https://127.0.0.1:9/", "JGVM_CONNECT_TIMEOUT", "1s", "JGVM_RETRIES", "0").withCwd(tmp)).run("install", "-v", "1.21");

            assertEquals(0, r.exitCode(), r.toString());
            var events = server.getAllServeEvents();
            assertTrue(events.stream().anyMatch(e -> e.getRequest().getUrl().endsWith("/@v/list")), "the list was asked");
            assertTrue(events.stream().anyMatch(e -> e.getRequest().getUrl().endsWith(".zip")), "the zip was asked");
            assertTrue(events.stream().anyMatch(e -> e.getRequest().getUrl().startsWith("/sumdb/")), "the sumdb was asked through it");
            String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("ci:" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (var e : events) assertEquals(basic, e.getRequest().getHeader("Authorization"), e.getRequest().getUrl());
            assertFalse(r.out().contains(secret) || r.err().contains(secret), r.toString());
            try (var files = Files.walk(tmp.resolve("jgvm"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).contains(secret), f.toString());
                }
            }
        } finally {
            server.stop();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    @Test
    void withoutProxySupportTheDatabaseIsAskedDirectly() throws IOException {
        Path direct = tmp.resolve("direct-db");
        log.write(direct, log.size());
        Files.delete(db.resolve("supported"));

        CliResult r = jgvm(log.verifierKey + " " + direct.toUri()).run("install", "1.21.13");

        assertEquals(0, r.exitCode(), r.toString());
    }

    @Test
    void aZipThatDoesNotMatchTheRecordIsRefused() throws IOException {
        FixtureDistribution evil = FixtureDistribution.of("1.22.5").withTool("backdoor");
        evil.writeModuleZip(proxy.resolve(MODULE + "/@v"));

        CliResult r = jgvm(log.verifierKey).run("install", "1.22.5");

        assertEquals(4, r.exitCode(), r.toString());
        assertTrue(r.err().contains("does not match the checksum database"), r.err());
        assertFalse(Files.exists(tmp.resolve("jgvm/versions/1.22.5")));
    }

    @Test
    void aSecondBinGoHiddenBehindTheCentralDirectoryIsRefusedThoughTheRecordMatches() throws IOException {
        FixtureDistribution d = FixtureDistribution.of("1.22.5");
        Path zip = proxy.resolve(MODULE + "/@v/" + d.moduleVersion() + ".zip");
        String recorded = Dirhash.ofZip(zip);
        d.writeModuleZipWithShadowedGo(proxy.resolve(MODULE + "/@v"), "#!/bin/sh\necho pwned\n");
        assertEquals(recorded, Dirhash.ofZip(zip), "the attack: a plain h1 of the hostile zip still matches the record");

        CliResult r = jgvm(log.verifierKey).run("install", "1.22.5");

        assertEquals(4, r.exitCode(), r.toString());
        assertTrue(r.err().contains("bin/go' twice"), r.err());
        assertFalse(Files.exists(tmp.resolve("jgvm/versions/1.22.5")));
    }

    @Test
    void aForgedNoteIsRefused() {
        TestLog other = new TestLog("sum.example.test");

        CliResult r = jgvm(other.verifierKey).run("install", "1.22.5");

        assertEquals(4, r.exitCode(), r.toString());
        assertTrue(r.err().contains("is not signed by 'sum.example.test'"), r.err());
        assertFalse(Files.exists(tmp.resolve("jgvm/versions/1.22.5")));
    }

    @Test
    void anUnreachableDatabaseNeverMeansAnUnverifiedInstall() throws IOException {
        Files.delete(db.resolve("supported"));

        CliResult r = jgvm(log.verifierKey + " https://127.0.0.1:9/").run("install", "1.22.5");

        assertEquals(4, r.exitCode(), r.toString());
        assertTrue(r.err().contains("checksum database https://127.0.0.1:9/"), r.err());
        assertTrue(r.err().contains("hint: "), r.err());
        assertFalse(Files.exists(tmp.resolve("jgvm/versions/1.22.5")));
    }

    @Test
    void gosumdbOffLeavesModuleZipsWithoutSignedEvidence() {
        CliResult r = jgvm("off").run("install", "1.22.5");

        assertEquals(4, r.exitCode(), r.toString());
        assertTrue(r.err().contains("checksum database: GOSUMDB=off"), r.err());
    }
}
