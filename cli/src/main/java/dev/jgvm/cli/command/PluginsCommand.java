package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.plugin.PluginRegistry;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code jgvm plugins}: every source type and install hook, its version and where it came from. */
@Command(name = "plugins", addMethodSubcommands = false, description = "List source types and install hooks: version and origin (a jar in JGVM_HOME/plugins, or built in), and the jars that did not load.")
public final class PluginsCommand implements Callable<Integer> {
    private final Services services;

    public PluginsCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        Terminal t = services.terminal();
        PluginRegistry r = services.registry();
        if (t.json()) {
            JsonArray loaded = new JsonArray();
            for (PluginRegistry.Extension e : r.extensions()) {
                JsonObject o = new JsonObject();
                o.addProperty("kind", e.kind().text());
                o.addProperty("name", e.name());
                o.addProperty("version", e.version());
                o.addProperty("origin", e.origin());
                loaded.add(o);
            }
            JsonArray problems = new JsonArray();
            for (PluginRegistry.Problem p : r.problems()) {
                JsonObject o = new JsonObject();
                o.addProperty("jar", p.jar());
                o.addProperty("message", p.message());
                problems.add(o);
            }
            JsonObject o = new JsonObject();
            o.add("extensions", loaded);
            o.add("problems", problems);
            t.out().println(Json.render(o));
        } else {
            for (PluginRegistry.Extension e : r.extensions()) {
                t.out().println("%-13s %-15s %-10s %s".formatted(e.kind().text(), e.name(), e.version(), e.origin()));
            }
            // A jar that did not load is part of the answer, not only a warning: it is what the user asked about.
            for (PluginRegistry.Problem p : r.problems()) t.out().println("%-13s %s: %s".formatted("broken", p.jar(), p.message()));
        }
        if (!r.problems().isEmpty()) t.hint("a plugin jar goes in %s; remove or replace the ones named above".formatted(services.store().home().resolve("plugins")));
        return ExitCode.OK.code();
    }
}
