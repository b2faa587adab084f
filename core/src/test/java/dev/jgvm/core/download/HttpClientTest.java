package dev.jgvm.core.download;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.jgvm.core.config.Settings;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.NetworkException;
import dev.jgvm.core.event.ProgressListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What core's HTTP client sends where, and how often it asks: retries, credentials, redirects. */
class HttpClientTest {
    @TempDir Path tmp;
    private final List<HttpServer> servers = new ArrayList<>();

    /** One request as a server saw it. */
    record Seen(String path, Optional<String> authorization) {}

    private HttpServer server(String address, int status, String location, List<Seen> seen) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(address, 0), 0);
        s.createContext("/", ex -> {
            Headers h = ex.getRequestHeaders();
            seen.add(new Seen(ex.getRequestURI().getPath(), Optional.ofNullable(h.getFirst("Authorization"))));
            if (location != null) ex.getResponseHeaders().add("Location", location + ex.getRequestURI().getPath());
            byte[] body = "hello".getBytes(StandardCharsets.US_ASCII);
            boolean withBody = status == 200;
            ex.sendResponseHeaders(status, withBody ? body.length : -1);
            if (withBody) ex.getResponseBody().write(body);
            ex.close();
        });
        s.start();
        servers.add(s);
        return s;
    }

    @AfterEach
    void stop() { servers.forEach(s -> s.stop(0)); }

    private static String url(String address, HttpServer s) { return "http://" + address + ":" + s.getAddress().getPort(); }

    private HttpClient client(Env env) {
        Settings.Network net = new Settings.Network(Duration.ofSeconds(2), Duration.ofSeconds(2), 2, "", "");
        return HttpClient.create(net, env.with("JGVM_RETRY_BACKOFF_MS", "1"), "test");
    }

    @Test
    void aFailingUrlIsAskedOnceMoreThanTheRetryCountAndNoMore() throws IOException {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HttpServer down = server("127.0.0.1", 503, null, seen);
        Downloader downloader = new Downloader(client(Env.of("HOME", tmp)), 2);

        assertThrows(NetworkException.class, () -> downloader.fetch(URI.create(url("127.0.0.1", down) + "/go.tar.gz"),
                tmp.resolve("go.partial"), Optional::empty, ProgressListener.NONE));

        assertEquals(3, seen.size(), seen.toString());
    }

    @Test
    void netrcCredentialsGoToTheirMachineAndNotAcrossARedirectToAnotherHost() throws IOException {
        List<Seen> first = new CopyOnWriteArrayList<>();
        List<Seen> second = new CopyOnWriteArrayList<>();
        HttpServer other = server("127.0.0.2", 200, null, second);
        HttpServer mirror = server("127.0.0.1", 302, url("127.0.0.2", other), first);
        Path netrc = Files.writeString(tmp.resolve("netrc"), "machine 127.0.0.1 login ci password s3cr3t\n");

        try (HttpClient.Body b = client(Env.of("HOME", tmp, "NETRC", netrc)).get(URI.create(url("127.0.0.1", mirror) + "/go.tar.gz"), 0)) {
            assertEquals("hello", new String(b.stream().readAllBytes(), StandardCharsets.US_ASCII));
        }

        assertEquals(Optional.of("Basic Y2k6czNjcjN0"), first.get(0).authorization());
        assertEquals(List.of(new Seen("/go.tar.gz", Optional.empty())), second);
    }

    @Test
    void aMirrorsCredentialsDoNotFollowARedirectToAnotherPortOfTheSameHost() throws IOException {
        List<Seen> first = new CopyOnWriteArrayList<>();
        List<Seen> second = new CopyOnWriteArrayList<>();
        HttpServer other = server("127.0.0.1", 200, null, second);
        HttpServer mirror = server("127.0.0.1", 302, url("127.0.0.1", other), first);
        HttpClient http = client(Env.of("HOME", tmp));
        http.credentials().add(URI.create(url("127.0.0.1", mirror) + "/"), "ci", "s3cr3t", "test");

        try (HttpClient.Body b = http.get(URI.create(url("127.0.0.1", mirror) + "/go.tar.gz"), 0)) {
            b.stream().readAllBytes();
        }

        assertEquals(Optional.of("Basic Y2k6czNjcjN0"), first.get(0).authorization());
        assertEquals(List.of(new Seen("/go.tar.gz", Optional.empty())), second);
    }

    @Test
    void netrcsDefaultEntryIsNeverSent() throws IOException {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HttpServer s = server("127.0.0.1", 200, null, seen);
        Path netrc = Files.writeString(tmp.resolve("netrc"), "machine other.example login a password b\ndefault login anyone password s3cr3t\n");

        client(Env.of("HOME", tmp, "NETRC", netrc)).text(URI.create(url("127.0.0.1", s) + "/index"), 100);

        assertEquals(List.of(new Seen("/index", Optional.empty())), seen);
    }

    @Test
    void aHugeSignatureIsRefusedAfterItsCapNotReadWhole() throws IOException, InterruptedException {
        java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", ex -> {
            byte[] block = new byte[1 << 16];
            java.util.Arrays.fill(block, (byte) 'A');
            try {
                ex.sendResponseHeaders(200, 0);   // chunked: no length to refuse it by, so the cap must hold while reading
                for (long n = 0; n < (400L << 20); n += block.length) {
                    ex.getResponseBody().write(block);
                    sent.addAndGet(block.length);
                }
            } catch (IOException closedByTheClient) {
                // expected: jgvm stops reading at the cap
            } finally {
                done.countDown();
                ex.close();
            }
        });
        s.start();
        servers.add(s);

        NetworkException e = assertThrows(NetworkException.class,
                () -> client(Env.of("HOME", tmp)).bytes(URI.create(url("127.0.0.1", s) + "/signature.asc"), SmallFile.SIGNATURE));

        assertEquals(true, e.getMessage().contains("is larger than 65536 bytes"), e.getMessage());
        assertEquals(true, done.await(60, java.util.concurrent.TimeUnit.SECONDS), "the server noticed the client left");
        assertEquals(true, sent.get() < (64L << 20), "sent " + sent.get() + " bytes before jgvm hung up");
    }
}
