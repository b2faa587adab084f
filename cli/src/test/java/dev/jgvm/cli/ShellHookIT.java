package dev.jgvm.cli;

import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.FixtureDistribution;
import dev.jgvm.shims.LauncherWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real bash, zsh and fish sessions driven through {@code cd}s with {@code jgvm init --mode hook}: each prompt is
 * fired the way the shell fires it (PROMPT_COMMAND, precmd_functions, the fish_prompt event).
 */
class ShellHookIT {
    @TempDir Path tmp;
    Path home;
    Path api;
    Path web;

    @BeforeEach
    void installTwoVersions() throws IOException {
        home = tmp.resolve("jgvm home");
        Path dl = Files.createDirectories(tmp.resolve("dl"));
        for (String v : List.of("1.22.5", "1.21.13")) {
            Path a = FixtureDistribution.of(v).writeTarGz(dl);
            CliResult r = cli(tmp).run("install", "--from", a.toString(), "--sha256", FixtureDistribution.sha256(a));
            assertEquals(0, r.exitCode(), r.toString());
        }
        Files.delete(home.resolve("version")); // no global default: leaving a project must restore PATH exactly
        api = Files.createDirectories(tmp.resolve("src/api/internal"));
        Files.writeString(tmp.resolve("src/api/.go-version"), "1.21\n");
        web = Files.createDirectories(tmp.resolve("src/web"));
        Files.writeString(web.resolve("go.mod"), "module web\n\ngo 1.22\n\ntoolchain go1.22.5\n");
        new LauncherWriter().write(tmp.resolve("no-lib"), home, home.resolve("bin/jgvm"));
    }

    private Cli cli(Path cwd) { return Cli.inProcess(Env.of("JGVM_HOME", home, "HOME", tmp, "JGVM_PLATFORM", "linux/amd64").withCwd(cwd)); }

    private String init(String shell) throws IOException {
        CliResult r = cli(tmp).run("init", shell, "--mode", "hook");
        assertEquals(0, r.exitCode(), r.toString());
        return Files.writeString(tmp.resolve("init." + shell), r.out()).toString();
    }

    private String run(List<String> shell, String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(shell).directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("JGVM_"));
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("GOROOT", "/opt/previous-goroot");
        pb.environment().put("HOME", tmp.toString());
        Process p = pb.start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }

    private String expected() {
        Path v121 = home.resolve("versions/1.21.13");
        Path v122 = home.resolve("versions/1.22.5");
        String shims = home.resolve("shims").toString();
        return String.join("\n",
                "start go=" + shims + "/go GOROOT=/opt/previous-goroot",
                "api go=" + v121 + "/bin/go GOROOT=" + v121 + " version=go version go1.21.13 linux/amd64",
                "web go=" + v122 + "/bin/go GOROOT=" + v122,
                "edited go=" + v121 + "/bin/go",
                "left go=" + shims + "/go GOROOT=/opt/previous-goroot PATH=" + shims + ":/usr/bin:/bin") + "\n";
    }

    @Test
    void bashSwitchesOnCdAndRestoresOnLeaving() throws Exception {
        String prompt = "eval \"$PROMPT_COMMAND\"";
        String out = run(List.of("bash", "--norc", "--noprofile"), posixScript(init("bash"), prompt, "command -v go"));

        assertEquals(expected(), only(out));
    }

    @Test
    void zshSwitchesOnCdAndRestoresOnLeaving() throws Exception {
        String prompt = "for f in $precmd_functions; do $f; done";
        String out = run(List.of("zsh", "-f"), posixScript(init("zsh"), prompt, "whence -p go"));

        assertEquals(expected(), only(out));
    }

    @Test
    void fishSwitchesOnCdAndRestoresOnLeaving() throws Exception {
        String script = String.join("\n",
                "source " + q(init("fish")),
                "echo \"start go=\"(command -s go)\" GOROOT=$GOROOT\"",
                "cd " + q(api.toString()), "emit fish_prompt",
                "echo \"api go=\"(command -s go)\" GOROOT=$GOROOT version=\"(go version)",
                "cd " + q(web.toString()), "emit fish_prompt",
                "echo \"web go=\"(command -s go)\" GOROOT=$GOROOT\"",
                "echo 1.21.13 > .go-version", "emit fish_prompt",
                "echo \"edited go=\"(command -s go)",
                "rm .go-version",
                "cd /", "emit fish_prompt",
                "echo \"left go=\"(command -s go)\" GOROOT=$GOROOT PATH=\"(string join : $PATH)", "");

        String out = run(List.of("fish", "--no-config"), script);

        assertEquals(expected(), only(out));
    }

    @Test
    void fishNoticesTwoUsesWithinOneSecond() throws Exception {
        // The second write keeps the first one's modification time, as two `jgvm use` in one second do.
        String script = String.join("\n",
                "source " + q(init("fish")),
                "cd " + q(api.toString()), "emit fish_prompt",
                "echo \"api go=\"(command -s go)",
                "set -l t (path mtime ../.go-version)",
                "echo 1.22 > ../.go-version", "touch -d @$t ../.go-version", "emit fish_prompt",
                "echo \"web go=\"(command -s go)",
                "echo 1.21 > ../.go-version", "touch -d @$t ../.go-version", "emit fish_prompt",
                "echo \"edited go=\"(command -s go)", "");

        String out = run(List.of("fish", "--no-config"), script);

        assertEquals("api go=" + home.resolve("versions/1.21.13/bin/go") + "\n"
                + "web go=" + home.resolve("versions/1.22.5/bin/go") + "\n"
                + "edited go=" + home.resolve("versions/1.21.13/bin/go") + "\n", only(out));
    }

    @Test
    void anUnchangedDirectoryStartsNoProcessAtAPrompt() throws Exception {
        // PATH holds only the shell itself's needs: any external command the hook tried would fail loudly.
        String script = String.join("\n",
                "eval \"$(cat " + q(init("bash")) + ")\"",
                "cd " + q(api.toString()),
                "PATH=" + q(home.resolve("versions/1.21.13/bin") + ":" + home.resolve("shims") + ":/nonexistent"),
                "for i in 1 2 3 4 5; do eval \"$PROMPT_COMMAND\"; done",
                "echo \"after=$GOROOT\"", "");

        String out = run(List.of("bash", "--norc", "--noprofile"), script);

        assertEquals("after=" + home.resolve("versions/1.21.13") + "\n", out);
    }

    private String posixScript(String init, String prompt, String which) {
        return String.join("\n",
                "eval \"$(cat " + q(init) + ")\"",
                "echo \"start go=$(" + which + ") GOROOT=$GOROOT\"",
                "cd " + q(api.toString()), prompt,
                "echo \"api go=$(" + which + ") GOROOT=$GOROOT version=$(go version)\"",
                "cd " + q(web.toString()), prompt,
                "echo \"web go=$(" + which + ") GOROOT=$GOROOT\"",
                "echo 1.21.13 > .go-version", prompt,
                "echo \"edited go=$(" + which + ")\"",
                "rm .go-version",
                "cd /", prompt,
                "echo \"left go=$(" + which + ") GOROOT=$GOROOT PATH=$PATH\"", "");
    }

    // The lines the scripts print (fish's prompt event also writes terminal escapes, which are dropped).
    private static String only(String out) {
        StringBuilder b = new StringBuilder();
        for (String l : out.replaceAll("\u001b\\[\\?2004[hl]", "").split("\n")) {
            if (l.matches("(start|api|web|edited|left) .*")) b.append(l).append('\n');
        }
        return b.toString();
    }

    private static String q(String s) { return "'" + s.replace("'", "'\\''") + "'"; }
}
