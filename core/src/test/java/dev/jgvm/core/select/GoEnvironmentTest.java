package dev.jgvm.core.select;

import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.resolve.VersionResolver;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GoEnvironmentTest {
    @TempDir Path tmp;

    private GoEnvironment environment(Env env, String gotoolchain) {
        InstallStore store = new InstallStore(tmp.resolve("jgvm"), Duration.ofSeconds(1));
        Selector selector = new Selector(env, store, new VersionResolver(), true, gotoolchain, (s, p) -> { throw new AssertionError(); });
        return new GoEnvironment(selector, store, env, gotoolchain);
    }

    private Env env(String... vars) throws IOException {
        Path project = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(project.resolve(".go-version"), "1.22\n");
        Files.createDirectories(tmp.resolve("jgvm/versions/1.22.5/bin"));
        return Env.of((Object[]) vars).withHome(tmp).withCwd(project).with("JGVM_HOME", tmp.resolve("jgvm").toString());
    }

    @Test
    void theExportsAreThoseOfTheInstalledVersionSelectedHere() throws IOException {
        GoEnvironment.Exports e = environment(env(), "").here();

        Path goroot = tmp.resolve("jgvm/versions/1.22.5");
        assertEquals(new GoEnvironment.Exports(GoVersion.parse("1.22.5"), goroot, goroot.resolve("bin"), Optional.empty()), e);
        assertEquals(Optional.of("local"), environment(env(), "local").here().gotoolchain());
    }

    @Test
    void nothingSelectedIsTheSelectionError() throws IOException {
        Env env = env();
        Files.delete(tmp.resolve("src/.go-version"));
        assertThrows(VersionNotFoundException.class, () -> environment(env, "").here());
    }

    @Test
    void theChildEnvironmentPutsTheGorootFirstOnPathAndKeepsTheRest() throws IOException {
        Path goroot = tmp.resolve("jgvm/versions/1.22.5");

        Map<String, String> child = environment(env("PATH", "/usr/bin", "GOFLAGS", "-mod=mod"), "path").child(goroot);

        assertEquals(goroot.toString(), child.get("GOROOT"));
        assertEquals(goroot.resolve("bin") + File.pathSeparator + "/usr/bin", child.get("PATH"));
        assertEquals("path", child.get("GOTOOLCHAIN"));
        assertEquals("-mod=mod", child.get("GOFLAGS"));
        assertEquals(goroot.resolve("bin").toString(), environment(env(), "").child(goroot).get("PATH"));
        assertEquals(null, environment(env(), "").child(goroot).get("GOTOOLCHAIN"));
    }

    @Test
    void gitHubActionsFilesAreAppendedTo() throws IOException {
        Path envFile = Files.writeString(tmp.resolve("github-env"), "EARLIER=1\n");
        Path pathFile = tmp.resolve("github-path");
        GoEnvironment g = environment(env("GITHUB_ENV", envFile.toString(), "GITHUB_PATH", pathFile.toString()), "local");

        g.toGitHubActions(g.here());

        Path goroot = tmp.resolve("jgvm/versions/1.22.5");
        assertEquals("EARLIER=1\nGOROOT=" + goroot + "\nGOTOOLCHAIN=local\n", Files.readString(envFile));
        assertEquals(goroot.resolve("bin") + "\n", Files.readString(pathFile));
    }

    @Test
    void outsideGitHubActionsItIsAUsageError() throws IOException {
        GoEnvironment g = environment(env(), "");
        UsageException e = assertThrows(UsageException.class, () -> g.toGitHubActions(g.here()));
        assertEquals("GITHUB_ENV is not set", e.getMessage());
    }
}
