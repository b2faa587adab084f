package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Progress;
import dev.jgvm.cli.render.Json;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.mirror.ReleaseCatalog;
import dev.jgvm.core.spi.Release;
import dev.jgvm.core.version.GoVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jgvm list-remote [PREFIX]}: the releases the mirrors offer, newest first; from the cache when offline. */
@Command(name = "list-remote", addMethodSubcommands = false, aliases = "ls-remote", description = "List the Go releases the mirrors offer, newest first.")
public final class ListRemoteCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PREFIX", arity = "0..1", description = "Only versions starting with this, such as 1.22.")
    String prefix;

    @Option(names = "--all", description = "Include betas and release candidates.")
    boolean all;

    @Option(names = "--mirror", paramLabel = "NAME", description = "Ask only this mirror.")
    String mirror;

    private final Services services;

    public ListRemoteCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        Terminal t = services.terminal();
        ReleaseCatalog catalog = services.releaseCatalog(services.chain(Optional.ofNullable(mirror), Progress.listener(t)), false);
        ReleaseCatalog.Listing list = catalog.available(Optional.ofNullable(mirror), services.platforms().platform(Optional.empty()));
        if (list.cached()) {
            long days = Duration.between(list.cachedAt().orElseThrow(), Instant.now()).toDays();
            t.warn("no mirror answered (%s); this list is from the cache, read from %s %s".formatted(String.join("; ", list.whyNot()),
                    list.whose(), days == 0 ? "today" : days + " days ago"));
        } else if (!list.official()) {
            t.info("this is the listing of mirror '%s', not the official release list (%s)".formatted(list.source(), String.join("; ", list.whyNot())));
            List<GoVersion> newer = catalog.newerThanListed(list);
            if (!newer.isEmpty()) {
                t.warn("mirror '%s' lacks releases jgvm has seen: %s; it may have stopped syncing or hide them".formatted(list.source(),
                        String.join(", ", newer.stream().map(GoVersion::name).toList())));
            }
        }
        List<GoVersion> shown = new ArrayList<>(list.releases().stream().filter(r -> all || r.stable()).map(Release::version).distinct().toList());
        shown.sort(Comparator.reverseOrder());
        String p = prefix == null ? "" : prefix.startsWith("go") ? prefix.substring(2) : prefix;
        List<GoVersion> matching = shown.stream().filter(v -> p.isEmpty() || v.name().equals(p) || v.name().startsWith(p + ".")
                || v.name().startsWith(p) && !Character.isDigit(v.name().charAt(p.length()))).toList();
        if (t.json()) {
            JsonArray a = new JsonArray();
            matching.forEach(v -> a.add(v.name()));
            t.out().println(Json.render(a));
        } else {
            matching.forEach(v -> t.out().println(v.name()));
        }
        if (matching.isEmpty()) {
            throw new VersionNotFoundException("no release matches '%s'".formatted(prefix), all ? "try a shorter prefix" : "--all includes betas and release candidates");
        }
        return ExitCode.OK.code();
    }
}
