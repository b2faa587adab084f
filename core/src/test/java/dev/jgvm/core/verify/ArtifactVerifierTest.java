package dev.jgvm.core.verify;

import dev.jgvm.core.dist.Checksum;

import com.sun.net.httpserver.HttpServer;
import dev.jgvm.core.config.Settings;
import dev.jgvm.core.config.Settings.EvidenceLevel;
import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.spi.Artifact;
import dev.jgvm.core.version.GoVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the verifier asks an origin, and how often, when several mirrors offer the same archive. */
class ArtifactVerifierTest {
    private static final String FILE = "go1.22.5.linux-amd64.tar.gz";
    private static final String SHA = "a".repeat(64);
    @TempDir Path home;
    private HttpServer origin;
    private final AtomicInteger asked = new AtomicInteger();
    private volatile int status = 200;

    @BeforeEach
    void startOrigin() throws IOException {
        origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin.createContext("/", ex -> {
            asked.incrementAndGet();
            byte[] body = (SHA + "  " + FILE + "\n").getBytes(StandardCharsets.US_ASCII);
            ex.sendResponseHeaders(status, status == 200 ? body.length : -1);
            if (status == 200) ex.getResponseBody().write(body);
            ex.close();
        });
        origin.start();
    }

    @AfterEach
    void stopOrigin() { origin.stop(0); }

    private ArtifactVerifier verifier(List<URI> origins) {
        Settings.Network net = new Settings.Network(Duration.ofSeconds(2), Duration.ofSeconds(2), 2, "", "");
        HttpClient http = HttpClient.create(net.withRetryBackoff(Duration.ofMillis(1)), "test");
        return new ArtifactVerifier(http, TrustedKeys.load(home.resolve("keys")), origins, EvidenceLevel.ORIGIN, false);
    }

    private static Artifact fromMirror(String mirror) {
        return new Artifact(FILE, GoVersion.parse("1.22.5"), Platform.parse("linux/amd64"), URI.create(mirror + FILE), -1,
                Artifact.Layout.OFFICIAL, List.of());
    }

    private URI originUrl() { return URI.create("http://127.0.0.1:" + origin.getAddress().getPort() + "/go/"); }

    @Test
    void theOriginIsAskedOnceForAnArchiveHoweverManyMirrorsAreTried() {
        ArtifactVerifier v = verifier(List.of(originUrl()));

        ArtifactVerifier.Plan first = v.plan(fromMirror("http://127.0.0.1:9/a/"), "a");
        ArtifactVerifier.Plan second = v.plan(fromMirror("http://127.0.0.1:9/b/"), "b");

        assertEquals(1, asked.get());
        assertEquals(Optional.of(Checksum.sha256(SHA)), first.expected());
        assertEquals(Optional.of(Checksum.sha256(SHA)), second.expected());
        assertEquals(Optional.of(EvidenceLevel.ORIGIN), second.best());
    }

    @Test
    void anOriginThatFailsCostsItsRetriesOnceAndIsNamedForEveryMirror() {
        status = 503;
        ArtifactVerifier v = verifier(List.of(originUrl()));

        ArtifactVerifier.Plan first = v.plan(fromMirror("http://127.0.0.1:9/a/"), "a");
        ArtifactVerifier.Plan second = v.plan(fromMirror("http://127.0.0.1:9/b/"), "b");

        assertEquals(3, asked.get(), "one request and two retries, for both mirrors together");
        assertFalse(second.canSatisfy());
        assertEquals(first.tried(), second.tried());
        assertTrue(second.tried().get(0).contains("HTTP 503"), second.tried().toString());
    }

    @Test
    void withNoOriginNothingIsAskedAndOnlyStrongerEvidenceCouldSatisfy() {
        ArtifactVerifier v = verifier(List.of());

        ArtifactVerifier.Plan plan = v.plan(fromMirror("http://127.0.0.1:9/a/"), "a");

        assertEquals(0, asked.get());
        assertEquals(Optional.empty(), plan.best());
        assertFalse(plan.canSatisfy());
    }

    @Test
    void aSha1SignatureIsNoEvidenceButNoTamperingEitherSoTheOriginStillProvesTheArchive() throws IOException {
        dev.jgvm.fixtures.GnuPG gpg = dev.jgvm.fixtures.GnuPG.in(home);
        String key = gpg.generateKey("Old Release <old@example.com>", "rsa2048");
        Path archive = java.nio.file.Files.writeString(home.resolve(FILE), "not really an archive");
        Path asc = gpg.detachSign(key, archive, home.resolve(FILE + ".asc"), null, "SHA1");
        Artifact artifact = new Artifact(FILE, GoVersion.parse("1.22.5"), Platform.parse("linux/amd64"), archive.toUri(), -1,
                Artifact.Layout.OFFICIAL, List.of(new dev.jgvm.core.spi.EvidenceSource.Signature(asc.toUri())));

        ArtifactVerifier.Plan plan = verifier(List.of(originUrl())).plan(artifact, "old-mirror");

        assertTrue(plan.signature().isEmpty());
        assertEquals(Optional.of(EvidenceLevel.ORIGIN), plan.best());
        assertTrue(plan.tried().stream().anyMatch(t -> t.contains("SHA-1, which is too weak to count")), plan.tried().toString());
    }
}
