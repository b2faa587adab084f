package dev.jgvm.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.FakeGoMirror;
import dev.jgvm.fixtures.FixtureDistribution;
import dev.jgvm.fixtures.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jgvm outdated} and {@code jgvm upgrade} against a loopback mirror listing 1.22.5, 1.21.13 and 1.23rc1. */
class UpgradeIT {
    @TempDir Path tmp;
    private Path home;
    private Path project;

    private Cli cli(FakeGoMirror m) throws IOException {
        home = tmp.resolve("jgvm");
        project = Files.createDirectories(tmp.resolve("src/api"));
        Files.createDirectories(home.resolve("keys"));
        Files.writeString(home.resolve("config.toml"), m.configToml());
        Files.copy(m.trustedKey(), home.resolve("keys/mirror-release.asc"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Env env = Env.of("JGVM_HOME", home, "HOME", tmp, "JGVM_PLATFORM", "linux/amd64").withCwd(project);
        for (var e : m.env().entrySet()) env = env.with(e.getKey(), e.getValue());
        Cli jgvm = Cli.inProcess(env);
        // An older patch release of 1.22, installed from a local archive; 1.21.13 from the mirror.
        Path old = FixtureDistribution.of("1.22.3").writeTarGz(Files.createDirectories(tmp.resolve("downloads")));
        assertEquals(0, jgvm.run("install", "--from", old.toString(), "--sha256", FixtureDistribution.sha256(old)).exitCode());
        assertEquals(0, jgvm.run("install", "1.21.13").exitCode());
        Files.writeString(project.resolve(".go-version"), "1.22.3\n");
        return jgvm;
    }

    @Test
    void outdatedListsTheSelectedAndInstalledLinesAndWhoseListingThatIs() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start()) {
            Cli jgvm = cli(m);

            CliResult text = jgvm.run("outdated");
            CliResult json = jgvm.run("--json", "outdated");

            assertEquals(0, text.exitCode(), text.toString());
            assertEquals("1.22    1.22.3    1.22.5    outdated (selected here)\n1.21    1.21.13   1.21.13   up to date\n", text.out());
            assertTrue(text.err().contains("info: newest releases as listed by mirror 'primary', not by the official release list ("), text.err());
            assertTrue(text.err().contains("hint: 'jgvm upgrade' installs them"), text.err());
            JsonObject o = JsonParser.parseString(json.out()).getAsJsonObject();
            assertEquals("primary", o.get("source").getAsString());
            assertEquals("mirror", o.get("listing").getAsString());
            JsonObject first = o.getAsJsonArray("lines").get(0).getAsJsonObject();
            assertEquals("1.22", first.get("line").getAsString());
            assertEquals("1.22.3", first.get("installed").getAsString());
            assertEquals("1.22.5", first.get("newest").getAsString());
            assertTrue(first.get("outdated").getAsBoolean());
            assertTrue(first.get("selected").getAsBoolean());
        }
    }

    @Test
    void outdatedReadsTheOfficialListFirstAsInstallsResolutionDoes() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.FREEZING_MIRROR).start().officialList(true)) {
            Cli jgvm = cli(m);

            CliResult text = jgvm.run("outdated");
            CliResult json = jgvm.run("--json", "outdated");

            assertEquals(0, text.exitCode(), text.toString());
            // The mirror froze at 1.21.13; the official list knows 1.22.5.
            assertEquals("1.22    1.22.3    1.22.5    outdated (selected here)\n1.21    1.21.13   1.21.13   up to date\n", text.out());
            assertTrue(text.err().contains("info: newest releases as listed by the official release list '" + m.originUrl() + "?mode=json&include=all'"),
                    text.err());
            JsonObject o = JsonParser.parseString(json.out()).getAsJsonObject();
            assertEquals(m.originUrl() + "?mode=json&include=all", o.get("source").getAsString());
            assertEquals("official", o.get("listing").getAsString());
        }
    }

    @Test
    void outdatedWithNothingAnsweringShowsTheListingReadLastAndSaysSo() throws IOException {
        Cli jgvm;
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start()) {
            jgvm = cli(m);
            assertEquals(0, jgvm.run("outdated").exitCode());
        }
        // Without the dl plugin's own copy of the mirror's listing, so that the catalogue's memory is what answers.
        deleteTree(home.resolve("cache/plugins"));

        CliResult text = jgvm.run("outdated");
        CliResult json = jgvm.run("--json", "outdated");

        assertEquals(0, text.exitCode(), text.toString());
        assertEquals("1.22    1.22.3    1.22.5    outdated (selected here)\n1.21    1.21.13   1.21.13   up to date\n", text.out());
        assertTrue(text.err().contains("warn: no mirror answered ("), text.err());
        assertTrue(text.err().contains("newest releases as listed by mirror 'primary', read today"), text.err());
        JsonObject o = JsonParser.parseString(json.out()).getAsJsonObject();
        assertEquals("cache", o.get("listing").getAsString());
        assertEquals("mirror 'primary'", o.get("source").getAsString());
    }

    @Test
    void upgradePinInstallsTheNewestPatchAndRewritesGoVersion() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start()) {
            Cli jgvm = cli(m);

            CliResult r = jgvm.run("upgrade", "--pin");
            CliResult after = jgvm.run("outdated");

            assertEquals(0, r.exitCode(), r.toString());
            assertEquals("1.22 1.22.3 -> 1.22.5\n", r.out());
            assertTrue(Files.isExecutable(home.resolve("versions/1.22.5/bin/go")));
            assertTrue(Files.isDirectory(home.resolve("versions/1.22.3")), "the older release stays");
            assertEquals("1.22.5\n", Files.readString(project.resolve(".go-version")));
            assertTrue(r.err().contains(project.resolve(".go-version") + " now selects go 1.22.5"), r.err());
            assertEquals("1.22    1.22.5    1.22.5    up to date (selected here)\n1.21    1.21.13   1.21.13   up to date\n", after.out());
        }
    }

    @Test
    void upgradeOfANamedLineWithoutPinLeavesGoVersionAndSaysSo() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start()) {
            Cli jgvm = cli(m);

            CliResult r = jgvm.run("--json", "upgrade", "1.22", "1.21");
            CliResult release = jgvm.run("upgrade", "1.22.5");
            CliResult unlisted = jgvm.run("upgrade", "1.19");

            assertEquals(0, r.exitCode(), r.toString());
            JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
            assertEquals(1, o.getAsJsonArray("upgraded").size());
            JsonObject u = o.getAsJsonArray("upgraded").get(0).getAsJsonObject();
            assertEquals("1.22.3", u.get("from").getAsString());
            assertEquals("1.22.5", u.get("to").getAsString());
            assertEquals(home.resolve("versions/1.22.5").toString(), u.get("goroot").getAsString());
            assertFalse(o.has("pinned"));
            assertEquals("1.22.3\n", Files.readString(project.resolve(".go-version")));
            assertEquals(2, release.exitCode());
            assertTrue(release.err().contains("error: '1.22.5' is not a release line"), release.err());
            assertEquals(3, unlisted.exitCode());
            assertTrue(unlisted.err().contains("error: mirror 'primary' lists no release of go 1.19 for linux/amd64"), unlisted.err());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
