package dev.jgvm.cli.command;

import com.google.gson.JsonObject;
import dev.jgvm.cli.render.Json;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.resolve.Selection;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code jgvm current}: the version used here and why ({@code 1.22.5 (from /src/api/.go-version)}). */
@Command(name = "current", addMethodSubcommands = false, description = "Show the Go version used here and what selected it.")
public final class CurrentCommand implements Callable<Integer> {
    private final Services services;

    public CurrentCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        Terminal t = services.terminal();
        Resolution r = services.resolveHere();
        explain(t, r.selection());
        if (t.json()) {
            JsonObject o = new JsonObject();
            o.addProperty("version", r.installed().map(v -> v.name()).orElse(null));
            o.addProperty("spec", r.none() ? null : r.spec());
            o.addProperty("source", r.selection().source().name().toLowerCase(java.util.Locale.ROOT));
            o.addProperty("origin", r.selection().origin().map(Object::toString).orElse(null));
            o.addProperty("installed", r.installed().isPresent() || r.system());
            r.installed().ifPresent(v -> o.addProperty("goroot", services.store().goroot(v).toString()));
            t.out().println(Json.render(o));
            return r.none() || r.missing() ? ExitCode.NOT_FOUND.code() : ExitCode.OK.code();
        }
        if (r.none()) throw Selected.noneSelected(services);
        if (r.missing() && !Selected.isVersion(r.spec())) throw Selected.notInstalled(r);
        String version = r.installed().map(v -> v.name()).orElse(r.spec());
        t.out().println(Terminal.printable(t.quiet() ? version : "%s (from %s)".formatted(version, r.selection().reason())));
        if (r.missing()) {
            t.out().flush();
            throw Selected.notInstalled(r);
        }
        Selected.warnIfOlderThanGoMod(services);
        return ExitCode.OK.code();
    }

    /** Files that yield no version are warned about (a go.mod without a toolchain line is normal: -v only). */
    static void explain(Terminal t, Selection s) {
        for (Selection.Step step : s.trace()) {
            String name = step.file().getFileName() == null ? "" : step.file().getFileName().toString();
            if (step.used()) {
                t.detail("used %s".formatted(step.file()));
            } else if (name.equals("go.mod") || name.equals("go.work")) {
                t.detail("skipped %s: %s".formatted(step.file(), step.reason()));
            } else {
                t.warn("skipped %s: %s".formatted(step.file(), step.reason()));
            }
        }
        if (s.source() == Selection.Source.ENVIRONMENT) t.detail("used JGVM_GO_VERSION");
    }
}
