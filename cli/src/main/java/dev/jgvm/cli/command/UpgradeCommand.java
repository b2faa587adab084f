package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.install.Upgrader;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code jgvm upgrade [LINE...] [--pin]}: install the newest patch release of the given lines (default: every line
 * {@code outdated} reports as behind); with {@code --pin}, rewrite this project's {@code .go-version} to the new
 * release of the line selected here. Older releases stay installed.
 */
@Command(name = "upgrade", addMethodSubcommands = false, description = "Install the newest patch release of each LINE (default: every outdated line); --pin rewrites .go-version.")
public final class UpgradeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LINE", arity = "0..*", description = "Release lines such as 1.22, or latest.")
    List<String> lines = new ArrayList<>();

    @Option(names = "--pin", description = "Rewrite this project's .go-version to the new release of the line selected here.")
    boolean pin;

    @Option(names = "--mirror", paramLabel = "NAME", description = "Use only this mirror.")
    String mirror;

    private final Terminal t;
    private final Supplier<Upgrader> upgrader;

    public UpgradeCommand(Terminal t, Supplier<Upgrader> upgrader) {
        this.t = t;
        this.upgrader = upgrader;
    }

    @Override public Integer call() {
        List<VersionSpec> wanted = Upgrader.lines(lines);
        JsonArray done = new JsonArray();
        Upgrader.Result r = upgrader.get().upgrade(wanted, pin, Optional.ofNullable(mirror), u -> {
            String from = u.line().installed().map(GoVersion::name).orElse("-");
            if (t.json()) {
                JsonObject o = new JsonObject();
                o.addProperty("line", u.line().line().text());
                u.line().installed().ifPresent(v -> o.addProperty("from", v.name()));
                o.addProperty("to", u.to().name());
                o.addProperty("goroot", u.installation().goroot().toString());
                o.addProperty("already_installed", u.installation().alreadyInstalled());
                done.add(o);
            } else {
                t.out().println("%s %s -> %s".formatted(u.line().line().text(), from, u.to().name()));
            }
        });
        r.pinned().ifPresent(p -> t.info("%s now selects go %s".formatted(p.file(), p.version().name())));
        if (t.json()) {
            JsonObject o = new JsonObject();
            o.addProperty("source", r.report().listing().source());
            o.addProperty("listing", r.report().listing().kind());
            o.add("upgraded", done);
            r.pinned().ifPresent(p -> o.addProperty("pinned", p.file().toString()));
            t.out().println(Json.render(o));
        }
        if (r.upgraded().isEmpty()) t.info("every line is up to date (newest releases as listed by %s)".formatted(r.report().listing().whose()));
        else if (r.suggestPin()) t.hint("this project still selects %s exactly; 'jgvm upgrade --pin' rewrites its .go-version".formatted(r.report().here().spec()));
        return ExitCode.OK.code();
    }
}
