package dev.jgvm.cli.command;

import com.google.gson.JsonObject;
import dev.jgvm.cli.render.Json;
import dev.jgvm.cli.Services;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.version.GoVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jgvm which [CMD]}: the real binary {@code go} (or CMD) runs here. */
@Command(name = "which", addMethodSubcommands = false, description = "Print the path of the real binary go (or CMD) would run here.")
public final class WhichCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CMD", arity = "0..1", defaultValue = "go", description = "A Go command such as gofmt (default: go).")
    String cmd;

    private final Services services;

    public WhichCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        Resolution r = services.resolveHere();
        CurrentCommand.explain(services.terminal(), r.selection());
        // A version command (go1.24.0) runs its own version whatever is selected here: the version is in its name.
        Optional<Path> named = r.none() ? Optional.empty() : services.tools().versionCommand(cmd);
        Path path = named.isPresent() ? named.get()
                : services.tools().binary(r, r.system() ? Optional.empty() : Optional.of(Selected.installed(services, r)), cmd);
        if (services.terminal().json()) {
            JsonObject o = new JsonObject();
            o.addProperty("command", cmd);
            o.addProperty("path", path.toString());
            if (named.isPresent()) {
                o.addProperty("version", cmd.substring(2));
                o.addProperty("source", "command_line");
                o.addProperty("origin", (String) null);
                services.terminal().out().println(Json.render(o));
                return ExitCode.OK.code();
            }
            o.addProperty("version", r.system() ? "system" : r.installed().map(GoVersion::name).orElse(null));
            o.addProperty("source", r.selection().source().name().toLowerCase(Locale.ROOT));
            o.addProperty("origin", r.selection().origin().map(Object::toString).orElse(null));
            services.terminal().out().println(Json.render(o));
            return ExitCode.OK.code();
        }
        services.terminal().out().println(path);
        return ExitCode.OK.code();
    }
}
