package dev.jgvm.core.select;

import dev.jgvm.core.resolve.GoModule;
import dev.jgvm.core.version.GoVersion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Go 1.21+ would not run the version selected here in this project: the go.work/go.mod the go command finds asks, by
 * its go or toolchain line, for a newer one (README, "Go's own toolchain switch and jgvm"). Says what Go does then
 * (switch to jgvm's version command, or download a toolchain itself) and the jgvm commands that fix it. The launcher's
 * sh {@code current} and {@code use} say the same (toolchain.sh's {@code _jgvm_gomod_warn}), word for word.
 *
 * @param what the warning: what the module asks for, and what Go does about it
 * @param fix  the jgvm commands (or config) that resolve it
 */
public record ToolchainMismatch(String what, String fix) {
    /**
     * @param selected    the installed version selected here
     * @param module      the go.work/go.mod the go command finds here, if any
     * @param gotoolchain the configured {@code gotoolchain} ({@code ""} when unset)
     * @param shimsDir    where jgvm's version commands ({@code go1.22.5}) are, as Go's switch finds them on PATH
     */
    public static Optional<ToolchainMismatch> find(GoVersion selected, Optional<GoModule> module, String gotoolchain, Path shimsDir) {
        if (module.isEmpty()) return Optional.empty();
        GoModule m = module.get();
        Optional<String> target = m.switchTarget(selected.name());
        if (target.isEmpty()) return Optional.empty();
        String t = target.get();
        String what;
        String spec;
        if (m.needsNewerThan(selected)) {
            spec = GoVersion.lang(m.go());
            what = "%s needs go %s or newer, but the selected go %s is older".formatted(m.file(), m.go(), selected.name());
        } else {
            spec = GoModule.fromToolchain(t);
            what = "%s asks for toolchain %s, newer than the selected go %s".formatted(m.file(), t, selected.name());
        }
        String fix = "run 'jgvm install %s' and 'jgvm use %s'".formatted(spec, spec);
        boolean pathMode = gotoolchain.equals("path") || gotoolchain.endsWith("+path");
        if (GoVersion.compare(selected.name(), "1.21") < 0) {
            what += " (Go before 1.21 cannot switch toolchains)";
        } else if (Files.isRegularFile(shimsDir.resolve(t))) {
            what += "; Go switches to jgvm's %s for it".formatted(t);
            fix = "run 'jgvm use %s' to select it here".formatted(spec);
        } else if (pathMode) {
            what += "; with GOTOOLCHAIN=%s Go's switch needs jgvm's %s, which is not installed".formatted(gotoolchain, t);
        } else {
            what += "; with GOTOOLCHAIN=auto Go downloads %s itself, outside jgvm's mirrors and checks".formatted(t);
            fix += ", or set gotoolchain = \"path\" in config.toml";
        }
        return Optional.of(new ToolchainMismatch(what, fix));
    }
}
