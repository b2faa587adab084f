package dev.jgvm.core.mirror;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.config.Settings.MirrorConfig;
import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A mirror that cannot be asked at all is reported, never thrown. */
class MirrorProbeTest {
    @TempDir Path tmp;

    private MirrorProbe probe() {
        Settings.Network net = new Settings.Network(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, "", "");
        return new MirrorProbe(HttpClient.create(net, "test"), null, Platform.parse("linux/amd64"));
    }

    @Test
    void aDeadMirrorIsUnreachableWithItsReason() {
        MirrorProbe.Health h = probe().test(new MirrorConfig("dead", "dl", "http://127.0.0.1:1/go/", Map.of()), () -> {
            throw new AssertionError("no listing is asked of a mirror that does not answer");
        });

        assertFalse(h.ok());
        assertFalse(h.reachable());
        assertEquals(List.of("cannot reach 'http://127.0.0.1:1/go/': connection refused or unreachable"), h.problems());
    }

    @Test
    void aUrlThatIsNoUrlIsAProblemNotACrash() {
        MirrorProbe.Health h = probe().test(new MirrorConfig("odd", "dl", "http://[bad", Map.of()), () -> null);

        assertFalse(h.ok());
        assertTrue(h.problems().get(0).contains("is not a URL"), h.problems().toString());
    }
}
