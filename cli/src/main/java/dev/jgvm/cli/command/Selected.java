package dev.jgvm.cli.command;

import dev.jgvm.cli.Services;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;

import java.nio.file.Path;
import java.util.Optional;

/** The errors and lookups that {@code current}, {@code which}, {@code exec} and {@code env} share. */
final class Selected {
    private Selected() {}

    /** The installed version used here, or the error a user should see (exit 3). {@code system} is refused. */
    static GoVersion installed(Services s, Resolution r) {
        if (r.none()) throw noneSelected(s);
        if (r.system()) {
            throw new VersionNotFoundException("'system' is selected here (from %s); jgvm does not manage that Go".formatted(r.selection().reason()),
                    "use the go on your PATH directly, or pick a jgvm version with 'jgvm use <version>'");
        }
        return r.installed().orElseThrow(() -> notInstalled(r));
    }

    static VersionNotFoundException noneSelected(Services s) {
        return new VersionNotFoundException("no Go version is selected in '%s'".formatted(s.env().cwd()),
                "run 'jgvm use <version>' here, or 'jgvm use --global <version>' for a default");
    }

    static VersionNotFoundException notInstalled(Resolution r) {
        if (!isVersion(r.spec())) {
            // Near misses such as 1.22.05, 01.22.5, 1.22.5. or v1.22.5: never offered for install, which would refuse them.
            return new VersionNotFoundException("'%s' is not a Go version (selected by %s)".formatted(r.spec(), r.selection().reason()),
                    "write a release such as 1.22.5 or go1.21rc2, a line such as 1.22, latest or system there");
        }
        return new VersionNotFoundException("go %s is not installed (selected by %s)".formatted(r.spec(), r.selection().reason()),
                "run 'jgvm install %s', or pick an installed version with 'jgvm use <version>'".formatted(r.spec()));
    }

    /** Whether a selected token is a spec jgvm can act on (install, match), not merely shaped like one. */
    static boolean isVersion(String spec) {
        try {
            VersionSpec.parse(spec);
            return true;
        } catch (UsageException e) {
            return false;
        }
    }

    /** The first {@code cmd} on PATH outside {@code JGVM_HOME/shims}: what {@code system} means. */
    static Optional<Path> onPathOutsideShims(Services s, String cmd) {
        Path shims = s.store().shimsDir().normalize();
        return onPath(s.env().get("PATH").orElse(""), cmd, dir -> dir.normalize().equals(shims));
    }

    /** The first executable {@code cmd} in a PATH value, skipping the directories {@code skip} names. */
    static Optional<Path> onPath(String path, String cmd, java.util.function.Predicate<Path> skip) {
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path d = Path.of(dir);
            if (skip.test(d)) continue;
            Path p = d.resolve(cmd);
            if (java.nio.file.Files.isRegularFile(p) && java.nio.file.Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /**
     * Warns when the version selected here is older than the go line of the go.work/go.mod the go command finds here:
     * Go 1.21+ would switch toolchains (or fail) in this project. The launcher's sh {@code current} says the same.
     */
    static void warnIfOlderThanGoMod(Services s) {
        Optional<dev.jgvm.core.version.GoVersion> v = s.resolveHere().installed();
        if (v.isEmpty()) return;
        dev.jgvm.core.resolve.GoModule.find(s.env()).filter(m -> m.needsNewerThan(v.get())).ifPresent(m -> {
            String lang = dev.jgvm.core.version.GoVersion.lang(m.go());
            s.terminal().warn("%s needs go %s or newer, but the selected go %s is older; run 'jgvm install %s' and 'jgvm use %s', or see 'jgvm doctor'"
                    .formatted(m.file(), m.go(), v.get().name(), lang, lang));
        });
    }
}
