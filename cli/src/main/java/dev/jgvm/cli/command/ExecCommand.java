package dev.jgvm.cli.command;

import dev.jgvm.cli.Services;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.ToolNotFoundException;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.exec.ChildProcess;
import dev.jgvm.core.exec.ToolLookup;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.resolve.Selection;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jgvm exec [--version SPEC] -- CMD...}: run a command with a Go version's environment. */
@Command(name = "exec", addMethodSubcommands = false, description = "Run a command with a Go version's GOROOT and PATH.")
public final class ExecCommand implements Callable<Integer> {
    @Option(names = "--version", paramLabel = "SPEC", description = "The Go version to use (default: the one selected here).")
    String version;

    @Parameters(paramLabel = "CMD", arity = "1..*", description = "The command and its arguments (after --).")
    List<String> command;

    @Option(names = "--shim", hidden = true, description = "Behave as a shim (the Windows .cmd shims use it): exit 127 when no version or command is found.")
    boolean shim;

    private final Services services;

    public ExecCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        if (services.terminal().json()) {
            throw new UsageException("'jgvm exec' prints what its command prints; it has no JSON output", "leave out --json");
        }
        try {
            return run();
        } catch (VersionNotFoundException | ToolNotFoundException e) {
            // The same contract as the sh shims: 127 and a hint when there is no version or no command to run.
            services.terminal().error(e.getMessage());
            e.hint().ifPresent(services.terminal()::hint);
            return ExitCode.SHIM_NOT_FOUND.code();
        }
    }

    private int run() {
        GoVersion v = version();
        Map<String, String> env = services.goEnvironment().child(services.store().goroot(v));
        List<String> argv = new ArrayList<>(command);
        argv.set(0, ToolLookup.onChildPath(command.get(0), env.get("PATH")));
        return ChildProcess.run(argv, env, services.env().cwd(), services.systemStreams(), services.terminal().out(), services.terminal().err());
    }

    private GoVersion version() {
        if (version == null) {
            Resolution here = services.resolveHere();
            if (shim) {
                Optional<ToolNotFoundException> missing = services.tools().shimMissing(here, command.get(0));
                if (missing.isPresent()) throw missing.get();
            }
            return Selected.installed(services, here);
        }
        VersionSpec spec = VersionSpec.parse(version);
        Optional<GoVersion> v = spec.select(services.store().installed());
        if (v.isPresent()) return v.get();
        Selection sel = new Selection(Optional.of(spec.text()), Selection.Source.COMMAND_LINE, Optional.empty(), List.of());
        if (spec instanceof VersionSpec.System) {
            throw new VersionNotFoundException("'system' is not a jgvm version", "run the command directly to use the Go on your PATH");
        }
        throw Selected.notInstalled(new Resolution(sel, Optional.empty()));
    }
}
