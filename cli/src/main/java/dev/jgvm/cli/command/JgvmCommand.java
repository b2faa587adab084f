package dev.jgvm.cli.command;

import dev.jgvm.cli.render.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;


/** The root command and its global options; {@code Main} adds the subcommands. */
@Command(name = "jgvm", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = JgvmCommand.Version.class,
        description = "Install Go toolchains side by side and use the one each project asks for.",
        footer = {"", "Exit codes: 0 ok, 1 failure, 2 usage, 3 version not found, 4 verification failed, 5 network, 6 busy,",
                "127 exec: no version or command, 130 interrupted. 'jgvm help COMMAND' shows a command's options."})
public final class JgvmCommand implements Runnable {
    private final Terminal.Settings ts;
    @Spec CommandSpec spec;

    public JgvmCommand(Terminal.Settings ts) { this.ts = ts; }

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print machine-readable JSON on stdout.")
    void json(boolean on) { ts.json = on; }

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print only the answer and errors.")
    void quiet(boolean on) { ts.quiet = on; }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Explain more: files looked at, sources tried.")
    void verbose(boolean on) { ts.verbose = on; }

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "No colours (also NO_COLOR=1).")
    void noColor(boolean on) { ts.noColor = ts.noColor || on; }

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** The version from the build, for {@code jgvm --version}. */
    public static final class Version implements IVersionProvider {
        @Override public String[] getVersion() { return new String[] {"jgvm " + number()}; }

        public static String number() { return dev.jgvm.shims.LauncherWriter.version(); }
    }
}
