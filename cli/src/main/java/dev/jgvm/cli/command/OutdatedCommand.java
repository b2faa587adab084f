package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.install.Outdated;
import dev.jgvm.core.mirror.ReleaseCatalog;
import dev.jgvm.core.version.GoVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jgvm outdated}: the newest patch release of the selected line and of each installed line. */
@Command(name = "outdated", addMethodSubcommands = false, description = "Show newer patch releases of the line selected here and of every installed line.")
public final class OutdatedCommand implements Callable<Integer> {
    @Option(names = "--mirror", paramLabel = "NAME", description = "Ask only this mirror for its release list.")
    String mirror;

    private final Services services;

    public OutdatedCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        Terminal t = services.terminal();
        Outdated.Report r = services.outdated(Optional.ofNullable(mirror));
        if (t.json()) {
            JsonObject o = new JsonObject();
            o.addProperty("source", r.listing().source());
            o.addProperty("listing", r.listing().kind());
            o.add("lines", json(r.lines()));
            t.out().println(Json.render(o));
        } else {
            for (Outdated.Line l : r.lines()) {
                t.out().println("%-7s %-9s %-9s %s".formatted(l.line().text(), l.installed().map(GoVersion::name).orElse("-"),
                        l.newest().map(GoVersion::name).orElse("-"), status(l)).stripTrailing());
            }
            if (r.lines().isEmpty()) t.info("nothing is installed or selected here");
        }
        say(t, r.listing());
        long behind = r.lines().stream().filter(Outdated.Line::outdated).count();
        if (behind > 0) t.hint("'jgvm upgrade' installs them; 'jgvm upgrade --pin' also rewrites this project's .go-version");
        return ExitCode.OK.code();
    }

    /** Says on stderr whose listing the newest releases come from. */
    static void say(Terminal t, ReleaseCatalog.Listing l) {
        if (l.cached()) {
            t.warn("no mirror answered (%s); newest releases as listed by %s, read %s".formatted(String.join("; ", l.whyNot()), l.whose(),
                    l.cachedAt().map(at -> java.time.Duration.between(at, java.time.Instant.now()).toDays()).map(d -> d == 0 ? "today" : d + " days ago")
                            .orElse("")));
        } else if (l.official()) {
            t.info("newest releases as listed by %s".formatted(l.whose()));
        } else {
            t.info("newest releases as listed by %s, not by the official release list (%s)".formatted(l.whose(), String.join("; ", l.whyNot())));
        }
    }

    private static String status(Outdated.Line l) {
        String s = l.newest().isEmpty() ? "not listed" : l.installed().isEmpty() ? "not installed" : l.outdated() ? "outdated" : "up to date";
        return l.selected() ? s + " (selected here)" : s;
    }

    static JsonArray json(List<Outdated.Line> lines) {
        JsonArray a = new JsonArray();
        for (Outdated.Line l : lines) {
            JsonObject o = new JsonObject();
            o.addProperty("line", l.line().text());
            l.installed().ifPresent(v -> o.addProperty("installed", v.name()));
            l.newest().ifPresent(v -> o.addProperty("newest", v.name()));
            o.addProperty("outdated", l.outdated());
            o.addProperty("selected", l.selected());
            a.add(o);
        }
        return a;
    }
}
