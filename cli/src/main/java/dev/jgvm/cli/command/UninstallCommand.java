package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.install.Uninstaller;
import dev.jgvm.core.version.GoVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code jgvm uninstall}: remove installs, their meta, stale aliases and shims. */
@Command(name = "uninstall", addMethodSubcommands = false, aliases = "rm", description = "Remove installed Go versions.")
public final class UninstallCommand implements Callable<Integer> {
    @Parameters(paramLabel = "VERSION", arity = "1..*", description = "Installed versions to remove (1.22.5; 1.22 if only one 1.22.x is installed).")
    List<String> specs;

    @Option(names = "--wait", description = "When a go of the version is running, wait for it to end (up to JGVM_LOCK_TIMEOUT seconds) before removing it.")
    boolean await;

    private final Terminal t;
    private final Supplier<Uninstaller> uninstaller;

    public UninstallCommand(Terminal t, Supplier<Uninstaller> uninstaller) {
        this.t = t;
        this.uninstaller = uninstaller;
    }

    @Override public Integer call() {
        Uninstaller.Result r = uninstaller.get().uninstall(specs, await, new Uninstaller.Listener() {
            @Override public void inUse(GoVersion v, String process) {
                t.warn("go %s is in use by process %s; removing it anyway".formatted(v, process));
                t.hint("'jgvm uninstall --wait' waits for such processes to end");
            }

            @Override public void waitingFor(GoVersion v, String process) {
                t.info("waiting for process %s, which runs go %s, to end".formatted(process, v));
            }
        });
        for (Uninstaller.Removed v : r.removed()) t.info("removed go %s".formatted(v.version()));
        if (t.json()) {
            JsonArray a = new JsonArray();
            for (Uninstaller.Removed v : r.removed()) {
                JsonObject o = new JsonObject();
                o.addProperty("version", v.version().name());
                o.addProperty("goroot", v.goroot().toString());
                a.add(o);
            }
            t.out().println(Json.render(a));
        }
        r.lostDefault().ifPresent(g -> {
            t.warn("the global default go %s is no longer installed".formatted(g));
            t.hint("pick another with 'jgvm use --global <version>'");
        });
        return ExitCode.OK.code();
    }
}
