package dev.jgvm.cli.command;

import com.google.gson.JsonObject;
import dev.jgvm.cli.render.Json;
import dev.jgvm.cli.Services;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.ToolNotFoundException;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.version.GoVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code jgvm which [CMD]}: the real binary {@code go} (or CMD) runs here. */
@Command(name = "which", description = "Print the path of the real binary go (or CMD) would run here.")
public final class WhichCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CMD", arity = "0..1", defaultValue = "go", description = "A Go command such as gofmt (default: go).")
    String cmd;

    private final Services services;

    public WhichCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        Resolution r = services.resolveHere();
        CurrentCommand.explain(services.terminal(), r.selection());
        Path path = binary(services, r, cmd);
        if (services.terminal().json()) {
            JsonObject o = new JsonObject();
            o.addProperty("command", cmd);
            o.addProperty("path", path.toString());
            o.addProperty("version", r.system() ? "system" : r.installed().map(GoVersion::name).orElse(null));
            o.addProperty("source", r.selection().source().name().toLowerCase(Locale.ROOT));
            o.addProperty("origin", r.selection().origin().map(Object::toString).orElse(null));
            services.terminal().out().println(Json.render(o));
            return ExitCode.OK.code();
        }
        services.terminal().out().println(path);
        return ExitCode.OK.code();
    }

    /** The binary for {@code cmd} under the resolution, or the error a user should see. */
    static Path binary(Services s, Resolution r, String cmd) {
        if (r.system()) {
            return Selected.onPathOutsideShims(s, cmd).orElseThrow(() -> new ToolNotFoundException(
                    "no '%s' on PATH besides jgvm's shims ('system' selected by %s)".formatted(cmd, r.selection().reason()),
                    "install Go system-wide, or pick a jgvm version with 'jgvm use <version>'", ExitCode.NOT_FOUND));
        }
        GoVersion v = Selected.installed(s, r);
        Path bin = s.store().goroot(v).resolve("bin");
        for (String name : new String[] {cmd, cmd + ".exe"}) {
            if (Files.isRegularFile(bin.resolve(name))) return bin.resolve(name);
        }
        throw new ToolNotFoundException("go %s has no '%s' (selected by %s)".formatted(v, cmd, r.selection().reason()),
                "'%s' comes with other Go versions; pick one with 'jgvm use <version>'".formatted(cmd), ExitCode.FAILURE);
    }
}
