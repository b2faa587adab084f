package dev.jgvm.cli;

import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.FixtureDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command's usage is reachable as {@code CMD --help}, {@code CMD -h} and {@code jgvm help CMD}, with every option. */
class HelpTest {
    @TempDir Path tmp;

    private Env env() {
        return Env.of("JGVM_HOME", tmp.resolve("jgvm"), "HOME", tmp, "PATH", "/usr/bin:/bin", "JGVM_PLATFORM", "linux/amd64")
                .withCwd(tmp);
    }

    private CliResult jgvm(String... args) { return Cli.inProcess(env()).run(args); }

    private Services services() {
        Terminal.Settings ts = new Terminal.Settings();
        return new Services(env(), new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), ts), false);
    }

    /** Every command and subcommand by its qualified path (without "jgvm"), aliases left out. */
    private Map<List<String>, CommandSpec> everyCommand() {
        Map<List<String>, CommandSpec> out = new LinkedHashMap<>();
        walk(Main.commandLine(services(), new Terminal.Settings()), new ArrayList<>(), out);
        return out;
    }

    private static void walk(CommandLine cl, List<String> path, Map<List<String>, CommandSpec> out) {
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (!e.getKey().equals(e.getValue().getCommandName())) continue;
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            out.put(p, e.getValue().getCommandSpec());
            walk(e.getValue(), p, out);
        }
    }

    @Test
    void everyCommandAndSubcommandPrintsItsUsageWithEveryOptionForDashDashHelpDashHAndHelp() {
        Map<List<String>, CommandSpec> all = everyCommand();
        assertTrue(all.keySet().containsAll(List.of(List.of("install"), List.of("keys", "remove"), List.of("bundle", "create"), List.of("help"))),
                all.keySet().toString());

        for (Map.Entry<List<String>, CommandSpec> e : all.entrySet()) {
            List<String> cmd = e.getKey();
            String usage = "Usage: jgvm " + String.join(" ", cmd);
            List<CliResult> runs = new ArrayList<>();
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(cmd);
                args.add(flag);
                runs.add(jgvm(args.toArray(String[]::new)));
            }
            List<String> viaHelp = new ArrayList<>(List.of("help"));
            viaHelp.addAll(cmd);
            runs.add(jgvm(viaHelp.toArray(String[]::new)));

            for (CliResult r : runs) {
                assertEquals(0, r.exitCode(), cmd + ": " + r);
                assertEquals("", r.err(), cmd + ": " + r);
                assertTrue(r.out().startsWith(usage), cmd + ": " + r.out());
                for (OptionSpec o : e.getValue().options()) {
                    if (o.hidden()) continue;
                    assertTrue(r.out().contains(o.longestName()), cmd + " lacks " + o.longestName() + " in\n" + r.out());
                }
                assertTrue(r.out().contains("--json") && r.out().contains("--help"), cmd + ": " + r.out());
            }
        }
    }

    @Test
    void helpAloneAndHelpOfAnUnknownCommand() {
        CliResult root = jgvm("help");
        CliResult unknown = jgvm("help", "instal");

        assertEquals(0, root.exitCode(), root.toString());
        assertTrue(root.out().startsWith("Usage: jgvm "), root.out());
        assertTrue(root.out().contains("  help "), "help lists itself: " + root.out());
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertEquals("", unknown.out());
        assertEquals("error: unknown command 'instal'\nhint: run 'jgvm help' for the commands\n", unknown.err());
    }

    @Test
    void helpAfterAMissingRequiredArgumentStillPrintsUsage() {
        CliResult r = jgvm("keys", "remove", "--help");

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("Usage: jgvm keys remove"), r.out());
    }

    /** Hints name commands; each one they name must exist (a hint that points nowhere is worse than none). */
    @Test
    void everyCommandAHintOrMessageNamesExists() throws IOException {
        Map<List<String>, CommandSpec> all = everyCommand();
        List<String> roots = all.keySet().stream().map(p -> p.get(0)).distinct().toList();
        List<String> aliases = new ArrayList<>();
        all.values().forEach(s -> aliases.addAll(List.of(s.aliases())));
        Pattern named = Pattern.compile("'jgvm ([a-z][a-z-]*)");
        List<String> missing = new ArrayList<>();
        for (Path srcRoot : List.of(Path.of("src/main/java"), Path.of("../core/src/main/java"), Path.of("../shims/src/main"),
                Path.of("../plugins/src/main/java"))) {
            try (Stream<Path> files = Files.walk(srcRoot)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = named.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    while (m.find()) {
                        String c = m.group(1);
                        if (!roots.contains(c) && !aliases.contains(c)) missing.add(f.getFileName() + ": jgvm " + c);
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void bashCompletionOfUseOffersInstalledVersions() throws Exception {
        Path downloads = Files.createDirectories(tmp.resolve("dl"));
        for (String v : List.of("1.22.5", "1.21.13")) {
            Path a = FixtureDistribution.of(v).writeTarGz(downloads);
            assertEquals(0, jgvm("install", "--from", a.toString(), "--sha256", FixtureDistribution.sha256(a)).exitCode());
        }
        Path script = tmp.resolve("init.bash");
        Files.writeString(script, jgvm("init", "bash").out());

        String use = complete(script, "jgvm use ");
        String use121 = complete(script, "jgvm use 1.21");
        String uninstall = complete(script, "jgvm uninstall ");

        assertEquals(List.of("1.21.13", "1.22.5", "latest", "system"), sorted(use));
        assertEquals(List.of("1.21.13"), sorted(use121));
        assertEquals(List.of("1.21.13", "1.22.5"), sorted(uninstall));
    }

    private static List<String> sorted(String lines) { return lines.lines().filter(l -> !l.isEmpty()).sorted().toList(); }

    // Runs bash's programmable completion the way readline would for the words typed so far.
    private String complete(Path script, String line) throws Exception {
        String words = line.endsWith(" ") ? line + "''" : line;
        String prog = "source " + script + "\n"
                + "COMP_WORDS=(" + words + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_jgvm jgvm \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", prog).redirectErrorStream(true);
        pb.environment().remove("JGVM_HOME");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
