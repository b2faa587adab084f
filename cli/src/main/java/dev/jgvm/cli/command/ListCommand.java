package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.select.Selector;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code jgvm list}: installed versions, marking the one used here ({@code *}) and the global default. */
@Command(name = "list", addMethodSubcommands = false, aliases = "ls", description = "List installed Go versions; * marks the one used here.")
public final class ListCommand implements Callable<Integer> {
    private final Terminal t;
    private final Supplier<Selector> selector;

    public ListCommand(Terminal terminal, Supplier<Selector> selector) {
        this.t = terminal;
        this.selector = selector;
    }

    @Override public Integer call() {
        Selector.Listing listing = selector.get().list();
        if (t.json()) {
            JsonArray a = new JsonArray();
            for (Selector.Installed v : listing.versions()) {
                JsonObject o = new JsonObject();
                o.addProperty("version", v.version().name());
                o.addProperty("goroot", v.goroot().toString());
                o.addProperty("used_here", v.usedHere());
                o.addProperty("global_default", v.globalDefault());
                a.add(o);
            }
            t.out().println(Json.render(a));
            return ExitCode.OK.code();
        }
        for (Selector.Installed v : listing.versions()) {
            if (t.quiet()) {
                t.out().println(v.version().name());
                continue;
            }
            String mark = v.usedHere() ? "* " : "  ";
            String note = v.globalDefault() ? " (global default)" : "";
            t.out().println(mark + v.version().name() + note);
        }
        if (listing.versions().isEmpty()) {
            t.info("no Go versions are installed");
            if (!t.quiet()) t.hint("install one with 'jgvm install 1.22' ('jgvm list-remote' shows what there is)");
        }
        Resolution here = listing.here();
        if (here.missing() && !Selector.isVersion(here.spec())) {
            t.warn("'%s' is not a Go version (selected here by %s)".formatted(here.spec(), here.selection().reason()));
        } else if (here.missing()) {
            t.warn("go %s is selected here (by %s) but not installed".formatted(here.spec(), here.selection().reason()));
        }
        return ExitCode.OK.code();
    }
}
