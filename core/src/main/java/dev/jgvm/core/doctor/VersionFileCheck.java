package dev.jgvm.core.doctor;

import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.resolve.Selection;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code version-files}: version files on the way up from here (and the global default) that name no usable
 * version, and a selection that is not installed.
 */
public final class VersionFileCheck implements Check {
    @Override public List<Finding> examine(Situation s) {
        Resolution r = s.resolution();
        List<String> skipped = new ArrayList<>();
        for (Selection.Step step : r.selection().trace()) {
            String name = step.file().getFileName() == null ? "" : step.file().getFileName().toString();
            // go.mod and go.work without a toolchain line are normal: their go line is a minimum, not a pin.
            if (!step.used() && !name.equals("go.mod") && !name.equals("go.work")) skipped.add("%s (%s)".formatted(step.file(), step.reason()));
        }
        if (r.none()) {
            return List.of(Finding.warn("version-files", "no version is selected here" + (skipped.isEmpty() ? "" : "; skipped " + String.join(", ", skipped)),
                    "run 'jgvm use <version>' here, or 'jgvm use --global <version>' for a default"));
        }
        if (r.missing()) {
            String fix = "run 'jgvm install %s'".formatted(r.spec());
            String finding = "go %s (selected by %s) is not installed%s".formatted(r.spec(), r.selection().reason(),
                    s.settings().autoInstall() ? "; the first go command installs it (auto_install)" : "");
            return List.of(s.settings().autoInstall() ? Finding.warn("version-files", finding, fix) : Finding.fail("version-files", finding, fix));
        }
        if (!skipped.isEmpty()) {
            return List.of(Finding.warn("version-files", "skipped as naming no usable version: " + String.join(", ", skipped),
                    "put one version such as 1.22.5 on the first line of each, or delete it"));
        }
        return List.of(Finding.ok("version-files", "%s selected by %s".formatted(r.installed().map(v -> v.name()).orElse(r.spec()), r.selection().reason())));
    }
}
