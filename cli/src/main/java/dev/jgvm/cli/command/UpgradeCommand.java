package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Progress;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.install.Installer.Installation;
import dev.jgvm.core.install.Outdated;
import dev.jgvm.core.resolve.Selection;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

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

    private final Services services;

    public UpgradeCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        Terminal t = services.terminal();
        List<VersionSpec> wanted = new ArrayList<>();
        for (String l : lines) {
            VersionSpec s = VersionSpec.parse(l);
            if (!(s instanceof VersionSpec.Line) && !(s instanceof VersionSpec.Latest)) {
                throw new UsageException("'%s' is not a release line".formatted(l), "name a line such as 1.22 (or latest); 'jgvm install %s' installs one release".formatted(l));
            }
            wanted.add(s);
        }
        OutdatedCommand.Report report = OutdatedCommand.report(services, Optional.ofNullable(mirror));
        List<Outdated.Line> considered = new ArrayList<>();
        if (wanted.isEmpty()) considered.addAll(report.lines());
        for (VersionSpec s : wanted) {
            Outdated.Line line = Outdated.lines(services.store().installed(), Optional.of(s), report.releases(), report.platform()).get(0);
            if (line.newest().isEmpty()) {
                throw new VersionNotFoundException("%s lists no release of go %s for %s".formatted(report.listing().whose(), s.text(), report.platform()),
                        "'jgvm list-remote %s' shows what is available".formatted(s.text()));
            }
            considered.add(line);
        }
        List<Outdated.Line> chosen = considered.stream().filter(Outdated.Line::outdated).toList();
        Optional<Outdated.Line> pinned = Optional.empty();
        if (pin) {
            pinned = wanted.size() == 1 ? Optional.of(considered.get(0)) : report.lines().stream().filter(Outdated.Line::selected)
                    .filter(sel -> wanted.isEmpty() || wanted.stream().anyMatch(w -> w.text().equals(sel.line().text()))).findFirst();
            if (pinned.isEmpty() || pinned.get().newest().isEmpty()) {
                throw new UsageException("--pin needs one line to pin: the line selected here, or a single LINE",
                        "run 'jgvm upgrade --pin 1.22' naming the line this project should use");
            }
        }
        JsonArray done = new JsonArray();
        for (Outdated.Line l : chosen) {
            GoVersion to = l.newest().orElseThrow();
            Installation i = services.remoteInstaller(Optional.ofNullable(mirror), false, false, Progress.listener(t))
                    .install(new VersionSpec.Exact(to), report.platform(), false, false, Progress.listener(t));
            String from = l.installed().map(GoVersion::name).orElse("-");
            if (t.json()) {
                JsonObject o = new JsonObject();
                o.addProperty("line", l.line().text());
                l.installed().ifPresent(v -> o.addProperty("from", v.name()));
                o.addProperty("to", to.name());
                o.addProperty("goroot", i.goroot().toString());
                o.addProperty("already_installed", i.alreadyInstalled());
                done.add(o);
            } else {
                t.out().println("%s %s -> %s".formatted(l.line().text(), from, to.name()));
            }
        }
        Optional<Path> pinFile = Optional.empty();
        if (pinned.isPresent()) {
            Path f = pinFile(services);
            String v = pinned.get().newest().orElseThrow().name();
            InstallStore.writeAtomically(f, v + "\n");
            t.info("%s now selects go %s".formatted(f, v));
            pinFile = Optional.of(f);
        }
        if (t.json()) {
            JsonObject o = new JsonObject();
            o.addProperty("source", report.listing().source());
            o.addProperty("listing", report.listing().kind());
            o.add("upgraded", done);
            if (pinFile.isPresent()) o.addProperty("pinned", pinFile.get().toString());
            t.out().println(Json.render(o));
        }
        if (chosen.isEmpty()) t.info("every line is up to date (newest releases as listed by %s)".formatted(report.listing().whose()));
        else if (!pin && chosen.stream().anyMatch(Outdated.Line::selected)
                && report.here().selection().spec().map(s -> VersionSpec.parse(s) instanceof VersionSpec.Exact).orElse(false)) {
            t.hint("this project still selects %s exactly; 'jgvm upgrade --pin' rewrites its .go-version".formatted(report.here().spec()));
        }
        return ExitCode.OK.code();
    }

    // The .go-version that selected the version here, else a new one in the working directory.
    private static Path pinFile(Services services) {
        Selection s = services.resolveHere().selection();
        if (s.source() == Selection.Source.PROJECT_FILE && s.origin().filter(p -> p.getFileName().toString().equals(".go-version")).isPresent()) {
            return s.origin().get();
        }
        return services.env().cwd().resolve(".go-version");
    }
}
