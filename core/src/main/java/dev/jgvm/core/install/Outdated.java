package dev.jgvm.core.install;

import dev.jgvm.core.mirror.MirrorChain;
import dev.jgvm.core.mirror.ReleaseCatalog;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.spi.Release;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which release lines have a newer patch release than the one installed ({@code jgvm outdated}, {@code jgvm upgrade}):
 * for the line selected here and the line of each installed version, the newest stable release a mirror's listing
 * offers for the platform. Pure: the listing is fetched by the caller, which also says whose it is. Thread-safe.
 */
public final class Outdated {
    private Outdated() {}

    /**
     * One release line.
     *
     * @param line      the line ({@code 1.22}), or {@code latest} when that is what is selected here
     * @param installed the newest installed release of the line (a pre-release counts), empty when none is
     * @param newest    the newest stable release the listing offers for the platform, empty when it offers none
     * @param selected  true for the line the working directory selects
     */
    public record Line(VersionSpec line, Optional<GoVersion> installed, Optional<GoVersion> newest, boolean selected) {
        public Line {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(installed, "installed");
            Objects.requireNonNull(newest, "newest");
        }

        /** Whether the listing offers a release newer than the newest installed one (or the line is not installed). */
        public boolean outdated() { return newest.isPresent() && (installed.isEmpty() || installed.get().compareTo(newest.get()) < 0); }
    }

    /**
     * What {@code outdated} reports and {@code upgrade} acts on: the lines, and whose listing said which releases are newest.
     *
     * @param here     what the working directory selects
     * @param platform the platform the releases are looked for
     */
    public record Report(List<Line> lines, ReleaseCatalog.Listing listing, Resolution here, Platform platform) {
        public Report {
            lines = List.copyOf(lines);
            Objects.requireNonNull(listing, "listing");
            Objects.requireNonNull(here, "here");
            Objects.requireNonNull(platform, "platform");
        }

        /** The releases of the listing. */
        public List<Release> releases() { return listing.releases(); }
    }

    /**
     * The spec selected here that adds a line to the report; empty for {@code system} or nothing selected.
     *
     * @throws dev.jgvm.core.error.UsageException when the selected token is no spec
     */
    public static Optional<VersionSpec> selected(Resolution here) {
        return here.none() || here.system() ? Optional.empty() : Optional.of(VersionSpec.parse(here.spec()));
    }

    /**
     * The lines to report, the selected one first, then the installed ones newest first.
     *
     * @param selected the spec selected here ({@code 1.22.3}, {@code 1.22}, {@code latest}); empty, {@code system}
     *                 or anything else adds no line
     */
    public static List<Line> lines(List<GoVersion> installed, Optional<VersionSpec> selected, List<Release> listing, Platform platform) {
        List<GoVersion> offered = listing.stream()
                .filter(r -> r.artifacts().isEmpty() || r.artifacts().stream().anyMatch(a -> a.platform().equals(platform)))
                .map(Release::version).toList();
        Map<String, VersionSpec> specs = new LinkedHashMap<>();
        Optional<VersionSpec> selectedLine = selected.flatMap(Outdated::lineOf);
        selectedLine.ifPresent(s -> specs.put(s.text(), s));
        installed.stream().sorted(Comparator.reverseOrder()).forEach(v -> specs.putIfAbsent(v.major() + "." + v.minor(), lineOf(v)));
        List<Line> out = new ArrayList<>();
        for (VersionSpec spec : specs.values()) {
            Optional<GoVersion> have = installed.stream().filter(v -> within(spec, v)).max(Comparator.naturalOrder());
            out.add(new Line(spec, have, spec.select(offered), selectedLine.filter(s -> s.text().equals(spec.text())).isPresent()));
        }
        return out;
    }

    /** The lines reported from a chain's listing; {@link MirrorChain.Listing#source()} says whose listing it is. */
    public static List<Line> lines(List<GoVersion> installed, Optional<VersionSpec> selected, MirrorChain.Listing listing, Platform platform) {
        return lines(installed, selected, listing.releases(), platform);
    }

    /** The line a version belongs to ({@code 1.22.5} and {@code 1.22rc1} → {@code 1.22}). */
    public static VersionSpec.Line lineOf(GoVersion v) { return new VersionSpec.Line(v.major(), v.minor()); }

    private static Optional<VersionSpec> lineOf(VersionSpec s) {
        if (s instanceof VersionSpec.Exact e) return Optional.of(lineOf(e.version()));
        if (s instanceof VersionSpec.Line || s instanceof VersionSpec.Latest) return Optional.of(s);
        return Optional.empty();
    }

    private static boolean within(VersionSpec spec, GoVersion v) {
        if (spec instanceof VersionSpec.Line l) return v.major().equals(l.major()) && v.minor().equals(l.minor());
        return spec.matches(v);
    }
}
