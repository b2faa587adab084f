package dev.jgvm.cli;

import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.env.Env;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code jgvm}'s own usage ({@code jgvm}, {@code jgvm --help}, {@code -h}, {@code jgvm help}), rendered by picocli at
 * build time. Rendering it at each start means building every command's model from its annotations: 6x the JVM floor
 * (ARCHITECTURE.md, Start-up). The build runs {@link #main} after compiling (cli/pom.xml) to write the text, plain
 * and with picocli's colours; {@code RootUsageTest} checks that both equal what picocli renders from the model.
 */
final class RootUsage {
    static final String PLAIN = "root-usage.txt";
    static final String ANSI = "root-usage.ansi.txt";

    private RootUsage() {}

    /** Whether {@code args} ask for the root usage and nothing else. */
    static boolean asked(String... args) {
        if (args.length == 0) return true;
        if (args.length > 1) return false;
        String a = args[0];
        return a.equals("--help") || a.equals("-h") || a.equals("help");
    }

    /** The text picocli would print now: with colours when its {@code Ansi.AUTO} would use them. */
    static String text() {
        String name = Ansi.AUTO.enabled() ? ANSI : PLAIN;
        try (InputStream in = RootUsage.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("the build left out " + name + " (cli/pom.xml renders it)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What picocli renders from the whole model. */
    static String render(Ansi ansi) {
        Terminal.Settings ts = new Terminal.Settings();
        PrintWriter sink = new PrintWriter(new StringWriter());
        Services services = new Services(Env.system(), new Terminal(sink, sink, ts), false);
        CommandLine cl = Main.commandLine(services, ts);
        return cl.getUsageMessage(ansi);
    }

    /** Build step: writes both texts into the directory given (the compiled classes' {@code dev/jgvm/cli}). */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        Files.writeString(dir.resolve(PLAIN), render(Ansi.OFF), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(ANSI), render(Ansi.ON), StandardCharsets.UTF_8);
    }
}
