package dev.jgvm.core.download;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.jgvm.core.config.Settings;
import dev.jgvm.core.config.SettingsLoader;
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
        // Through SettingsLoader, which is where the environment's NETRC, proxies and roots are read.
        Env e = env.with("JGVM_RETRY_BACKOFF_MS", "1").with("JGVM_CONNECT_TIMEOUT", "2s").with("JGVM_READ_TIMEOUT", "2s")
                .with("JGVM_HOME", env.home().resolve("jgvm-home").toString());
        return HttpClient.create(new SettingsLoader().load(e).network(), "test");
    }

    @Test
    void aFailingUrlIsAskedOnceMoreThanTheRetryCountAndNoMore() throws IOException {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HttpServer down = server("127.0.0.1", 503, null, seen);
        Downloader downloader = new Downloader(client(Env.of("HOME", tmp)), 2);

        assertThrows(NetworkException.class, () -> downloader.fetch(URI.create(url("127.0.0.1", down) + "/go.tar.gz"),
                tmp.resolve("go.partial"), -1, Optional::empty, ProgressListener.NONE));

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

    @Test
    void aSocks5ProxyCarriesTheRequestAndIsToldTheHostByName() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HttpServer mirror = server("127.0.0.1", 200, null, seen);
        List<String> targets = new CopyOnWriteArrayList<>();
        try (java.net.ServerSocket socks = new java.net.ServerSocket(0, 5, java.net.InetAddress.getByName("127.0.0.1"))) {
            Thread relay = new Thread(() -> socks5Once(socks, targets));
            relay.setDaemon(true);   // it relays until the pooled connection closes
            relay.start();
            Settings.Network net = new Settings.Network(Duration.ofSeconds(2), Duration.ofSeconds(5), 0, "", "");
            HttpClient http = HttpClient.create(net.withProxyVariables(java.util.Map.of("ALL_PROXY", "socks5h://127.0.0.1:" + socks.getLocalPort())), "test");

            String body = http.text(URI.create("http://localhost:" + mirror.getAddress().getPort() + "/index"), 100);

            assertEquals("hello", body);
            assertEquals(List.of("localhost:" + mirror.getAddress().getPort()), targets);
            assertEquals(1, seen.size());
        }
    }

    // A minimal SOCKS5 server (RFC 1928, no authentication) for one connection: records the target, then relays.
    private static void socks5Once(java.net.ServerSocket socks, List<String> targets) {
        try (java.net.Socket c = socks.accept()) {
            java.io.DataInputStream in = new java.io.DataInputStream(c.getInputStream());
            java.io.OutputStream out = c.getOutputStream();
            in.readUnsignedByte();
            in.readFully(new byte[in.readUnsignedByte()]);
            out.write(new byte[] {5, 0});
            in.readFully(new byte[3]);
            int type = in.readUnsignedByte();
            String host;
            if (type == 3) {
                byte[] name = new byte[in.readUnsignedByte()];
                in.readFully(name);
                host = new String(name, StandardCharsets.US_ASCII);
            } else {
                byte[] a = new byte[type == 1 ? 4 : 16];
                in.readFully(a);
                host = java.net.InetAddress.getByAddress(a).getHostAddress();
            }
            int port = in.readUnsignedShort();
            targets.add(host + ":" + port);
            try (java.net.Socket upstream = new java.net.Socket("127.0.0.1", port)) {
                out.write(new byte[] {5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
                out.flush();
                Thread back = new Thread(() -> {
                    try {
                        upstream.getInputStream().transferTo(out);
                        c.shutdownOutput();
                    } catch (IOException ignored) {
                        // the client went away
                    }
                });
                back.start();
                in.transferTo(upstream.getOutputStream());
                back.join(10_000);
            }
        } catch (IOException | InterruptedException e) {
            targets.add("failed: " + e);
        }
    }
}
