package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Progress;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.install.Outdated;
import dev.jgvm.core.mirror.ReleaseCatalog;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.spi.Release;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;
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
        Report r = report(services, Optional.ofNullable(mirror));
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

    /** The lines, and whose listing said so. */
    record Report(List<Outdated.Line> lines, ReleaseCatalog.Listing listing, Resolution here, Platform platform) {
        List<Release> releases() { return listing.releases(); }
    }

    // The releases come from the catalogue, as install's resolution does: the official list first, else a mirror's
    // listing (said so), else the listing last read when nothing answers.
    static Report report(Services services, Optional<String> mirror) {
        Resolution here = services.resolveHere();
        Optional<VersionSpec> selected = here.none() || here.system() ? Optional.empty() : Optional.of(VersionSpec.parse(here.spec()));
        Platform platform = services.platforms().platform(Optional.empty());
        ReleaseCatalog catalog = services.releaseCatalog(services.chain(mirror, Progress.listener(services.terminal())), false);
        ReleaseCatalog.Listing listing = catalog.available(mirror, platform);
        return new Report(Outdated.lines(services.store().installed(), selected, listing.releases(), platform), listing, here, platform);
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
