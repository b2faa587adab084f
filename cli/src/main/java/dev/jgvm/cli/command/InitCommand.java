package dev.jgvm.cli.command;

import dev.jgvm.cli.Services;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.shims.ShellInit;
import dev.jgvm.shims.ShellInit.Mode;
import dev.jgvm.shims.ShellInit.Shell;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code jgvm init [SHELL] [--mode shims|hook]}: the shell set-up to eval, with completion. */
@Command(name = "init", description = "Print shell set-up: shims on PATH (or the prompt hook) and completion. Use: eval \"$(jgvm init bash)\".")
public final class InitCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SHELL", arity = "0..1", description = "bash, zsh, fish, sh or pwsh (default: from $SHELL).")
    Shell shell;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "shims",
            description = "shims (default): shims/ first on PATH; hook: a prompt hook puts the selected version's bin/ first, no shim per go call.")
    Mode mode;

    @Option(names = "--no-completion", description = "Leave out the completion script.")
    boolean noCompletion;

    private final Services services;
    private final Supplier<CommandLine> fullModel;

    public InitCommand(Services services, Supplier<CommandLine> fullModel) {
        this.services = services;
        this.fullModel = fullModel;
    }

    @Override public Integer call() {
        Shell sh = Optional.ofNullable(shell).orElseGet(this::fromEnvironment);
        Path home = services.store().home();
        Path launcher = services.env().get("JGVM_LAUNCHER").map(Path::of).orElse(home.resolve("bin/jgvm"));
        StringBuilder out = new StringBuilder(new ShellInit().script(sh, mode, home, launcher, services.settings()));
        if (!noCompletion) out.append(completion(sh, fullModel.get()));
        services.terminal().out().print(out);
        services.terminal().out().flush();
        return ExitCode.OK.code();
    }

    private Shell fromEnvironment() {
        String name = services.env().get("SHELL").map(s -> s.substring(s.lastIndexOf('/') + 1)).orElse("bash");
        try {
            return Shell.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Shell.sh;
        }
    }

    /** Completion for a shell: picocli's generator for bash and zsh, subcommands and options for fish and pwsh. */
    static String completion(Shell shell, CommandLine root) {
        return switch (shell) {
            case bash, zsh -> AutoComplete.bash("jgvm", root);
            case fish -> fishCompletion(root.getCommandSpec());
            case pwsh -> pwshCompletion(root.getCommandSpec());
            case sh -> "";
        };
    }

    private static String fishCompletion(CommandSpec root) {
        StringBuilder b = new StringBuilder("complete -c jgvm -e\ncomplete -c jgvm -f\n");
        for (var e : new TreeMap<>(root.subcommands()).entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (!e.getKey().equals(sub.name())) continue; // aliases complete through the main name
            b.append("complete -c jgvm -n __fish_use_subcommand -a ").append(e.getKey()).append(" -d ")
                    .append(ShellInit.fishQuote(first(sub.usageMessage().description()))).append("\n");
            for (OptionSpec o : sub.options()) {
                for (String n : o.names()) {
                    if (!n.startsWith("--")) continue;
                    b.append("complete -c jgvm -n '__fish_seen_subcommand_from ").append(e.getKey()).append("' -l ")
                            .append(n.substring(2)).append(" -d ").append(ShellInit.fishQuote(first(o.description()))).append("\n");
                }
            }
        }
        return b.toString();
    }

    private static String pwshCompletion(CommandSpec root) {
        StringBuilder words = new StringBuilder();
        for (String name : new TreeMap<>(root.subcommands()).keySet()) words.append(words.length() == 0 ? "" : ", ").append(ShellInit.psQuote(name));
        return "Register-ArgumentCompleter -Native -CommandName jgvm -ScriptBlock {\n"
                + "  param($wordToComplete, $commandAst, $cursorPosition)\n"
                + "  @(" + words + ") | Where-Object { $_ -like \"$wordToComplete*\" } |\n"
                + "    ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_) }\n"
                + "}\n";
    }

    private static String first(String[] lines) { return lines.length == 0 ? "" : lines[0]; }
}
