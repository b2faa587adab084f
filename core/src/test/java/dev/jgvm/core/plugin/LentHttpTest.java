package dev.jgvm.core.plugin;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.JgvmException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.spi.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SPI's Http keeps the contract its Javadoc states, over core's client (file: URIs need no server). */
class LentHttpTest {
    @TempDir Path tmp;

    private Http http() {
        HttpClient client = HttpClient.create(Settings.Network.defaults(), "test");
        return new PluginHost(() -> client, tmp.resolve("cache"), Settings.defaults(), Env.of("HOME", tmp), dev.jgvm.core.event.ProgressListener.NONE).http();
    }

    @Test
    void readsUnderTheCapOpensFromAnOffsetAndSaysWhatIsMissing() throws IOException {
        Path file = Files.writeString(tmp.resolve("SHA256SUMS"), "0123456789");
        Http http = http();

        byte[] whole = http.bytes(file.toUri(), 10);
        JgvmException tooLarge = assertThrows(JgvmException.class, () -> http.bytes(file.toUri(), 9));
        Http.Conditional c = http.textIfChanged(file.toUri(), Optional.empty(), Optional.empty(), 10);
        String tail;
        try (Http.Body body = http.open(file.toUri(), 4)) {
            byte[] b = body.stream().readAllBytes();
            tail = body.partial() ? new String(b, StandardCharsets.UTF_8) : new String(b, StandardCharsets.UTF_8).substring(4);
        }

        assertArrayEquals("0123456789".getBytes(StandardCharsets.UTF_8), whole);
        assertEquals(dev.jgvm.core.error.ExitCode.NETWORK, tooLarge.exitCode(), tooLarge.getMessage());
        assertEquals(Optional.of("0123456789"), c.text());
        assertEquals("456789", tail);
        assertTrue(http.exists(file.toUri()));
        assertFalse(http.exists(tmp.resolve("absent").toUri()));
        assertThrows(VersionNotFoundException.class, () -> http.bytes(tmp.resolve("absent").toUri(), 10));
    }
}
