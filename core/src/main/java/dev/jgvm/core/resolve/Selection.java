package dev.jgvm.core.resolve;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which version a directory asks for and why (README, 'Which version a directory uses'): the spec as written (without {@code go}), where it came
 * from, and the files looked at on the way, with the reason each skipped one was skipped.
 *
 * @param spec    the requested spec ({@code 1.22.5}, {@code 1.22}, {@code latest}, {@code system}); empty when
 *                nothing selects a version
 * @param source  what selected it
 * @param origin  the file that selected it, for {@link Source#PROJECT_FILE} and {@link Source#GLOBAL_DEFAULT}
 * @param trace   the files examined, in order
 */
public record Selection(Optional<String> spec, Source source, Optional<Path> origin, List<Step> trace) {
    public Selection {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
        trace = List.copyOf(trace);
    }

    /** What selected the version. */
    public enum Source {
        /** {@code --version} or another command-line argument. */
        COMMAND_LINE,
        /** {@code JGVM_GO_VERSION}. */
        ENVIRONMENT,
        /** {@code .go-version}, {@code .tool-versions}, {@code go.work} or {@code go.mod} in a directory. */
        PROJECT_FILE,
        /** {@code JGVM_HOME/version}. */
        GLOBAL_DEFAULT,
        /** Nothing: no variable, no project file, no global default. */
        NONE
    }

    /** One file examined: used, or skipped with a reason. */
    public record Step(Path file, boolean used, String reason) {}

    /** The reason as {@code jgvm current} prints it: {@code JGVM_GO_VERSION} or the file's path. */
    public String reason() {
        return switch (source) {
            case COMMAND_LINE -> "--version";
            case ENVIRONMENT -> "JGVM_GO_VERSION";
            case PROJECT_FILE, GLOBAL_DEFAULT -> origin.map(Path::toString).orElse("?");
            case NONE -> "nothing";
        };
    }
}
