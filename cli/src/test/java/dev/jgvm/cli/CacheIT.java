package dev.jgvm.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.FakeGoMirror;
import dev.jgvm.fixtures.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jgvm cache list|clean} after real installs from a fake mirror: what is listed, what is removed, what stays. */
class CacheIT {
    private static final String A22 = "go1.22.5.linux-amd64.tar.gz";
    private static final String A21 = "go1.21.13.linux-amd64.tar.gz";
    @TempDir Path tmp;
    private Path home;
    private Env env;

    private Cli cli(FakeGoMirror m) throws IOException {
        home = tmp.resolve("jgvm");
        Files.createDirectories(home.resolve("keys"));
        Files.writeString(home.resolve("config.toml"), m.configToml());
        Files.copy(m.trustedKey(), home.resolve("keys/mirror-release.asc"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        env = Env.of("JGVM_HOME", home, "HOME", tmp, "JGVM_PLATFORM", "linux/amd64").withCwd(tmp);
        for (var e : m.env().entrySet()) env = env.with(e.getKey(), e.getValue());
        return Cli.inProcess(env);
    }

    private Cli later(Duration d) { return Cli.inProcess(env.withClock(Clock.fixed(Instant.now().plus(d), ZoneOffset.UTC))); }

    private static List<String> names(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsJsonObject().get("name").getAsString()));
        return out;
    }

