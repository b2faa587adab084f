package dev.jgvm.cli;

import dev.jgvm.cli.command.BundleCommand;
import dev.jgvm.cli.command.CacheCommand;
import dev.jgvm.cli.command.CurrentCommand;
import dev.jgvm.cli.command.DoctorCommand;
import dev.jgvm.cli.command.EnvCommand;
import dev.jgvm.cli.command.ExecCommand;
import dev.jgvm.cli.command.HelpCommand;
import dev.jgvm.cli.command.CommandModels;
import dev.jgvm.cli.command.InitCommand;
import dev.jgvm.cli.command.KeysCommand;
import dev.jgvm.cli.command.InstallCommand;
import dev.jgvm.cli.command.JgvmCommand;
import dev.jgvm.cli.command.ListCommand;
import dev.jgvm.cli.command.ListRemoteCommand;
import dev.jgvm.cli.command.MirrorCommand;
import dev.jgvm.cli.command.OutdatedCommand;
import dev.jgvm.cli.command.PluginsCommand;
import dev.jgvm.cli.command.RehashCommand;
import dev.jgvm.cli.command.ToolsCommand;
import dev.jgvm.cli.command.UninstallCommand;
import dev.jgvm.cli.command.UpgradeCommand;
import dev.jgvm.cli.command.UseCommand;
import dev.jgvm.cli.command.VerifyCommand;
import dev.jgvm.cli.command.WhichCommand;
import dev.jgvm.cli.render.ErrorReporter;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.config.Settings;
import dev.jgvm.core.config.SettingsLoader;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.ExitCode;
import picocli.CommandLine;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Entry point: {@link #run} parses, dispatches and maps errors to exit codes; {@link #main} only calls it and exits. */
public final class Main {
    static {
        // Two things picocli does at its first use that jgvm never needs, measured with async-profiler on
        // `list --json`: it looks up Groovy's Closure class, a miss that opens every jar on the class path (~35 ms of
        // CPU); and it registers converters for java.sql and java.time types with Class.forName, which runs their
        // static initializers (MonthDay's builds a DateTimeFormatter; ~35 ms). No jgvm option has such a type.
        if (System.getProperty("picocli.disable.closures") == null) System.setProperty("picocli.disable.closures", "true");
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
        }
    }

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(Env.system(), out, err, true, args);
        out.flush();
        err.flush();
        System.out.flush();
        System.err.flush();
        // halt, not exit: on JDK 21+ Runtime.exit first asks System.Logger whether to log the exit, and finding
        // the logging back end opens every jar on the class path to look for a LoggerFinder (~50 ms of CPU on JDK 25
        // by async-profiler, a quarter of `list --json`). Nothing is left for the shutdown hooks at this point: the
        // staging directories and child processes that register one remove it when they are done, and a signal
        // still runs them: when one arrived (Ctrl-C during an install), exit waits for that shutdown, which ends
        // the process with the signal's status (130), as before.
        if (shuttingDown()) System.exit(code);
        Runtime.getRuntime().halt(code);
    }

    private static boolean shuttingDown() {
        // A Thread with nothing to run, not a lambda: this is the first lambda of a run, and linking it costs ~6% of
        // `list --json` on JDK 25, whose AOT cache holds the training run's linked lambdas but never runs main.
        Thread probe = new Thread();
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** Runs one jgvm command in process, as tests do; returns the exit code. */
    public static int run(Env env, PrintWriter out, PrintWriter err, String... args) {
        return run(env, out, err, false, args);
    }

    static int run(Env env, PrintWriter out, PrintWriter err, boolean systemStreams, String... args) {
        Settings.Console console = SettingsLoader.console(env);
        Terminal.Settings ts = new Terminal.Settings();
        ts.noColor = console.noColor();
        ts.stderrIsTerminal = console.stderrIsTerminal();
        Terminal terminal = new Terminal(out, err, ts);
        Services services = new Services(env, terminal, systemStreams);
        ErrorReporter reporter = new ErrorReporter(terminal, console.debug());
        try {
            if (RootUsage.asked(args)) {
                // The usage picocli would render from every command's model, rendered at build time (RootUsage).
                services.refreshShimsIfConfigChanged();
                out.print(RootUsage.text());
                return ExitCode.OK.code();
            }
            CommandLine cl = commandLine(services, ts, args);
            cl.setOut(out);
            cl.setErr(err);
            // Classes, not lambdas, on the way of every command: on JDK 17 each lambda linked at start costs about a
            // millisecond of interpreted method-handle work even with the start-up archive (ARCHITECTURE.md, Start-up).
            cl.setExecutionExceptionHandler(new CommandLine.IExecutionExceptionHandler() {
                @Override public int handleExecutionException(Exception ex, CommandLine line, CommandLine.ParseResult parsed) {
                    return reporter.report(ex);
                }
            });
            cl.setParameterExceptionHandler(new CommandLine.IParameterExceptionHandler() {
                @Override public int handleParseException(CommandLine.ParameterException ex, String[] a) {
                    if (ex instanceof CommandLine.UnmatchedArgumentException u && ex.getCommandLine().getParent() == null
                            && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
                        terminal.error("unknown command '%s'".formatted(u.getUnmatched().get(0)));
                        terminal.hint("run 'jgvm --help' for the commands");
                        return ExitCode.USAGE.code();
                    }
                    terminal.error(lowerFirst(ex.getMessage()));
                    CommandLine sub = ex.getCommandLine();
                    String name = sub.getCommandSpec().qualifiedName();
                    // 'jgvm init fish' takes the shell as a word, env as an option: the likely mix-up gets its own hint.
                    if (ex instanceof CommandLine.UnmatchedArgumentException u && sub.getCommandSpec().name().equals("env")
                            && u.getUnmatched().size() == 1 && SHELLS.contains(u.getUnmatched().get(0))) {
                        terminal.hint("write 'jgvm env --shell %s'".formatted(u.getUnmatched().get(0)));
                        return ExitCode.USAGE.code();
                    }
                    terminal.hint("run '%s --help' for usage".formatted(name));
                    return ExitCode.USAGE.code();
                }
            });
            services.refreshShimsIfConfigChanged();
            return cl.execute(args);
        } catch (RuntimeException e) {
            return reporter.report(e);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Subcommands by name and alias, in the order help lists them. */
    /** The values of {@code env --shell}. */
    private static final java.util.Set<String> SHELLS = java.util.Set.of("sh", "bash", "zsh", "fish", "pwsh", "github");

    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("install", InstallCommand.class);
        m.put("uninstall", UninstallCommand.class);
        m.put("rm", UninstallCommand.class);
        m.put("list", ListCommand.class);
        m.put("ls", ListCommand.class);
        m.put("use", UseCommand.class);
        m.put("current", CurrentCommand.class);
        m.put("which", WhichCommand.class);
        m.put("exec", ExecCommand.class);
        m.put("env", EnvCommand.class);
        m.put("list-remote", ListRemoteCommand.class);
        m.put("ls-remote", ListRemoteCommand.class);
        m.put("rehash", RehashCommand.class);
        m.put("init", InitCommand.class);
        m.put("keys", KeysCommand.class);
        m.put("bundle", BundleCommand.class);
        m.put("verify", VerifyCommand.class);
        m.put("mirror", MirrorCommand.class);
        m.put("cache", CacheCommand.class);
        m.put("outdated", OutdatedCommand.class);
        m.put("upgrade", UpgradeCommand.class);
        m.put("tools", ToolsCommand.class);
        m.put("plugins", PluginsCommand.class);
        m.put("doctor", DoctorCommand.class);
        return m;
    }

    static CommandLine commandLine(Services s, Terminal.Settings ts, String... args) {
        CommandFactory factory = new CommandFactory(s, ts, new Supplier<CommandLine>() {
            @Override public CommandLine get() { return commandLine(s, ts); }
        });
        CommandLine cl = factory.commandLine(JgvmCommand.class);
        // Building a subcommand's model costs start-up time (annotation reflection), so a run that names one
        // builds only that one; help and mistakes get them all.
        Optional<String> first = firstCommand(args);
        // 'help' shows any command's usage, so it needs them all.
        Class<?> named = first.isPresent() ? SUBCOMMANDS.get(first.get()) : null;
        boolean versionOnly = first.isEmpty() && args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        Set<Class<?>> added = new HashSet<>();
        for (Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) {
            if (versionOnly || named != null && e.getValue() != named || !added.add(e.getValue())) continue;
            cl.addSubcommand(factory.commandLine(e.getValue()));
        }
        if (named == null && !versionOnly) cl.addSubcommand(new CommandLine(HelpCommand.class, factory));
        addHelpOption(cl);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    // -h/--help on every command and subcommand, whatever it declares itself.
    private static void addHelpOption(CommandLine cl) {
        if (!cl.getCommandSpec().optionsMap().containsKey("--help")) cl.addMixin("help", CommandModels.helpOption());
        for (CommandLine sub : new HashSet<>(cl.getSubcommands().values())) addHelpOption(sub);
    }

    private static Optional<String> firstCommand(String... args) {
        for (String a : args) {
            if (a.equals("--")) return Optional.empty();
            if (!a.startsWith("-")) return Optional.of(a);
        }
        return Optional.empty();
    }

    private static String lowerFirst(String s) {
        if (s == null || s.isEmpty()) return "invalid arguments";
        String first = s.lines().findFirst().orElse(s);
        if (first.endsWith(".")) first = first.substring(0, first.length() - 1);
        return Character.toLowerCase(first.charAt(0)) + first.substring(1);
    }
}
