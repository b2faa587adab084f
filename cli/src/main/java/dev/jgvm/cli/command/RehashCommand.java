package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.install.Installer;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code jgvm rehash}: regenerate shims and aliases. */
@Command(name = "rehash", addMethodSubcommands = false, description = "Regenerate shims and aliases (done after every install and uninstall).")
public final class RehashCommand implements Callable<Integer> {
    private final Terminal t;
    private final Supplier<Installer> installer;

    public RehashCommand(Terminal terminal, Supplier<Installer> installer) {
        this.t = terminal;
        this.installer = installer;
    }

    @Override public Integer call() {
        Installer.Rehashed done = installer.get().rehash();
        t.info("shims and aliases regenerated in %s".formatted(done.home()));
        if (t.json()) {
            JsonArray shims = new JsonArray();
            done.shims().forEach(shims::add);
            JsonObject o = new JsonObject();
            o.addProperty("shims_dir", done.shimsDir().toString());
            o.add("shims", shims);
            t.out().println(Json.render(o));
        }
        return ExitCode.OK.code();
    }
}
