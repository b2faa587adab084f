package dev.jgvm.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.FixtureDistribution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --json} prints one JSON document on stdout for every command that accepts it, and nothing else there. */
class JsonOutputTest {
    @TempDir Path tmp;
    private Path home;
    private Path project;

    @BeforeEach
    void layOut() throws IOException {
        home = tmp.resolve("jgvm");
        project = Files.createDirectories(tmp.resolve("src/api"));
        Path downloads = Files.createDirectories(tmp.resolve("downloads"));
        for (String v : new String[] {"1.22.5", "1.21.13"}) {
            Path a = FixtureDistribution.of(v).writeTarGz(downloads);
            CliResult r = jgvm("install", "--from", a.toString(), "--sha256", FixtureDistribution.sha256(a));
            assertEquals(0, r.exitCode(), r.toString());
        }
        Files.writeString(project.resolve(".go-version"), "1.22\n");
    }

    private Env env() {
        return Env.of("JGVM_HOME", home, "HOME", tmp, "PATH", "/usr/bin:/bin", "JGVM_PLATFORM", "linux/amd64",
                "JGVM_LOCK_TIMEOUT", "0.5", "JGVM_MIRRORS", "dl+" + tmp.resolve("no-mirror").toUri()).withCwd(project);
    }

    private CliResult jgvm(String... args) { return Cli.inProcess(env()).run(args); }

    private static JsonElement json(CliResult r) {
        assertTrue(r.out().startsWith("{") || r.out().startsWith("["), r.toString());
        return JsonParser.parseString(r.out());
    }

    @Test
    void whichAsJson() {
        CliResult r = jgvm("which", "--json");

        assertEquals(0, r.exitCode(), r.toString());
        JsonObject o = json(r).getAsJsonObject();
        assertEquals(home.resolve("versions/1.22.5/bin/go").toString(), o.get("path").getAsString());
        assertEquals("go", o.get("command").getAsString());
        assertEquals("1.22.5", o.get("version").getAsString());
        assertEquals("project_file", o.get("source").getAsString());
        assertEquals(project.resolve(".go-version").toString(), o.get("origin").getAsString());
    }

    @Test
    void whichOfAVersionCommandAsJsonNamesItsVersionNotTheSelection() {
        CliResult r = jgvm("which", "--json", "go1.22.5");

        assertEquals(0, r.exitCode(), r.toString());
        JsonObject o = json(r).getAsJsonObject();
        assertEquals(home.resolve("versions/1.22.5/bin/go").toString(), o.get("path").getAsString());
        assertEquals("go1.22.5", o.get("command").getAsString());
        assertEquals("1.22.5", o.get("version").getAsString());
        assertEquals("command_line", o.get("source").getAsString());
        assertTrue(!o.has("origin"), o.toString());   // no file selected it
    }

    @Test
    void envAsJson() {
        CliResult r = jgvm("env", "--json");

        assertEquals(0, r.exitCode(), r.toString());
        JsonObject o = json(r).getAsJsonObject();
        Path goroot = home.resolve("versions/1.22.5");
        assertEquals("1.22.5", o.get("version").getAsString());
        assertEquals(goroot.toString(), o.getAsJsonObject("env").get("GOROOT").getAsString());
        assertEquals(goroot.resolve("bin") + ":/usr/bin:/bin", o.getAsJsonObject("env").get("PATH").getAsString());
    }

    @Test
    void verifyAsJsonListsEachVersionAndStillExitsFourOnAChange() throws IOException {
        CliResult ok = jgvm("verify", "--json");
        Files.writeString(home.resolve("versions/1.22.5/VERSION"), "tampered\n");
        CliResult changed = jgvm("verify", "--json");

        assertEquals(0, ok.exitCode(), ok.toString());
        JsonArray a = json(ok).getAsJsonArray();
        assertEquals(2, a.size());
        assertEquals("1.21.13", a.get(0).getAsJsonObject().get("version").getAsString());
        assertEquals("ok", a.get(0).getAsJsonObject().get("status").getAsString());
        assertTrue(a.get(0).getAsJsonObject().get("tree_hash").getAsString().startsWith("c1:"));
        assertEquals(4, changed.exitCode(), changed.toString());
        assertEquals("modified", json(changed).getAsJsonArray().get(1).getAsJsonObject().get("status").getAsString());
    }

    @Test
    void useAsJsonHereAndGlobally() throws IOException {
        CliResult here = jgvm("use", "1.21", "--json");
        CliResult global = jgvm("use", "--global", "1.22.5", "--json");

        assertEquals(0, here.exitCode(), here.toString());
        JsonObject h = json(here).getAsJsonObject();
        assertEquals("1.21.13", h.get("version").getAsString());
        assertEquals("1.21", h.get("spec").getAsString());
        assertEquals(project.resolve(".go-version").toString(), h.get("file").getAsString());
        assertFalse(h.get("global").getAsBoolean());
        assertEquals("1.21\n", Files.readString(project.resolve(".go-version")));
        JsonObject g = json(global).getAsJsonObject();
        assertTrue(g.get("global").getAsBoolean());
        assertEquals(home.resolve("version").toString(), g.get("file").getAsString());
    }

    @Test
    void uninstallAsJson() {
        CliResult r = jgvm("uninstall", "1.21.13", "--json");

        assertEquals(0, r.exitCode(), r.toString());
        JsonArray a = json(r).getAsJsonArray();
        assertEquals(1, a.size());
        assertEquals("1.21.13", a.get(0).getAsJsonObject().get("version").getAsString());
        assertEquals(home.resolve("versions/1.21.13").toString(), a.get(0).getAsJsonObject().get("goroot").getAsString());
        assertFalse(Files.exists(home.resolve("versions/1.21.13")));
    }

    @Test
    void rehashAsJsonNamesTheShims() {
        CliResult r = jgvm("rehash", "--json");

        assertEquals(0, r.exitCode(), r.toString());
        JsonObject o = json(r).getAsJsonObject();
        assertEquals(home.resolve("shims").toString(), o.get("shims_dir").getAsString());
        assertTrue(o.getAsJsonArray("shims").toString().contains("\"go\""), o.toString());
        assertTrue(o.getAsJsonArray("shims").toString().contains("\"gofmt\""), o.toString());
    }

    @Test
    void verboseNeverPrintsAStackTraceOnlyJgvmDebugDoes() {
        CliResult verbose = Cli.inProcess(env().with("JGVM_LOCK_TIMEOUT", "abc")).run("-v", "uninstall", "1.22.5");
        CliResult debug = Cli.inProcess(env().with("JGVM_DEBUG", "1")).run("uninstall", "1.19.1");

        assertFalse(verbose.err().contains("\tat "), verbose.err());
        assertTrue(debug.err().contains("\tat "), debug.err());
    }
}
