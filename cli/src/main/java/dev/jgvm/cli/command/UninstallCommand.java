package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code jgvm uninstall}: remove installs, their meta, stale aliases and shims. */
@Command(name = "uninstall", aliases = "rm", description = "Remove installed Go versions.")
public final class UninstallCommand implements Callable<Integer> {
    @Parameters(paramLabel = "VERSION", arity = "1..*", description = "Installed versions to remove (1.22.5; 1.22 if only one 1.22.x is installed).")
    List<String> specs;

    private final Services services;

    public UninstallCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        Terminal t = services.terminal();
        InstallStore store = services.store();
        List<GoVersion> installed = store.installed();
        List<GoVersion> remove = new ArrayList<>();
        for (String text : specs) {
            VersionSpec spec = VersionSpec.parse(text);
            List<GoVersion> matches = installed.stream().filter(spec::matches).toList();
            if (matches.isEmpty()) {
                throw new VersionNotFoundException("go %s is not installed".formatted(text), "'jgvm list' shows what is installed");
            }
            if (matches.size() > 1) {
                throw new UsageException("'%s' matches several installs: %s".formatted(text,
                        matches.stream().map(GoVersion::name).collect(Collectors.joining(", "))), "name the exact version to remove");
            }
            remove.add(matches.get(0));
        }
        services.installer().uninstall(remove);
        for (GoVersion v : remove) t.info("removed go %s".formatted(v));
        if (t.json()) {
            JsonArray a = new JsonArray();
            for (GoVersion v : remove) {
                JsonObject o = new JsonObject();
                o.addProperty("version", v.name());
                o.addProperty("goroot", store.goroot(v).toString());
                a.add(o);
            }
            t.out().println(Json.render(a));
        }
        store.globalDefault().filter(g -> store.find(g).isEmpty() && !g.equals("system"))
                .ifPresent(g -> {
                    t.warn("the global default go %s is no longer installed".formatted(g));
                    t.hint("pick another with 'jgvm use --global <version>'");
                });
        return ExitCode.OK.code();
    }
}
