package dev.jgvm.cli.command;

import com.google.gson.JsonObject;
import dev.jgvm.cli.render.Json;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.select.GoEnvironment;
import dev.jgvm.shims.ShellInit;
import dev.jgvm.shims.ShimWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code jgvm env}: the exports for the version selected here, for CI and scripts. */
@Command(name = "env", addMethodSubcommands = false, description = "Print GOROOT and PATH exports for the Go version selected here.")
public final class EnvCommand implements Callable<Integer> {
    /** Output dialects; bash and zsh read the sh one. */
    enum Shell { sh, bash, zsh, fish, pwsh, github }

    @Option(names = "--shell", paramLabel = "SHELL", defaultValue = "sh", description = "sh, bash, zsh (all three the same), fish, pwsh or github (writes GITHUB_ENV and GITHUB_PATH).")
    Shell shell;

    private final Terminal t;
    private final Supplier<GoEnvironment> environment;

    public EnvCommand(Terminal terminal, Supplier<GoEnvironment> environment) {
        this.t = terminal;
        this.environment = environment;
    }

    @Override public Integer call() {
        GoEnvironment env = environment.get();
        GoEnvironment.Exports e = env.here();
        String goroot = e.goroot().toString();
        String bin = e.bin().toString();
        if (t.json()) {
            JsonObject vars = new JsonObject();
            env.child(e.goroot()).forEach((k, val) -> {
                if (k.equals("GOROOT") || k.equals("PATH") || k.equals("GOTOOLCHAIN")) vars.addProperty(k, val);
            });
            JsonObject o = new JsonObject();
            o.addProperty("version", e.version().name());
            o.addProperty("goroot", goroot);
            o.add("env", vars);
            t.out().println(Json.render(o));
            return ExitCode.OK.code();
        }
        switch (shell) {
            case sh, bash, zsh -> {
                t.out().println("export GOROOT=" + sq(goroot));
                t.out().println("export PATH=" + sq(bin) + ":\"$PATH\"");
                e.gotoolchain().ifPresent(v -> t.out().println("export GOTOOLCHAIN=" + sq(v)));
            }
            case fish -> {
                t.out().println("set -gx GOROOT " + sq(goroot));
                t.out().println("set -gx PATH " + sq(bin) + " $PATH");
                e.gotoolchain().ifPresent(v -> t.out().println("set -gx GOTOOLCHAIN " + sq(v)));
            }
            case pwsh -> {
                t.out().println("$env:GOROOT = " + pq(goroot));
                t.out().println("$env:PATH = " + pq(bin) + " + [IO.Path]::PathSeparator + $env:PATH");
                e.gotoolchain().ifPresent(v -> t.out().println("$env:GOTOOLCHAIN = " + pq(v)));
            }
            case github -> {
                // GitHub Actions reads later steps' environment from the files GITHUB_ENV and GITHUB_PATH name.
                env.toGitHubActions(e);
                t.info("set GOROOT=%s and added %s to PATH for the next steps".formatted(goroot, bin));
            }
        }
        return ExitCode.OK.code();
    }

    private static String sq(String s) { return ShimWriter.shQuote(s); }

    private static String pq(String s) { return ShellInit.psQuote(s); }
}
