package dev.jgvm.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.FakeGoMirror;
import dev.jgvm.fixtures.LoopbackProxy;
import dev.jgvm.fixtures.Scenario;
import dev.jgvm.fixtures.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Installs behind a company network, against real programs on loopback: an HTTPS Nexus-like mirror on 127.0.0.2
 * with a certificate from a CA made here that wants Basic credentials, an authenticating proxy (tinyproxy) and a
 * TLS-intercepting proxy (mitmdump). Each is refused first, saying why, then accepted as the README says; no secret
 * ever shows in an output or a file under JGVM_HOME.
 */
class CorporateNetworkIT {
    private static final String TOKEN = "n3xus-t0ken-9f2c";
    private static final String PROXY_PASSWORD = "pr0xy-s3cret-77";
    private static final String WRONG_PROXY_PASSWORD = "b4d-pr0xy-pass-31";
    private static final String BASIC = "Basic " + java.util.Base64.getEncoder().encodeToString(("ci:" + TOKEN).getBytes(StandardCharsets.UTF_8));
    private static FakeGoMirror world;
    private static TestCa corpCa;
    private static WireMockServer nexus;
    private static Path shared;

    @TempDir Path tmp;
    private Path home;
    private final List<String> outputs = new ArrayList<>();

    @BeforeAll
    static void startWorld() throws IOException {
        shared = Files.createTempDirectory("corporate-network");
        world = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start();
        corpCa = TestCa.create(shared.resolve("ca"), "Corp Root CA");
        nexus = new WireMockServer(WireMockConfiguration.options().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.2")
                .keystorePath(corpCa.serverKeystore("127.0.0.2").toString()).keystorePassword(TestCa.PASSWORD)
                .keyManagerPassword(TestCa.PASSWORD).keystoreType("PKCS12"));
        nexus.start();
        // Like a Nexus raw proxy repository that wants a login: 401 without it, the honest backup's files with it.
        nexus.stubFor(any(anyUrl()).atPriority(9).willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"nexus\"")));
        nexus.stubFor(any(anyUrl()).atPriority(1).withHeader("Authorization", equalTo(BASIC))
                .willReturn(aResponse().proxiedFrom(world.backupUrl().replaceAll("/$", "")).withProxyUrlPrefixToRemove("/repository/go")));
    }

    @AfterAll
    static void stopWorld() {
        if (nexus != null) nexus.stop();
        if (world != null) world.close();
    }

    @BeforeEach
    void home() throws IOException {
        home = tmp.resolve("jgvm");
        Files.createDirectories(home.resolve("keys"));
        Files.copy(world.trustedKey(), home.resolve("keys/mirror-release.asc"));
        nexus.resetRequests();
    }

    private static String nexusUrl() { return "https://127.0.0.2:" + nexus.httpsPort() + "/repository/go/"; }

    private Env env(Map<String, String> extra) {
        Env env = Env.of("JGVM_HOME", home, "HOME", tmp, "JGVM_PLATFORM", "linux/amd64", "SSL_CERT_FILE", tmp.resolve("no-os-bundle").toString())
                .withCwd(tmp);
        for (var e : world.env().entrySet()) env = env.with(e.getKey(), e.getValue());
        for (var e : extra.entrySet()) env = env.with(e.getKey(), e.getValue());
        return env;
    }

    private CliResult run(Env env, String... args) {
        CliResult r = Cli.inProcess(env).run(args);
        outputs.add(r.out());
        outputs.add(r.err());
        return r;
    }

    // The fake origin's certificate and, when given, more CA certificates: one ca_file.
    private Path caFile(String name, Path... more) throws IOException {
        StringBuilder pem = new StringBuilder(Files.readString(Path.of(world.env().get("JGVM_CA_FILE"))));
        for (Path p : more) pem.append('\n').append(Files.readString(p));
        return Files.writeString(tmp.resolve(name), pem.toString());
    }

    private void writeConfig(String mirrors) throws IOException {
        Files.writeString(home.resolve("config.toml"), """
                [network]
                connect_timeout = "5s"
                read_timeout = "10s"
                retries = 1

                """ + mirrors);
    }

    private static String nexusMirror(boolean credentials) {
        return """
                [[mirror]]
                name = "nexus"
                type = "dl"
                url = "%s"
                checksums = "checksums.txt"
                signature = "signature.asc"
                """.formatted(nexusUrl()) + (credentials ? "username = \"ci\"\npassword_env = \"NEXUS_TOKEN\"\n" : "");
    }

    private void assertNoSecretAnywhere(String... secrets) throws IOException {
        List<String> texts = new ArrayList<>(outputs);
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                texts.add(f + ":" + new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        for (String t : texts) for (String s : secrets) assertFalse(t.contains(s), "a secret leaked into: " + t);
    }

    @Test
    void aPrivateCaIsRefusedNamingIssuerAndHostThenTrustedThroughCaFile() throws IOException {
        writeConfig(nexusMirror(true));

        CliResult refused = run(env(Map.of("NEXUS_TOKEN", TOKEN)), "install", "1.22.5");
        CliResult accepted = run(env(Map.of("NEXUS_TOKEN", TOKEN, "JGVM_CA_FILE", caFile("with-corp.pem", corpCa.pem()).toString())), "install", "1.22.5");

        assertEquals(5, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("issued by '" + corpCa.subject() + "'"), refused.err());
        assertTrue(refused.err().contains("127.0.0.2"), refused.err());
        assertTrue(refused.err().contains("a proxy may be intercepting TLS"), refused.err());
        assertTrue(refused.err().contains("ca_file = "), refused.err());
        assertFalse(refused.err().contains("PKIX"), refused.err());
        assertEquals(0, accepted.exitCode(), accepted.toString());
        assertTrue(Files.isDirectory(home.resolve("versions/1.22.5")));
        assertNoSecretAnywhere(TOKEN);
    }

    @Test
    void theMirrorsCredentialsGoWithEveryRequestToIt() throws IOException {
        writeConfig(nexusMirror(true));
        Path ca = caFile("with-corp.pem", corpCa.pem());

        CliResult r = run(env(Map.of("NEXUS_TOKEN", TOKEN, "JGVM_CA_FILE", ca.toString())), "install", "-v", "1.22.5");

        assertEquals(0, r.exitCode(), r.toString());
        List<LoggedRequest> seen = nexus.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
        List<String> paths = seen.stream().map(LoggedRequest::getUrl).toList();
        assertTrue(paths.contains("/repository/go/go1.22.5.linux-amd64.tar.gz"), paths.toString());
        assertTrue(paths.contains("/repository/go/checksums.txt"), paths.toString());
        assertTrue(paths.contains("/repository/go/signature.asc"), paths.toString());
        assertTrue(paths.stream().anyMatch(p -> p.endsWith(".asc") && p.contains("go1.22.5")), paths.toString());
        for (LoggedRequest q : seen) assertEquals(BASIC, q.getHeader("Authorization"), q.getMethod() + " " + q.getUrl());
        assertNoSecretAnywhere(TOKEN);
    }

    @Test
    void withoutCredentialsTheRefusalSaysWhichSettingIsMissing() throws IOException {
        writeConfig(nexusMirror(false));

        CliResult r = run(env(Map.of("JGVM_CA_FILE", caFile("with-corp.pem", corpCa.pem()).toString())), "install", "1.22.5");

        assertEquals(5, r.exitCode(), r.toString());
        assertTrue(r.err().contains("HTTP 401"), r.err());
        assertTrue(r.err().contains("password_env"), r.err());
    }

    @Test
    void anAuthenticatingProxyRefusesAWrongPasswordNamingItselfThenCarriesTheInstall() throws IOException {
        Files.writeString(home.resolve("config.toml"), world.configToml());
        try (LoopbackProxy proxy = LoopbackProxy.tinyproxy(tmp.resolve("tinyproxy"), "alice", PROXY_PASSWORD)) {
            String wrong = proxy.url("alice:" + WRONG_PROXY_PASSWORD);
            String right = proxy.url("alice:" + PROXY_PASSWORD);

            CliResult refused = run(env(Map.of("HTTPS_PROXY", wrong, "HTTP_PROXY", wrong)), "install", "1.22.5");
            CliResult accepted = run(env(Map.of("https_proxy", right, "http_proxy", right)), "install", "1.22.5");

            assertEquals(5, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains("proxy 'http://alice@127.0.0.1:" + proxy.port() + "' refused to authenticate"), refused.err());
            assertEquals(0, accepted.exitCode(), accepted.toString());
            String log = proxy.log();
            assertTrue(log.contains("CONNECT"), "the origin was reached through CONNECT: " + log);
            assertTrue(log.contains("go1.22.5.linux-amd64.tar.gz"), "the archive came through the proxy: " + log);
            assertNoSecretAnywhere(PROXY_PASSWORD, WRONG_PROXY_PASSWORD);
        }
    }

    @Test
    void anInterceptingProxyIsNamedAsSuchThenTrustedThroughCaFile() throws IOException {
        writeConfig(nexusMirror(true));
        try (LoopbackProxy mitm = LoopbackProxy.mitmdump(tmp.resolve("mitm"))) {
            Map<String, String> base = Map.of("NEXUS_TOKEN", TOKEN, "HTTPS_PROXY", mitm.url(""));

            CliResult refused = run(env(with(base, "JGVM_CA_FILE", caFile("corp.pem", corpCa.pem()).toString())), "install", "1.22.5");
            CliResult accepted = run(env(with(base, "JGVM_CA_FILE", caFile("corp-and-mitm.pem", corpCa.pem(), mitm.caPem()).toString())),
                    "install", "1.22.5");

            assertEquals(5, refused.exitCode(), refused.toString());
            assertTrue(refused.err().matches("(?s).*issued by '[^']*CN=mitmproxy[^']*'.*"), refused.err());
            assertTrue(refused.err().contains("a proxy may be intercepting TLS"), refused.err());
            assertEquals(0, accepted.exitCode(), accepted.toString());
            assertTrue(mitm.log().contains("127.0.0.2"), "the mirror was reached through the intercepting proxy: " + mitm.log());
            assertNoSecretAnywhere(TOKEN);
        }
    }

    @Test
    void mirrorTestNamesTheIssuerItVerifiedAndTheOneItCouldNot() throws IOException {
        writeConfig(nexusMirror(true));

        CliResult untrusted = run(env(Map.of("NEXUS_TOKEN", TOKEN)), "mirror", "test", "nexus", "--json");
        CliResult trusted = run(env(Map.of("NEXUS_TOKEN", TOKEN, "JGVM_CA_FILE", caFile("with-corp.pem", corpCa.pem()).toString())),
                "mirror", "test", "nexus", "--json");

        assertEquals(1, untrusted.exitCode(), untrusted.toString());
        assertTrue(untrusted.out().contains("issued by '" + corpCa.subject() + "'"), untrusted.out());
        assertEquals(0, trusted.exitCode(), trusted.toString());
        com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(trusted.out()).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals(corpCa.subject(), o.get("tls_issuer").getAsString());
        assertEquals("1.22.5", o.get("newest").getAsString());
        assertEquals("signed", o.get("evidence").getAsString());
        assertNoSecretAnywhere(TOKEN);
    }

    private static Map<String, String> with(Map<String, String> base, String k, String v) {
        Map<String, String> m = new java.util.HashMap<>(base);
        m.put(k, v);
        return m;
    }
}