    @Test
    void listsArchivesWithVersionPlatformSizeEvidenceAndAgeAndTheListings() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start()) {
            Cli jgvm = cli(m);
            assertEquals(0, jgvm.run("install", "1.22.5").exitCode());
            assertEquals(0, jgvm.run("install", "1.21.13").exitCode());
            assertEquals(0, jgvm.run("list-remote").exitCode());

            CliResult text = jgvm.run("cache", "list");
            CliResult json = jgvm.run("--json", "cache", "list");

            assertEquals(0, text.exitCode(), text.toString());
            List<String> lines = text.out().lines().toList();
            assertTrue(lines.get(0).matches("archive +" + A21.replace(".", "\\.") + "  1\\.21\\.13  linux/amd64  \\d+\\.\\d KiB  signed  \\d+s"), lines.get(0));
            assertTrue(lines.get(1).startsWith("archive  " + A22 + "  1.22.5  linux/amd64  "), lines.get(1));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("listing  releases.json  ")), text.out());
            assertTrue(lines.stream().anyMatch(l -> l.matches("listing  http://(localhost|127\\.0\\.0\\.1):\\d+/.*")), text.out());
            JsonArray a = JsonParser.parseString(json.out()).getAsJsonArray();
            JsonObject first = a.get(0).getAsJsonObject();
            assertEquals("archive", first.get("kind").getAsString());
            assertEquals("1.21.13", first.get("version").getAsString());
            assertEquals("linux/amd64", first.get("platform").getAsString());
            assertEquals("signed", first.get("evidence").getAsString());
            assertEquals(Files.size(home.resolve("cache/downloads").resolve(first.get("sha256").getAsString()))
                    + Files.size(home.resolve("cache/archives/" + A21 + ".json"))
                    + (Files.exists(home.resolve("cache/archives/" + A21 + ".asc")) ? Files.size(home.resolve("cache/archives/" + A21 + ".asc")) : 0),
                    first.get("bytes").getAsLong());
        }
    }

    @Test
    void cleanKeepsInstalledArchivesOnRequestAndADryRunRemovesNothing() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start()) {
            Cli jgvm = cli(m);
            assertEquals(0, jgvm.run("install", "1.22.5").exitCode());
            assertEquals(0, jgvm.run("install", "1.21.13").exitCode());
            assertEquals(0, jgvm.run("uninstall", "1.21.13").exitCode());

            CliResult dry = jgvm.run("--json", "cache", "clean", "--keep-installed", "--dry-run");
            assertTrue(Files.exists(home.resolve("cache/archives/" + A21 + ".json")), "a dry run removes nothing");
            CliResult clean = jgvm.run("cache", "clean", "--keep-installed");

            assertEquals(0, dry.exitCode(), dry.toString());
            JsonObject d = JsonParser.parseString(dry.out()).getAsJsonObject();
            assertTrue(d.get("dry_run").getAsBoolean());
            assertTrue(names(d.getAsJsonArray("removed")).contains(A21), dry.out());
            assertFalse(names(d.getAsJsonArray("removed")).contains(A22), dry.out());
            assertEquals(0, clean.exitCode(), clean.toString());
            assertTrue(clean.out().contains("removed archive  " + A21), clean.out());
            assertFalse(Files.exists(home.resolve("cache/archives/" + A21 + ".json")));
            assertTrue(Files.exists(home.resolve("cache/archives/" + A22 + ".json")));
            m.close();
            assertEquals(0, jgvm.run("install", "--force", "--offline", "1.22.5").exitCode(), "the kept archive still installs offline");
        }
    }

    @Test
    void olderThanCountsFromWhenEachItemWasCached() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start()) {
            Cli jgvm = cli(m);
            assertEquals(0, jgvm.run("install", "1.22.5").exitCode());
            assertEquals(0, jgvm.run("install", "1.21.13").exitCode());
            Path old = home.resolve("cache/archives/" + A21 + ".json");
            Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(40))));

            CliResult none = jgvm.run("cache", "clean", "--older-than", "30d", "--dry-run");
            CliResult some = jgvm.run("cache", "clean", "--older-than", "30d");
            CliResult bad = jgvm.run("cache", "clean", "--older-than", "a month");

            assertEquals(0, some.exitCode(), some.toString());
            assertTrue(none.out().contains(A21), none.out());
            assertFalse(none.out().contains(A22), none.out());
            assertFalse(Files.exists(old));
            assertTrue(Files.exists(home.resolve("cache/archives/" + A22 + ".json")));
            assertEquals(2, bad.exitCode());
            assertTrue(bad.err().contains("error: 'a month' is not an age"), bad.err());
            CliResult all = later(Duration.ofDays(31)).run("cache", "clean", "--older-than", "30d");
            assertEquals(0, all.exitCode());
            assertEquals(List.of(), names(JsonParser.parseString(jgvm.run("--json", "cache", "list").out()).getAsJsonArray()));
        }
    }

    @Test
    void cleanRemovesEverythingByDefaultButADownloadStillBeingWritten() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start()) {
            Cli jgvm = cli(m);
            assertEquals(0, jgvm.run("install", "1.22.5").exitCode());
            assertEquals(0, jgvm.run("list-remote").exitCode());
            Path fresh = Files.writeString(home.resolve("cache/downloads/" + "a".repeat(64) + ".partial"), "half");
            Path stale = Files.writeString(home.resolve("cache/downloads/" + "b".repeat(64) + ".partial"), "half");
            Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
            Path orphan = Files.writeString(home.resolve("cache/downloads/" + "c".repeat(64)), "no record");

            CliResult r = jgvm.run("cache", "clean");

            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(Files.exists(fresh), "a download in progress is left alone");
            assertFalse(Files.exists(stale));
            assertFalse(Files.exists(orphan));
            assertTrue(r.err().contains("left 1 unfinished download alone"), r.err());
            try (var s = Files.list(home.resolve("cache/archives"))) {
                assertEquals(List.of(), s.toList());
            }
            assertFalse(Files.exists(home.resolve("cache/releases.json")));
            assertTrue(Files.isExecutable(home.resolve("versions/1.22.5/bin/go")), "installs are not the cache's");
        }
    }

    @Test
    void cleanLeavesTheDownloadOfAnInstallAtWorkAloneHoweverOldItLooks() throws Exception {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start()) {
            cli(m);
            // A mirror that sends the archive in 20 pieces over 4 seconds; the fake origin's digest proves it.
            WireMockServer slow = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1").stubRequestLoggingDisabled(true));
            slow.start();
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                slow.stubFor(get(urlEqualTo("/" + A22)).willReturn(aResponse().withStatus(200).withBody(m.archive(A22)).withChunkedDribbleDelay(20, 4000)));
                Env viaSlow = env.with("JGVM_MIRRORS", "dl+" + slow.baseUrl() + "/").with("JGVM_READ_TIMEOUT", "20s");
                Future<CliResult> install = other.submit(() -> Cli.inProcess(viaSlow).run("install", "1.22.5"));
                Path downloads = home.resolve("cache/downloads");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (partials(downloads).isEmpty() && System.nanoTime() < deadline && !install.isDone()) Thread.sleep(20);
                assertEquals(1, partials(downloads).size(), "the download began");

                // Eleven minutes on, by the clock clean reads: the unfinished download looks abandoned by its age.
                CliResult clean = Cli.inProcess(viaSlow.withClock(Clock.fixed(Instant.now().plus(Duration.ofMinutes(11)), ZoneOffset.UTC))).run("cache", "clean");
                CliResult installed = install.get(60, TimeUnit.SECONDS);

                assertEquals(0, clean.exitCode(), clean.toString());
                assertTrue(clean.err().contains("info: left 1 item alone: in use by an install of go 1.22.5"), clean.toString());
                assertEquals(0, installed.exitCode(), installed.toString());
                assertTrue(Files.isExecutable(home.resolve("versions/1.22.5/bin/go")));
                assertTrue(Files.exists(home.resolve("cache/archives/" + A22 + ".json")), "the install cached what it proved");
            } finally {
                other.shutdownNow();
                slow.stop();
            }
        }
    }

    private static List<Path> partials(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
        }
    }
}
