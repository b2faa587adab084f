package dev.jgvm.cli.command;

import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.select.Selector;
import dev.jgvm.core.select.ToolchainMismatch;
import dev.jgvm.core.version.GoVersion;

import java.util.Optional;

/**
 * The errors and warnings about the selection that {@code current}, {@code which}, {@code exec}, {@code install} and
 * {@code use} share; the rules are core's {@link Selector}, this only renders them.
 */
final class Selected {
    private Selected() {}

    /** The installed version used here, or the error a user should see (exit 3). {@code system} is refused. */
    static GoVersion installed(Services s, Resolution r) { return Selector.installed(r, s.env().cwd()); }

    static VersionNotFoundException noneSelected(Services s) { return Selector.noneSelected(s.env().cwd()); }

    static VersionNotFoundException notInstalled(Resolution r) { return Selector.notInstalled(r); }

    /** Whether a selected token is a spec jgvm can act on (install, match), not merely shaped like one. */
    static boolean isVersion(String spec) { return Selector.isVersion(spec); }

    /** Warns when Go 1.21+ would not run the version selected here in this project ({@link Selector#toolchainMismatch}). */
    static void warnIfOlderThanGoMod(Services s) { warn(s.terminal(), s.selector().toolchainMismatch()); }

    /** The launcher's sh {@code current} and {@code use} print the same (toolchain.sh's _jgvm_gomod_warn). */
    static void warn(Terminal t, Optional<ToolchainMismatch> mismatch) {
        mismatch.ifPresent(m -> {
            t.warn(m.what());
            t.hint(m.fix() + " ('jgvm doctor' explains)");
        });
    }
}
