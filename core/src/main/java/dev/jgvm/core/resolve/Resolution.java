package dev.jgvm.core.resolve;

import dev.jgvm.core.version.GoVersion;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Selection} matched against what is installed.
 *
 * @param selection what the directory asks for and why
 * @param installed the installed version that satisfies it; empty when none does, or for {@code system}
 */
public record Resolution(Selection selection, Optional<GoVersion> installed) {
    public Resolution {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(installed, "installed");
    }

    /** Nothing selects a version here. */
    public boolean none() { return selection.spec().isEmpty(); }

    /** The spec {@code system}: the first {@code go} on PATH that is not a shim. */
    public boolean system() { return selection.spec().filter("system"::equals).isPresent(); }

    /** A spec is selected but no installed version satisfies it. */
    public boolean missing() { return !none() && !system() && installed.isEmpty(); }

    /** The spec as written, or "" when none. */
    public String spec() { return selection.spec().orElse(""); }
}
