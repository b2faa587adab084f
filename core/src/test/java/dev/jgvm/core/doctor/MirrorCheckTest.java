package dev.jgvm.core.doctor;

import com.sun.net.httpserver.HttpServer;
import dev.jgvm.core.config.Settings;
import dev.jgvm.core.config.SettingsLoader;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.resolve.VersionResolver;
import dev.jgvm.core.store.InstallStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mirrors, TLS and clock checks against loopback servers (the TLS-intercepting CA is in cli's DoctorIT). */
class MirrorCheckTest {
    @TempDir Path tmp;
    HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() { server.stop(0); }

    @Test
    void aClockHoursOffTheServersDateFails() {
        Env env = env().withClock(Clock.offset(Clock.systemUTC(), Duration.ofHours(-3)));

        List<Finding> f = new MirrorCheck().examine(situation(env, List.of(mirror("local", url()))));

        Finding clock = f.stream().filter(x -> x.id().equals("clock")).findFirst().orElseThrow();
        assertEquals(Status.FAIL, clock.status());
        assertTrue(clock.finding().startsWith("the system clock is 3 hours behind 127.0.0.1's ("), clock.finding());
        assertTrue(clock.finding().endsWith("TLS certificates look expired or not yet valid"), clock.finding());
        assertEquals("set the clock right: 'sudo timedatectl set-ntp true' (Linux) or System Settings > Date & Time (macOS)", clock.fix());
        assertEquals(Status.OK, f.stream().filter(x -> x.id().equals("mirrors")).findFirst().orElseThrow().status());
    }

    @Test
    void aRightClockAndReachableMirrorsAreOk() {
        List<Finding> f = new MirrorCheck().examine(situation(env(), List.of(mirror("local", url()))));

        assertEquals(List.of("mirrors", "tls", "clock"), f.stream().map(Finding::id).toList());
        assertTrue(f.stream().allMatch(x -> x.status() == Status.OK), f.toString());
        assertEquals("all 1 mirrors answer directly (no proxy set): local", f.get(0).finding());
    }

    @Test
    void someMirrorsDownWarnsAndAllDownFailsNamingTheProxy() {
        Settings.MirrorConfig down = mirror("corp", "http://127.0.0.1:9/");

        Finding some = new MirrorCheck().examine(situation(env(), List.of(mirror("local", url()), down))).get(0);
        Finding all = new MirrorCheck().examine(situation(env().with("HTTPS_PROXY", "http://127.0.0.1:9"), List.of(down))).get(0);

        assertEquals(Status.WARN, some.status());
        assertTrue(some.finding().startsWith("1 of 2 mirrors answer directly (no proxy set); failing: corp: "), some.finding());
        assertEquals(Status.FAIL, all.status());
        assertTrue(all.finding().startsWith("no mirror answers through proxy 'http://127.0.0.1:9': corp: "), all.finding());
        assertTrue(all.fix().contains("'[network] proxy = \"http://proxy:3128\"' in config.toml (or HTTPS_PROXY)"), all.fix());
    }

    @Test
    void builtInMirrorsThatDoNotAnswerAreNotCalledConfigTomlEntries() {
        // No [[mirror]] in config.toml: the chain is the built-in one, and only proxy.golang.org answers (a network that
        // lets a module proxy through). There are no config.toml entries to fix or remove.
        List<Settings.MirrorConfig> chain = List.of(mirror("official", "http://127.0.0.1:9/"), mirror("proxy.golang.org", url()));

        Finding f = new MirrorCheck().examine(situation(env(), chain)).get(0);

        assertEquals(Status.WARN, f.status());
        assertEquals("jgvm falls through to the mirrors that answer (proxy.golang.org); to stop asking the others, list the mirrors "
                + "you can reach as [[mirror]] tables in config.toml, which replace the built-in chain", f.fix());
    }

    @Test
    void configuredMirrorsThatDoNotAnswerAreToBeFixedInConfigToml() throws IOException {
        Path home = java.nio.file.Files.createDirectories(tmp.resolve("jgvm"));
        java.nio.file.Files.writeString(home.resolve("config.toml"), """
                [[mirror]]
                name = "corp"
                type = "dl"
                url = "http://127.0.0.1:9/"

                [[mirror]]
                name = "local"
                type = "dl"
                url = "%s"
                """.formatted(url()));
        Situation s = situation(env(), List.of());
        s = new Situation(s.env(), s.settings(), s.store(), s.resolution(), s.machine(), Map.of(), s.jdk(), s.settings().mirrors());

        Finding f = new MirrorCheck().examine(s).get(0);

        assertEquals(Status.WARN, f.status());
        assertEquals("fix or remove the failing [[mirror]] entries in config.toml (corp); jgvm falls through to the next mirror meanwhile", f.fix());
    }

    @Test
    void mirrorsNamedByJgvmMirrorsThatDoNotAnswerAreToBeDroppedFromIt() {
        Env env = env().with("JGVM_MIRRORS", "official,proxy.golang.org");
        List<Settings.MirrorConfig> chain = List.of(mirror("official", "http://127.0.0.1:9/"), mirror("proxy.golang.org", url()));

        Finding f = new MirrorCheck().examine(situation(env, chain)).get(0);

        assertEquals("drop the failing mirrors (official) from JGVM_MIRRORS; jgvm falls through to the next mirror meanwhile", f.fix());
    }

    private String url() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/"; }

    private static Settings.MirrorConfig mirror(String name, String url) {
        return new Settings.MirrorConfig(name, "dl", url, Map.of("name", name, "type", "dl", "url", url));
    }

    private Env env() { return Env.of("HOME", tmp, "JGVM_HOME", tmp.resolve("jgvm"), "PATH", "/usr/bin:/bin").withCwd(tmp); }

    private Situation situation(Env env, List<Settings.MirrorConfig> mirrors) {
        Settings settings = new SettingsLoader().load(env);
        InstallStore store = new InstallStore(env.jgvmHome(), Duration.ofSeconds(5));
        return new Situation(env, settings, store, new VersionResolver().resolve(env, true, store), Platform.parse("linux/amd64"),
                Map.of(), new Situation.Jdk(tmp, "21"), mirrors);
    }
}
