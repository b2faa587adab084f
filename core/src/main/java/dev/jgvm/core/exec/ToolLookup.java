package dev.jgvm.core.exec;

import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.ToolNotFoundException;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which program a command name means (README, 'Which version a directory uses'): a tool of the selected Go
 * ({@code versions/<v>/bin/<cmd>}), or for {@code system} the first one on PATH outside jgvm's shims, as the shims
 * find it. Shared by {@code which}, {@code exec} and {@code use}, with the errors the shims' messages match.
 * Reads the file system on each call; thread-safe.
 */
public final class ToolLookup {
    private final InstallStore store;
    private final String path;

    /** @param env whose {@code PATH} is searched */
    public ToolLookup(InstallStore store, Env env) {
        this.store = store;
        this.path = env.get("PATH").orElse("");
    }

    /**
     * The binary {@code cmd} runs under the resolution: the installed version's, or for {@code system} the first on
     * PATH outside the shims.
     *
     * @param installed the installed version the resolution selects (ignored for {@code system})
     * @throws ToolNotFoundException (exit 3 for {@code system}, 1 for a tool the version lacks) naming what is missing
     */
    public Path binary(Resolution r, Optional<GoVersion> installed, String cmd) {
        if (r.system()) {
            return onPathOutsideShims(cmd).orElseThrow(() -> new ToolNotFoundException(
                    "no '%s' on PATH besides jgvm's shims ('system' selected by %s)".formatted(cmd, r.selection().reason()),
                    "install Go system-wide, or pick a jgvm version with 'jgvm use <version>'", ExitCode.NOT_FOUND));
        }
        GoVersion v = installed.orElseThrow();
        return inVersion(v, cmd).orElseThrow(() -> missing(v, cmd, r, "go %s has no '%s' (selected by %s)".formatted(v, cmd, r.selection().reason()),
                ExitCode.FAILURE));
    }

    /**
     * What a version command ({@code go1.24.0}, the {@code golang.org/dl}-style name shims/ holds for each installed
     * version) runs from any directory: that version's {@code bin/go}. Empty for any other name, and for a version that
     * is not installed under exactly that name.
     */
    public Optional<Path> versionCommand(String cmd) {
        if (!cmd.startsWith("go")) return Optional.empty();
        String name = cmd.substring(2);
        return GoVersion.tryParse(name).filter(v -> v.name().equals(name)).flatMap(v -> inVersion(v, "go"));
    }

    /** {@code versions/<v>/bin/<cmd>} (or {@code <cmd>.exe}), when the version has that tool. */
    public Optional<Path> inVersion(GoVersion v, String cmd) {
        Path bin = store.goroot(v).resolve("bin");
        for (String name : new String[] {cmd, cmd + ".exe"}) {
            if (Files.isRegularFile(bin.resolve(name))) return Optional.of(bin.resolve(name));
        }
        return Optional.empty();
    }

    /**
     * For {@code exec --shim}: the error a shim gives (exit 127) when the version selected here lacks {@code cmd}.
     */
    public Optional<ToolNotFoundException> shimMissing(Resolution r, String cmd) {
        if (r.none() || r.system()) return Optional.empty();
        return r.installed().filter(v -> inVersion(v, cmd).isEmpty())
                .map(v -> missing(v, cmd, r, "go %s has no '%s' (go %s selected by %s)".formatted(v, cmd, v, r.selection().reason()),
                        ExitCode.SHIM_NOT_FOUND));
    }

    /** The first {@code cmd} on PATH outside {@code JGVM_HOME/shims}: what {@code system} means. */
    public Optional<Path> onPathOutsideShims(String cmd) {
        Path shims = store.shimsDir().normalize();
        return onPath(path, cmd, dir -> dir.normalize().equals(shims));
    }

    /**
     * The program {@code exec} starts for {@code cmd}: a path as given, else the first on the child's PATH (so the
     * selected GOROOT/bin wins over anything else).
     *
     * @throws ToolNotFoundException (exit 127) when it is on none
     */
    public static String onChildPath(String cmd, String childPath) {
        if (cmd.contains("/") || cmd.contains(File.separator)) return cmd;
        return onPath(childPath, cmd, dir -> false).map(Path::toString).orElseThrow(() -> new ToolNotFoundException(
                "'%s' not found in the selected Go's bin/ or on PATH".formatted(cmd),
                "check the command's name; 'jgvm which' shows the selected Go", ExitCode.SHIM_NOT_FOUND));
    }

    /** The first executable {@code cmd} in a PATH value, skipping the directories {@code skip} names. */
    public static Optional<Path> onPath(String path, String cmd, Predicate<Path> skip) {
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path d = Path.of(dir);
            if (skip.test(d)) continue;
            Path p = d.resolve(cmd);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    // Another installed version having the tool is what makes 'jgvm use' the fix; when none has it, the name is wrong.
    private ToolNotFoundException missing(GoVersion v, String cmd, Resolution r, String message, ExitCode code) {
        boolean elsewhere = store.installed().stream().anyMatch(other -> inVersion(other, cmd).isPresent());
        return new ToolNotFoundException(message, elsewhere ? "'%s' comes with other Go versions; pick one with 'jgvm use <version>'".formatted(cmd)
                : "no installed Go version has a command '%s'; check the name".formatted(cmd), code);
    }
}
