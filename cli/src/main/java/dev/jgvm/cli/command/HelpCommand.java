package dev.jgvm.cli.command;

import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code jgvm help [COMMAND [SUBCOMMAND]]}: the same usage {@code COMMAND --help} prints, for nested commands too. */
@Command(name = "help", addMethodSubcommands = false, helpCommand = true,
        description = "Show the usage of jgvm or of a command, e.g. 'jgvm help install' or 'jgvm help keys remove'.")
public final class HelpCommand implements Callable<Integer>, IHelpCommandInitializable2 {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command (and subcommand) to show the usage of.")
    List<String> names = new ArrayList<>();

    private CommandLine self;
    private ColorScheme colors;
    private PrintWriter out;

    @Override public void init(CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override public Integer call() {
        CommandLine target = self.getParent();
        for (String name : names) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new UsageException("unknown command '%s'".formatted(String.join(" ", names)), "run 'jgvm help' for the commands");
            }
            target = sub;
        }
        target.usage(out, colors);
        return ExitCode.OK.code();
    }
}
