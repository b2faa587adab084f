package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Progress;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code jgvm tools sync [VERSION]}: run the install hooks (default tools) again for an installed version. */
@Command(name = "tools", addMethodSubcommands = false, description = "Manage the default tools installed with every Go version ([hooks] default_tools).",
        subcommands = {ToolsCommand.Sync.class})
public final class ToolsCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    public ToolsCommand(Services services) { }

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** {@code tools sync [VERSION]}. */
    @Command(name = "sync", addMethodSubcommands = false, description = "Run the install hooks again (go install each default tool) for VERSION (default: the one used here).")
    public static final class Sync implements Callable<Integer> {
        @Parameters(paramLabel = "VERSION", arity = "0..1", description = "An installed version or line (default: the one selected here).")
        String version;

        private final Services services;

        public Sync(Services services) { this.services = services; }

        @Override public Integer call() {
            Terminal t = services.terminal();
            GoVersion v;
            if (version != null) {
                v = VersionSpec.parse(version).select(services.store().installed()).orElseThrow(() -> new VersionNotFoundException(
                        "go %s is not installed".formatted(version), "'jgvm list' shows what is installed; 'jgvm install %s' installs it".formatted(version)));
            } else {
                Resolution here = services.resolveHere();
                v = here.installed().orElseThrow(() -> new VersionNotFoundException(
                        here.none() ? "no Go version is selected here" : "go %s is not installed".formatted(here.spec()),
                        "name an installed version: 'jgvm tools sync 1.22'"));
            }
            if (services.settings().defaultTools().isEmpty()) t.info("no default tools are configured ([hooks] default_tools in config.toml)");
            List<String> warnings = services.hooks().run(v, services.store().goroot(v), Progress.listener(t));
            if (t.json()) {
                JsonObject o = new JsonObject();
                o.addProperty("version", v.name());
                JsonArray tools = new JsonArray();
                services.settings().defaultTools().forEach(tools::add);
                o.add("default_tools", tools);
                JsonArray w = new JsonArray();
                warnings.forEach(w::add);
                o.add("warnings", w);
                t.out().println(Json.render(o));
            } else {
                t.out().println(v.name());
            }
            return ExitCode.OK.code();
        }
    }
}
