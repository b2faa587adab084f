package dev.jgvm.cli.command;

import dev.jgvm.cli.Services;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.UsageException;
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

import dev.jgvm.shims.ShimWriter;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code jgvm init [SHELL] [--mode shims|hook]}: the shell set-up to eval, with completion. */
@Command(name = "init", addMethodSubcommands = false, description = "Print shell set-up: shims on PATH (or the prompt hook) and completion. Use: eval \"$(jgvm init bash)\".")
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
        if (services.terminal().json()) throw new UsageException("'jgvm init' prints shell code; it has no JSON output", "leave out --json");
        Shell sh = Optional.ofNullable(shell).orElseGet(this::fromEnvironment);
        Path home = services.store().home();
        Path launcher = services.env().get("JGVM_LAUNCHER").map(Path::of).orElse(home.resolve("bin/jgvm"));
        StringBuilder out = new StringBuilder(new ShellInit().script(sh, mode, home, launcher, services.settings()));
        if (!noCompletion) out.append(completion(sh, fullModel.get(), home));
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

    /** Commands whose argument is an installed version; {@code use} also takes {@code latest} and {@code system}. */
    private static final List<String> VERSION_ARGUMENT = List.of("use", "uninstall", "rm", "verify");

    /**
     * Completion for a shell: picocli's generator for bash and zsh, subcommands and options for fish and pwsh. The
     * commands that take an installed version complete the names under {@code versions/}, read when Tab is pressed.
     */
    static String completion(Shell shell, CommandLine root, Path home) {
        return switch (shell) {
            case bash, zsh -> bashVersions(AutoComplete.bash("jgvm", root), home);
            case fish -> fishCompletion(root.getCommandSpec(), home);
            case pwsh -> pwshCompletion(root.getCommandSpec());
            case sh -> "";
        };
    }

    // picocli's script offers each command's positionals from a fixed list; for these commands the list is the
    // output of a function that reads versions/ (JGVM_HOME when set, else the home this script was made for).
    private static String bashVersions(String script, Path home) {
        String out = script;
        for (String cmd : VERSION_ARGUMENT) {
            String fn = "function _picocli_jgvm_" + cmd + "() {";
            int at = out.indexOf(fn);
            int pos = at < 0 ? -1 : out.indexOf("local positionals=\"\"", at);
            int end = at < 0 ? -1 : out.indexOf("\n}\n", at);
            if (pos < 0 || pos > end) throw new IllegalStateException("picocli's completion script changed shape near " + fn);
            String list = "$(_jgvm_installed_versions" + (cmd.equals("use") ? "; printf '%s\\n' latest system" : "") + ")";
            out = out.substring(0, pos) + "local positionals=\"" + list + "\"" + out.substring(pos + "local positionals=\"\"".length());
        }
        return out + "\n_jgvm_installed_versions() {\n"
                + "  local d h=" + ShimWriter.shQuote(home.toString()) + "\n"
                + "  for d in \"${JGVM_HOME:-$h}\"/versions/*/; do\n"
                + "    [ -d \"$d\" ] || continue; d=${d%/}; printf '%s\\n' \"${d##*/}\"\n"
                + "  done\n"
                + "}\n";
    }

    private static String fishCompletion(CommandSpec root, Path home) {
        StringBuilder b = new StringBuilder("complete -c jgvm -e\ncomplete -c jgvm -f\n");
        b.append("function __jgvm_installed_versions\n    set -l h ").append(ShellInit.fishQuote(home.toString())).append("\n")
                .append("    set -q JGVM_HOME; and set h $JGVM_HOME\n")
                .append("    for d in $h/versions/*/\n        string replace -r '.*/([^/]+)/$' '$1' -- $d\n    end\nend\n");
        b.append("complete -c jgvm -n '__fish_seen_subcommand_from ").append(String.join(" ", VERSION_ARGUMENT))
                .append("' -a '(__jgvm_installed_versions)'\n");
        b.append("complete -c jgvm -n '__fish_seen_subcommand_from use' -a 'latest system'\n");
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
