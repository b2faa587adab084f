package dev.jgvm.cli;

import dev.jgvm.core.env.Env;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Help.Ansi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The root usage the build renders is picocli's rendering of the whole model, and every way of asking prints it. */
class RootUsageTest {
    @TempDir Path tmp;

    @Test
    void theRenderedTextsArePicocliRenderingOfTheModelPlainAndColoured() throws IOException {
        String plain = resource(RootUsage.PLAIN);
        String ansi = resource(RootUsage.ANSI);

        assertEquals(RootUsage.render(Ansi.OFF), plain);
        assertEquals(RootUsage.render(Ansi.ON), ansi);
        assertTrue(plain.contains("  list, ls ") && plain.contains("  help ") && plain.contains("Exit codes: "), plain);
        assertTrue(ansi.contains("\u001b["), "coloured");
        assertFalse(plain.contains("\u001b["), "plain");
    }

    @Test
    void jgvmAloneHelpDashHAndDashDashHelpPrintIt() {
        Env env = Env.of("JGVM_HOME", tmp.resolve("jgvm"), "HOME", tmp, "PATH", "/usr/bin:/bin").withCwd(tmp);
        String expected = RootUsage.render(Ansi.OFF);
        for (List<String> args : List.of(List.<String>of(), List.of("--help"), List.of("-h"), List.of("help"))) {
            Cli.CliResult r = Cli.inProcess(env).run(args.toArray(String[]::new));

            assertEquals(0, r.exitCode(), args + ": " + r);
            assertEquals(expected, r.out(), args.toString());
            assertEquals("", r.err(), args.toString());
        }
    }

    @Test
    void anythingMoreGoesToPicocli() {
        assertFalse(RootUsage.asked("--help", "list"));
        assertFalse(RootUsage.asked("help", "list"));
        assertFalse(RootUsage.asked("--json"));
        assertFalse(RootUsage.asked("-V"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RootUsage.class.getResourceAsStream(name)) {
            assertNotNull(in, name + " was not rendered by the build (cli/pom.xml, root-usage)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
