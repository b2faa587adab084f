package dev.jgvm.shims;

import dev.jgvm.core.config.Settings;

import java.nio.file.Path;

/**
 * The shell code {@code jgvm init} prints (README, 'Shell set-up'): {@code shims/} first on PATH, and in hook mode the prompt
 * hook that puts the selected version's {@code bin/} in front of it with no process at a prompt (bash, zsh) or only
 * when the directory or a version file changed (fish). Completion scripts are added by the CLI.
 */
public final class ShellInit {
    /** Shells {@code jgvm init} supports. */
    public enum Shell { bash, zsh, fish, sh, pwsh }

    /** How {@code go} finds its version: through the shims, or a prompt hook in front of them. */
    public enum Mode { shims, hook }

    /** The set-up code for one shell, without completion. */
    public String script(Shell shell, Mode mode, Path home, Path launcher, Settings settings) {
        String shims = home.resolve("shims").toString();
        return switch (shell) {
            case bash, zsh, sh -> posix(shell, mode, home, shims, settings);
            case fish -> fish(mode, home, shims, launcher, settings);
            case pwsh -> "$env:JGVM_HOME = " + psQuote(home.toString()) + "\n"
                    + "$env:PATH = " + psQuote(shims) + " + [IO.Path]::PathSeparator + (($env:PATH -split [IO.Path]::PathSeparator | "
                    + "Where-Object { $_ -ne " + psQuote(shims) + " }) -join [IO.Path]::PathSeparator)\n";
        };
    }

    private static String posix(Shell shell, Mode mode, Path home, String shims, Settings settings) {
        String q = ShimWriter.shQuote(shims);
        StringBuilder b = new StringBuilder();
        b.append("# jgvm set-up for ").append(shell).append(" (").append(mode).append(" mode): eval \"$(jgvm init ")
                .append(shell).append(mode == Mode.hook ? " --mode hook" : "").append(")\"\n");
        b.append("JGVM_HOME=").append(ShimWriter.shQuote(home.toString())).append("\nexport JGVM_HOME\n");
        // Shims first on PATH, once, wherever an earlier set-up put them.
        b.append("case \":$PATH:\" in\n  *:").append(q).append(":*) PATH=:$PATH:\n")
                .append("    while case $PATH in *:").append(q).append(":*) true ;; *) false ;; esac; do\n")
                .append("      PATH=${PATH%%:").append(q).append(":*}:${PATH#*:").append(q).append(":}\n")
                .append("    done\n    PATH=${PATH#:}; PATH=${PATH%:} ;;\nesac\n");
        b.append("PATH=").append(q).append("${PATH:+:$PATH}\nexport PATH\n");
        if (mode == Mode.hook && shell != Shell.sh) {
            String functions = "_jgvm_gomod_default=" + (settings.readGoMod() ? "1" : "0") + "\n"
                    + ShimWriter.resolver() + ShimWriter.resource("hook.bash");
            if (shell == Shell.zsh) {
                // The resolver is POSIX sh: zsh runs it under sh emulation (word splitting, no nomatch errors).
                b.append("emulate sh -c ").append(ShimWriter.shQuote(functions)).append("\n");
                b.append("typeset -ag precmd_functions\n");
                b.append("(( ${precmd_functions[(Ie)_jgvm_hook]} )) || precmd_functions=(_jgvm_hook $precmd_functions)\n");
            } else {
                b.append(functions);
                b.append("case \";${PROMPT_COMMAND-};\" in *\";_jgvm_hook;\"*) ;; *) PROMPT_COMMAND=\"_jgvm_hook${PROMPT_COMMAND:+;$PROMPT_COMMAND}\" ;; esac\n");
            }
            b.append("_jgvm_hook\n");
            // With no shim in front of go, the hook is what exports gotoolchain (README, Configuration).
            if (!settings.gotoolchain().isEmpty()) {
                b.append("GOTOOLCHAIN=").append(ShimWriter.shQuote(settings.gotoolchain())).append("\nexport GOTOOLCHAIN\n");
            }
        }
        return b.toString();
    }

    private static String fish(Mode mode, Path home, String shims, Path launcher, Settings settings) {
        StringBuilder b = new StringBuilder();
        b.append("# jgvm set-up for fish (").append(mode).append(" mode): jgvm init fish").append(mode == Mode.hook ? " --mode hook" : "")
                .append(" | source\n");
        b.append("set -gx JGVM_HOME ").append(fishQuote(home.toString())).append("\n");
        b.append("set -gx PATH ").append(fishQuote(shims)).append(" (string match -v -- ").append(fishQuote(shims)).append(" $PATH)\n");
        if (mode == Mode.hook) {
            b.append(ShimWriter.resource("hook.fish").replace("@JGVM@", fishQuote(launcher.toString())));
            b.append("_jgvm_hook\n");
            if (!settings.gotoolchain().isEmpty()) b.append("set -gx GOTOOLCHAIN ").append(fishQuote(settings.gotoolchain())).append("\n");
        }
        return b.toString();
    }

    /** Quotes for fish: single quotes, with backslash and single quote escaped. */
    public static String fishQuote(String s) { return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"; }

    /** Quotes for PowerShell: single quotes, doubled inside. */
    public static String psQuote(String s) { return "'" + s.replace("'", "''") + "'"; }
}
