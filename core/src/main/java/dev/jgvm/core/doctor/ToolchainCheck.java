package dev.jgvm.core.doctor;

import dev.jgvm.core.resolve.GoModule;
import dev.jgvm.core.resolve.Selection;
import dev.jgvm.core.version.GoVersion;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code gotoolchain}: GOTOOLCHAIN as the selected Go will see it (jgvm's {@code gotoolchain} setting, which its shims
 * export; else the environment, {@code go env -w}'s file, the selected Go's {@code go.env}) against the project's
 * go.work/go.mod {@code go} and {@code toolchain} lines: whether Go would switch toolchains, and to what — one of
 * jgvm's version commands, a download outside jgvm, or a failure. {@code toolchain-pin}: a {@code .go-version} that
 * disagrees with go.mod's {@code toolchain} line.
 */
public final class ToolchainCheck implements Check {
    @Override public List<Finding> examine(Situation s) {
        return List.of(gotoolchain(s), pin(s));
    }

    /** GOTOOLCHAIN's value and where it came from, as the go command started by jgvm sees it. */
    static Situation.Setting effective(Situation s) {
        if (!s.settings().gotoolchain().isEmpty()) {
            return new Situation.Setting(s.settings().gotoolchain(), "jgvm's gotoolchain setting, which its shims export");
        }
        return s.goSetting("GOTOOLCHAIN").orElse(new Situation.Setting("", "nowhere"));
    }

    private static Finding gotoolchain(Situation s) {
        Situation.Setting gt = effective(s);
        String shown = gt.value().isEmpty() ? "GOTOOLCHAIN is not set" : "GOTOOLCHAIN=%s (from %s)".formatted(gt.value(), gt.from());
        Optional<GoVersion> selected = s.selected();
        Optional<GoModule> mod = GoModule.find(s.env());
        if (selected.isEmpty()) return Finding.ok("gotoolchain", shown + "; no installed version is selected here to compare");
        GoVersion local = selected.get();
        String value = gt.value();
        String mode;
        String min = local.name();
        int plus = value.indexOf('+');
        String head = plus < 0 ? value : value.substring(0, plus);
        if (value.equals("auto") || value.equals("path")) {
            mode = value;
        } else if (head.equals("local") || head.isEmpty()) {
            mode = plus < 0 ? "local" : value.substring(plus + 1);
        } else {
            String v = GoModule.fromToolchain(head);
            if (v.isEmpty()) {
                return Finding.fail("gotoolchain", "%s is not a value Go accepts, so every go command fails".formatted(shown),
                        "set it to auto, path or local: 'gotoolchain = \"path\"' in config.toml, or unset GOTOOLCHAIN and 'go env -u GOTOOLCHAIN'");
            }
            mode = plus < 0 ? "pinned" : value.substring(plus + 1);
            min = GoVersion.compare(v, min) > 0 ? v : min;
            if (mode.equals("pinned") && !head.equals(local.goName())) {
                return Finding.warn("gotoolchain", "%s runs %s for every go command, whatever jgvm selects (%s)".formatted(shown, head, local.name()),
                        "unset GOTOOLCHAIN and run 'go env -u GOTOOLCHAIN', or set 'gotoolchain = \"path\"' in config.toml");
            }
        }
        boolean switches = GoVersion.compare(local.name(), "1.21") >= 0 && (mode.equals("auto") || mode.equals("path"));
        if (mod.isEmpty()) return Finding.ok("gotoolchain", shown + "; no go.mod or go.work here, so Go switches nothing");
        GoModule m = mod.get();
        Optional<String> target = switches ? m.switchTarget(min)
                : m.needsNewerThan(local) ? Optional.of(m.goLineToolchain()) : Optional.empty();
        String needs = m.go().isEmpty() ? "%s has no go line".formatted(m.file())
                : "%s needs go%s%s".formatted(m.file(), m.go(), m.toolchain().isEmpty() ? "" : " (toolchain " + m.toolchain() + ")");
        if (target.isEmpty()) {
            return Finding.ok("gotoolchain", "%s; selected %s satisfies it; %s".formatted(needs, local.name(), shown));
        }
        String t = target.get();
        String tv = GoModule.fromToolchain(t);
        boolean installed = !tv.isEmpty() && s.store().isInstalled(GoVersion.parse(tv));
        String line = GoVersion.lang(tv);
        String use = "'jgvm install %s' and 'jgvm use %s'".formatted(line, line);
        if (!switches) {
            String why = GoVersion.compare(local.name(), "1.21") < 0 ? "Go %s cannot switch toolchains".formatted(local.name())
                    : value.isEmpty() ? "GOTOOLCHAIN is set nowhere (not in the environment, go env -w or the selected Go's go.env), which Go takes as local: no switching"
                    : shown + " forbids switching";
            return Finding.fail("gotoolchain", "%s; selected %s; %s, so go commands here fail with 'go.mod requires go >= %s'"
                    .formatted(needs, local.name(), why, m.go()), "run " + use);
        }
        if (installed) {
            return Finding.warn("gotoolchain", "%s; selected %s; with %s Go switches to jgvm's %s (a version command in shims/)"
                    .formatted(needs, local.name(), shown, t), "run 'jgvm use %s' to select it directly".formatted(tv));
        }
        if (mode.equals("path")) {
            return Finding.fail("gotoolchain", "%s; selected %s; with %s Go finds no %s on PATH and stops".formatted(needs, local.name(), shown, t),
                    "run 'jgvm install %s' (Go's switch then runs jgvm's %s), or %s".formatted(tv, t, use));
        }
        return Finding.fail("gotoolchain", "%s; selected %s; with %s Go downloads %s itself, outside jgvm's mirrors and checks"
                .formatted(needs, local.name(), shown, t), "run %s, or set 'gotoolchain = \"path\"' in config.toml".formatted(use));
    }

    private static Finding pin(Situation s) {
        Selection sel = s.resolution().selection();
        Optional<Path> origin = sel.origin();
        if (sel.source() != Selection.Source.PROJECT_FILE || origin.isEmpty()) {
            return Finding.ok("toolchain-pin", "no .go-version or .tool-versions selects the version here");
        }
        String name = origin.get().getFileName().toString();
        if (!name.equals(".go-version") && !name.equals(".tool-versions")) {
            return Finding.ok("toolchain-pin", "the version comes from %s itself".formatted(origin.get()));
        }
        Optional<GoModule> mod = GoModule.find(s.env());
        if (mod.isEmpty() || mod.get().toolchain().isEmpty() || mod.get().toolchain().equals("default")) {
            return Finding.ok("toolchain-pin", "%s selects %s; no toolchain line to compare".formatted(origin.get(), sel.spec().orElse("")));
        }
        String tv = GoModule.fromToolchain(mod.get().toolchain());
        String spec = sel.spec().orElse("");
        boolean agree = tv.isEmpty() || s.selected().map(v -> v.name().equals(GoVersion.parse(tv).name())).orElse(spec.equals(tv));
        if (agree) return Finding.ok("toolchain-pin", "%s and %s's toolchain line agree on %s".formatted(origin.get(), mod.get().file(), tv));
        return Finding.warn("toolchain-pin", "%s says %s but %s's toolchain line says %s; jgvm uses %s's"
                        .formatted(origin.get(), spec, mod.get().file(), mod.get().toolchain(), name),
                "run 'jgvm use %s' to write it into %s, or change the toolchain line".formatted(tv, name));
    }
}
