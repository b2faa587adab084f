package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.Services;
import dev.jgvm.core.error.StoreException;
import dev.jgvm.core.error.ExitCode;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code jgvm rehash}: regenerate shims and aliases. */
@Command(name = "rehash", addMethodSubcommands = false, description = "Regenerate shims and aliases (done after every install and uninstall).")
public final class RehashCommand implements Callable<Integer> {
    private final Services services;

    public RehashCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        services.installer().changed();
        services.terminal().info("shims and aliases regenerated in %s".formatted(services.store().home()));
        if (services.terminal().json()) {
            Path dir = services.store().shimsDir();
            JsonArray shims = new JsonArray();
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") && !n.endsWith(".cmd")).sorted().forEach(shims::add);
            } catch (IOException e) {
                throw new StoreException("cannot list '%s': %s".formatted(dir, e.getMessage()), "check that JGVM_HOME is readable", e);
            }
            JsonObject o = new JsonObject();
            o.addProperty("shims_dir", dir.toString());
            o.add("shims", shims);
            services.terminal().out().println(Json.render(o));
        }
        return ExitCode.OK.code();
    }
}
