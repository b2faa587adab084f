package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jgvm list}: installed versions, marking the one used here ({@code *}) and the global default. */
@Command(name = "list", addMethodSubcommands = false, aliases = "ls", description = "List installed Go versions; * marks the one used here.")
public final class ListCommand implements Callable<Integer> {
    private final Services services;

    public ListCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        Terminal t = services.terminal();
        InstallStore store = services.store();
        List<GoVersion> installed = store.installed();
        Resolution here = services.resolveHere();
        // Marked as the resolver reads the file, so the mark agrees with what `jgvm current` says outside projects.
        Optional<GoVersion> global = services.resolver().globalDefault(services.env()).flatMap(store::find);
        if (t.json()) {
            JsonArray a = new JsonArray();
            for (GoVersion v : installed) {
                JsonObject o = new JsonObject();
                o.addProperty("version", v.name());
                o.addProperty("goroot", store.goroot(v).toString());
                o.addProperty("used_here", here.installed().filter(v::equals).isPresent());
                o.addProperty("global_default", global.filter(v::equals).isPresent());
                a.add(o);
            }
            t.out().println(Json.render(a));
            return ExitCode.OK.code();
        }
        for (GoVersion v : installed) {
            if (t.quiet()) {
                t.out().println(v.name());
                continue;
            }
            String mark = here.installed().filter(v::equals).isPresent() ? "* " : "  ";
            String note = global.filter(v::equals).isPresent() ? " (global default)" : "";
            t.out().println(mark + v.name() + note);
        }
        if (installed.isEmpty()) {
            t.info("no Go versions are installed");
            if (!t.quiet()) t.hint("install one with 'jgvm install 1.22' ('jgvm list-remote' shows what there is)");
        }
        if (here.missing() && !Selected.isVersion(here.spec())) {
            t.warn("'%s' is not a Go version (selected here by %s)".formatted(here.spec(), here.selection().reason()));
        } else if (here.missing()) {
            t.warn("go %s is selected here (by %s) but not installed".formatted(here.spec(), here.selection().reason()));
        }
        return ExitCode.OK.code();
    }
}
