package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.BusyException;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.store.GorootProcesses;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code jgvm uninstall}: remove installs, their meta, stale aliases and shims. */
@Command(name = "uninstall", addMethodSubcommands = false, aliases = "rm", description = "Remove installed Go versions.")
public final class UninstallCommand implements Callable<Integer> {
    @Parameters(paramLabel = "VERSION", arity = "1..*", description = "Installed versions to remove (1.22.5; 1.22 if only one 1.22.x is installed).")
    List<String> specs;

    @Option(names = "--wait", description = "When a go of the version is running, wait for it to end (up to JGVM_LOCK_TIMEOUT seconds) before removing it.")
    boolean await;

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
        for (GoVersion v : remove) inUse(t, store, v);
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

    // A running go keeps reading its GOROOT (packages, tools): say so, or with --wait let it finish first.
    private void inUse(Terminal t, InstallStore store, GoVersion v) {
        Path goroot = store.goroot(v);
        if (!await) {
            for (ProcessHandle p : GorootProcesses.of(goroot)) {
                t.warn("go %s is in use by process %s; removing it anyway".formatted(v, GorootProcesses.describe(p)));
                t.hint("'jgvm uninstall --wait' waits for such processes to end");
            }
            return;
        }
        boolean free;
        try {
            free = GorootProcesses.awaitNone(goroot, store.lockWait(),
                    p -> t.info("waiting for process %s, which runs go %s, to end".formatted(GorootProcesses.describe(p), v)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            free = false;
        }
        if (!free) {
            throw new BusyException("go %s is still in use after %ds; nothing was removed".formatted(v, Math.max(1, store.lockWait().toSeconds())),
                    "stop the processes that run it, or wait longer with JGVM_LOCK_TIMEOUT=SECONDS");
        }
    }
}
