package dev.jgvm.cli.command;

import dev.jgvm.cli.Services;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.resolve.GoModule;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;

import java.nio.file.Files;
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

    /**
     * Warns when Go 1.21+ would not run the version selected here in this project: the go.work/go.mod the go command
     * finds asks, by its go or toolchain line, for a newer one (README, "Go's own toolchain switch and jgvm"). Says
     * what Go does then (switch to jgvm's version command, or download a toolchain itself) and the jgvm commands that
     * fix it. The launcher's sh {@code current} and {@code use} print the same (toolchain.sh's _jgvm_gomod_warn).
     */
    static void warnIfOlderThanGoMod(Services s) {
        Optional<GoVersion> v = s.resolveHere().installed();
        if (v.isEmpty()) return;
        Optional<GoModule> module = GoModule.find(s.env());
        if (module.isEmpty()) return;
        GoModule m = module.get();
        Optional<String> target = m.switchTarget(v.get().name());
        if (target.isEmpty()) return;
        String t = target.get();
        String what;
        String spec;
        if (m.needsNewerThan(v.get())) {
            spec = GoVersion.lang(m.go());
            what = "%s needs go %s or newer, but the selected go %s is older".formatted(m.file(), m.go(), v.get().name());
        } else {
            spec = GoModule.fromToolchain(t);
            what = "%s asks for toolchain %s, newer than the selected go %s".formatted(m.file(), t, v.get().name());
        }
        String fix = "run 'jgvm install %s' and 'jgvm use %s'".formatted(spec, spec);
        String gotoolchain = s.settings().gotoolchain();
        boolean pathMode = gotoolchain.equals("path") || gotoolchain.endsWith("+path");
        if (GoVersion.compare(v.get().name(), "1.21") < 0) {
            what += " (Go before 1.21 cannot switch toolchains)";
        } else if (Files.isRegularFile(s.store().shimsDir().resolve(t))) {
            what += "; Go switches to jgvm's %s for it".formatted(t);
            fix = "run 'jgvm use %s' to select it here".formatted(spec);
        } else if (pathMode) {
            what += "; with GOTOOLCHAIN=%s Go's switch needs jgvm's %s, which is not installed".formatted(gotoolchain, t);
        } else {
            what += "; with GOTOOLCHAIN=auto Go downloads %s itself, outside jgvm's mirrors and checks".formatted(t);
            fix += ", or set gotoolchain = \"path\" in config.toml";
        }
        s.terminal().warn(what);
        s.terminal().hint(fix + " ('jgvm doctor' explains)");
    }
}
