package dev.jgvm.core.install;

import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.install.Installer.Installation;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.resolve.Selection;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code jgvm upgrade [LINE...] [--pin]}: which lines to move to their newest patch release (the named ones, else every
 * line {@code outdated} reports as behind), installing each, and with {@code pin} rewriting the project's
 * {@code .go-version} to the new release of the line selected here (or of the one line named). Older releases stay
 * installed. Refusals (a spec that is no line, a line the listing does not offer, nothing to pin) come before any
 * install. Not thread-safe.
 */
public final class Upgrader {
    /** Installs one exact release for a platform, from the mirrors ({@code mirror} pins one). */
    public interface Install {
        Installation install(Optional<String> mirror, GoVersion version, Platform platform);
    }

    private final InstallStore store;
    private final Path cwd;
    private final Function<Optional<String>, Outdated.Report> outdated;
    private final Install install;

    /**
     * @param cwd      the working directory, where a new {@code .go-version} is written when none selected the version
     * @param outdated what {@code outdated} reports, asking only the given mirror when one is given
     */
    public Upgrader(InstallStore store, Path cwd, Function<Optional<String>, Outdated.Report> outdated, Install install) {
        this.store = Objects.requireNonNull(store, "store");
        this.cwd = Objects.requireNonNull(cwd, "cwd");
        this.outdated = Objects.requireNonNull(outdated, "outdated");
        this.install = Objects.requireNonNull(install, "install");
    }

    /** One line moved (or found installed meanwhile). */
    public record Upgraded(Outdated.Line line, GoVersion to, Installation installation) {}

    /** A version file rewritten to select a release. */
    public record Pin(Path file, GoVersion version) {}

    /**
     * What an upgrade did.
     *
     * @param pinned       the version file rewritten and what it now selects, when pinning
     * @param suggestPin   true when the line selected here was upgraded without pinning while this project still
     *                     selects an exact release: {@code --pin} would move it too
     */
    public record Result(Outdated.Report report, List<Upgraded> upgraded, Optional<Pin> pinned, boolean suggestPin) {}

    /**
     * The release lines the user named.
     *
     * @throws UsageException (exit 2) for a spec that is not a line ({@code 1.22}) or {@code latest}
     */
    public static List<VersionSpec> lines(List<String> texts) {
        List<VersionSpec> out = new ArrayList<>();
        for (String l : texts) {
            VersionSpec s = VersionSpec.parse(l);
            if (!(s instanceof VersionSpec.Line) && !(s instanceof VersionSpec.Latest)) {
                throw new UsageException("'%s' is not a release line".formatted(l), "name a line such as 1.22 (or latest); 'jgvm install %s' installs one release".formatted(l));
            }
            out.add(s);
        }
        return out;
    }

    /**
     * Installs the newest patch release of each line that is behind.
     *
     * @param wanted the lines to consider (from {@link #lines}); empty: every line {@code outdated} reports
     * @param done   hears of each line as soon as it is upgraded
     * @throws VersionNotFoundException (exit 3) when the listing offers no release of a named line
     * @throws UsageException           (exit 2) when pinning and there is not exactly one line to pin
     */
    public Result upgrade(List<VersionSpec> wanted, boolean pin, Optional<String> mirror, Consumer<Upgraded> done) {
        Outdated.Report report = outdated.apply(mirror);
        List<Outdated.Line> considered = new ArrayList<>();
        if (wanted.isEmpty()) considered.addAll(report.lines());
        for (VersionSpec s : wanted) {
            Outdated.Line line = Outdated.lines(store.installed(), Optional.of(s), report.releases(), report.platform()).get(0);
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
        List<Upgraded> upgraded = new ArrayList<>();
        for (Outdated.Line l : chosen) {
            GoVersion to = l.newest().orElseThrow();
            Upgraded u = new Upgraded(l, to, install.install(mirror, to, report.platform()));
            upgraded.add(u);
            done.accept(u);
        }
        Optional<Pin> pinFile = Optional.empty();
        if (pinned.isPresent()) {
            Pin p = new Pin(pinFile(report.here().selection()), pinned.get().newest().orElseThrow());
            InstallStore.writeAtomically(p.file(), p.version().name() + "\n");
            pinFile = Optional.of(p);
        }
        boolean suggestPin = !chosen.isEmpty() && !pin && chosen.stream().anyMatch(Outdated.Line::selected)
                && report.here().selection().spec().map(s -> VersionSpec.parse(s) instanceof VersionSpec.Exact).orElse(false);
        return new Result(report, upgraded, pinFile, suggestPin);
    }

    // The .go-version that selected the version here, else a new one in the working directory.
    private Path pinFile(Selection s) {
        if (s.source() == Selection.Source.PROJECT_FILE && s.origin().filter(p -> p.getFileName().toString().equals(".go-version")).isPresent()) {
            return s.origin().get();
        }
        return cwd.resolve(".go-version");
    }
}
