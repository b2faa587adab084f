package dev.jgvm.core.download;

import com.sun.net.httpserver.HttpServer;
import dev.jgvm.core.config.Settings;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.event.ProgressListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Downloads from a loopback server whose body never ends (cut off, refused, and nothing left on disk), or stops
 * sending midway (the read timeout ends the wait; what came stays for a resume).
 */
@Timeout(60)
class DownloaderTest {
    private static final long BOUND = 512L << 20;   // the server gives up here; a downloader that does not stop fails the test
    @TempDir Path tmp;
    private HttpServer server;
    private final AtomicLong sent = new AtomicLong();
    private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);

    @BeforeEach
    void serveAnEndlessBody() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/endless.tar.gz", ex -> {
            try (ex) {
                ex.sendResponseHeaders(200, 0);   // chunked: no length
                byte[] chunk = new byte[1 << 16];
                chunk[0] = 0x1f;
                chunk[1] = (byte) 0x8b;
                while (sent.get() < BOUND) {
                    ex.getResponseBody().write(chunk);
                    sent.addAndGet(chunk.length);
                    chunk[0] = 0;
                    chunk[1] = 0;
                }
            } catch (IOException e) {
                // the client hung up
            }
        });
        // Announces 1 MB, sends 40,000 bytes (less than the downloader's buffer) and then nothing until the test
        // ends: a mirror that stalls midway.
        server.createContext("/stalls.tar.gz", ex -> {
            try (ex) {
                ex.sendResponseHeaders(200, 1 << 20);
                byte[] head = new byte[40_000];
                head[0] = 0x1f;
                head[1] = (byte) 0x8b;
                ex.getResponseBody().write(head);
                ex.getResponseBody().flush();
                done.await(50, java.util.concurrent.TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                // the client hung up, or the test ended
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        done.countDown();
        server.stop(0);
    }

    private Downloader downloader(long cap) {
        HttpClient http = HttpClient.create(new Settings.Network(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(5), 0, "", ""), "test");
        return new Downloader(http, 0, cap);
    }

    private URI endless() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/endless.tar.gz"); }

    @Test
    void aBodyLongerThanTheCapIsCutOffAndDeleted() {
        Path partial = tmp.resolve("a.partial");

        VerificationException e = assertThrows(VerificationException.class,
                () -> downloader(4L << 20).fetch(endless(), partial, -1, Optional::empty, ProgressListener.NONE));

        assertEquals(VerificationException.Kind.TOO_LARGE, e.kind());
        assertTrue(e.getMessage().contains("is longer than the 4194304 bytes jgvm accepts for an archive"), e.getMessage());
        assertFalse(Files.exists(partial), "nothing left on disk");
        assertTrue(sent.get() < 64L << 20, "stopped reading near the cap, not after " + sent.get());
    }

    @Test
    void aBodyLongerThanAnnouncedIsCutOffAtTheAnnouncedSize() {
        Path partial = tmp.resolve("b.partial");

        VerificationException e = assertThrows(VerificationException.class,
                () -> downloader(Downloader.MAX_ARCHIVE).fetch(endless(), partial, 100_000, Optional::empty, ProgressListener.NONE));

        assertTrue(e.getMessage().contains("is longer than the 100000 bytes the mirror's listing announced"), e.getMessage());
        assertFalse(Files.exists(partial));
        assertTrue(sent.get() < 64L << 20, "stopped reading near the announced size, not after " + sent.get());
    }

    @Test
    void aBodyThatStallsMidwayFailsAtTheReadTimeoutKeepingWhatCame() {
        Path partial = tmp.resolve("c.partial");
        HttpClient http = HttpClient.create(new Settings.Network(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(1), 0, "", ""), "test");
        URI stalls = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stalls.tar.gz");

        dev.jgvm.core.error.NetworkException e = assertThrows(dev.jgvm.core.error.NetworkException.class,
                () -> new Downloader(http, 0).fetch(stalls, partial, -1, Optional::empty, ProgressListener.NONE));

        assertTrue(e.getMessage().contains("broke off"), e.getMessage());
        assertTrue(e.getCause() instanceof java.io.InterruptedIOException, "a timeout, not " + e.getCause());
        assertTrue(e.isRetryable());
        assertEquals(40_000, partial.toFile().length(), "the bytes that came are kept for a resume");
    }
}
