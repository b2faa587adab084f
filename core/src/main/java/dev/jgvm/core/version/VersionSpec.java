package dev.jgvm.core.version;

import dev.jgvm.core.error.UsageException;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a user writes to ask for a Go version (README, 'Which version a directory uses'): an exact release ({@code 1.22.5}, {@code go1.21rc2},
 * {@code 1.20.0} meaning {@code go1.20}), a line {@code 1.N} (the newest stable {@code 1.N.x}, for 1.20 and
 * older too), {@code latest} (the newest stable release) or {@code system} (the first {@code go} on PATH that is
 * not a jgvm shim). Immutable.
 */
public sealed interface VersionSpec {
    Pattern LINE = Pattern.compile("[1-9][0-9]*\\.(0|[1-9][0-9]*)");

    /**
     * Parses a spec, with or without the {@code go} prefix.
     *
     * @throws UsageException when the text is none of the accepted forms
     */
    static VersionSpec parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        if (t.equals("latest")) return Latest.INSTANCE;
        if (t.equals("system")) return System.INSTANCE;
        String bare = t.startsWith("go") ? t.substring(2) : t;
        if (LINE.matcher(bare).matches()) {
            int dot = bare.indexOf('.');
            return new Line(bare.substring(0, dot), bare.substring(dot + 1));
        }
        return GoVersion.tryParse(bare).<VersionSpec>map(Exact::new).orElseThrow(() -> new UsageException(
                "'%s' is not a Go version".formatted(text),
                "use a release such as 1.22.5 or go1.21rc2, a line such as 1.22, latest or system"));
    }

    /**
     * This spec, checked to name something that can be installed: an exact version must be spelt as Go names its
     * releases ({@link GoVersion#canNameRelease}), so a typo such as {@code 1.2x} is refused before any mirror is asked.
     *
     * @throws UsageException when an exact version cannot be a release's
     */
    default VersionSpec installable() {
        if (this instanceof Exact e && !e.version().canNameRelease()) {
            throw new UsageException("'%s' is not a Go release name".formatted(text()),
                    "Go names releases like 1.22.5, 1.21rc2 or 1.9beta1; a line such as 1.22 means its newest release; 'jgvm list-remote --all' lists them");
        }
        return this;
    }

    /** The spelling used for {@code aliases/<spec>} and in messages: {@code 1.22.5}, {@code 1.22}, {@code latest}. */
    String text();

    /** Whether an available or installed version satisfies this spec. {@code system} matches none. */
    boolean matches(GoVersion v);

    /** The best version among candidates: the exact one, or the newest match; empty for {@code system}. */
    default Optional<GoVersion> select(Collection<GoVersion> candidates) {
        return candidates.stream().filter(this::matches).max(Comparator.naturalOrder());
    }

    /** One release. */
    record Exact(GoVersion version) implements VersionSpec {
        public Exact { Objects.requireNonNull(version, "version"); }

        @Override public String text() { return version.name(); }

        @Override public boolean matches(GoVersion v) { return version.equals(v); }
    }

    /** The newest stable release of the line {@code major.minor}. */
    record Line(String major, String minor) implements VersionSpec {
        public Line { Objects.requireNonNull(major, "major"); Objects.requireNonNull(minor, "minor"); }

        @Override public String text() { return major + "." + minor; }

        @Override public boolean matches(GoVersion v) {
            return v.isStable() && v.major().equals(major) && v.minor().equals(minor);
        }
    }

    /** The newest stable release. */
    enum Latest implements VersionSpec {
        INSTANCE;

        @Override public String text() { return "latest"; }

        @Override public boolean matches(GoVersion v) { return v.isStable(); }
    }

    /** The Go found first on PATH that is not a jgvm shim; never an installed version. */
    enum System implements VersionSpec {
        INSTANCE;

        @Override public String text() { return "system"; }

        @Override public boolean matches(GoVersion v) { return false; }
    }
}
