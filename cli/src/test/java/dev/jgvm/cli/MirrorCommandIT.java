package dev.jgvm.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.FakeGoMirror;
import dev.jgvm.fixtures.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jgvm mirror list} and {@code mirror test}: the chain in effect, and which of its mirrors work. */
class MirrorCommandIT {
    private static final String TOKEN = "t0ken-for-the-mirror-list";
    private static final String PROXY_PASSWORD = "pr0xy-pw-in-the-list";
    private static FakeGoMirror world;
    @TempDir Path tmp;

    @BeforeAll
    static void start() { world = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start(); }

    @AfterAll
    static void stop() { world.close(); }

    private Cli cli(String config, String... vars) throws IOException {
        Path home = tmp.resolve("jgvm");
        Files.createDirectories(home.resolve("keys"));
        Files.copy(world.trustedKey(), home.resolve("keys/mirror-release.asc"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (!config.isEmpty()) Files.writeString(home.resolve("config.toml"), config);
        Env env = Env.of("JGVM_HOME", home, "HOME", tmp, "JGVM_PLATFORM", "linux/amd64").withCwd(tmp);
        for (var e : world.env().entrySet()) env = env.with(e.getKey(), e.getValue());
        for (int i = 0; i < vars.length; i += 2) env = env.with(vars[i], vars[i + 1]);
        return Cli.inProcess(env);
    }

    private static String chain() {
        return """
                [network]
                connect_timeout = "1s"
                read_timeout = "2s"
                retries = 0

                [[mirror]]
                name = "primary"
                type = "dl"
                url = "%s"

                [[mirror]]
                name = "dead"
                type = "dl"
                url = "http://127.0.0.1:1/go/"

                [[mirror]]
                name = "nexus"
                type = "goproxy"
                url = "https://nexus.corp.example/repository/go-proxy/"
                username = "ci"
                password_env = "NEXUS_TOKEN"
                """.formatted(world.url());
    }

    @Test
    void listShowsTheChainInOrderWithSourcesCredentialsAndProxyButNoSecret() throws IOException {
        Cli jgvm = cli(chain(), "NEXUS_TOKEN", TOKEN, "HTTPS_PROXY", "http://alice:" + PROXY_PASSWORD + "@127.0.0.1:3128");

        CliResult text = jgvm.run("mirror", "list");
        CliResult json = jgvm.run("mirror", "list", "--json");

        assertEquals(0, text.exitCode(), text.toString());
        String[] lines = text.out().split("\n");
        assertEquals(4, lines.length, text.out());
        assertTrue(lines[0].startsWith("NAME"), lines[0]);
        assertTrue(lines[1].startsWith("primary ") && lines[1].contains("config.toml") && lines[1].contains("direct"), lines[1]);
        assertTrue(lines[2].startsWith("dead "), lines[2]);
        assertTrue(lines[3].startsWith("nexus ") && lines[3].contains("user 'ci' from password_env NEXUS_TOKEN")
                && lines[3].contains("http://alice@127.0.0.1:3128 (HTTPS_PROXY)"), lines[3]);
        JsonArray a = JsonParser.parseString(json.out()).getAsJsonArray();
        assertEquals(3, a.size());
        JsonObject nexus = a.get(2).getAsJsonObject();
        assertEquals("goproxy", nexus.get("type").getAsString());
        assertEquals("config.toml", nexus.get("from").getAsString());
        for (CliResult r : new CliResult[] {text, json}) {
            assertFalse(r.out().contains(TOKEN) || r.err().contains(TOKEN), r.toString());
            assertFalse(r.out().contains(PROXY_PASSWORD) || r.err().contains(PROXY_PASSWORD), r.toString());
        }
    }

    @Test
    void listNamesTheDefaultsAndTheUsersGoproxy() throws IOException {
        CliResult r = cli("", "GOPROXY", "https://goproxy.corp.example,direct").run("mirror", "list", "--json");

        assertEquals(0, r.exitCode(), r.toString());
        JsonArray a = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals("official", a.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("built-in default", a.get(0).getAsJsonObject().get("from").getAsString());
        assertEquals("GOPROXY (environment)", a.get(2).getAsJsonObject().get("from").getAsString());
        assertEquals("https://goproxy.corp.example/", a.get(2).getAsJsonObject().get("url").getAsString());
    }

    @Test
    void testReportsEachMirrorAndFailsWhenOneIsDead() throws IOException {
        Cli jgvm = cli(chain(), "NEXUS_TOKEN", TOKEN);

        CliResult both = jgvm.run("mirror", "test", "primary", "dead", "--json");
        CliResult good = jgvm.run("mirror", "test", "primary");

        assertEquals(1, both.exitCode(), both.toString());
        JsonArray a = JsonParser.parseString(both.out()).getAsJsonArray();
        JsonObject primary = a.get(0).getAsJsonObject();
        assertTrue(primary.get("ok").getAsBoolean(), both.toString());
        assertEquals(3, primary.get("releases").getAsInt());
        assertEquals("1.22.5", primary.get("newest").getAsString());
        assertEquals("signed", primary.get("evidence").getAsString());
        JsonObject dead = a.get(1).getAsJsonObject();
        assertFalse(dead.get("ok").getAsBoolean());
        assertFalse(dead.get("reachable").getAsBoolean());
        assertEquals(0, good.exitCode(), good.toString());
        assertTrue(good.out().lines().skip(1).findFirst().orElse("").matches("primary +ok +none +3 +1\\.22\\.5 +signed +\\d+ ms"), good.out());
    }
}
