package dev.jgvm.core.doctor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code path}: jgvm's shims (or its hook's {@code versions/<v>/bin}) are on PATH ahead of every other {@code go};
 * every other {@code go} is listed with its version and where it comes from (Homebrew, the official installer,
 * snap, a distribution package).
 */
public final class PathCheck implements Check {
    @Override public List<Finding> examine(Situation s) {
        Path shims = s.store().shimsDir();
        Path versions = s.store().versionsDir();
        List<Path> gos = s.allOnPath("go");
        List<String> others = new ArrayList<>();
        Optional<String> winner = Optional.empty();
        boolean jgvmSeen = false;
        boolean jgvmFirst = false;
        for (Path go : gos) {
            Path dir = go.getParent();
            boolean ours = Situation.real(dir).equals(Situation.real(shims)) || Situation.within(dir, versions);
            if (winner.isEmpty()) {
                jgvmFirst = ours;
                winner = Optional.of(ours ? describeOurs(dir, shims) : describe(s, go));
            }
            if (ours) {
                jgvmSeen = true;
            } else {
                others.add(describe(s, go));
            }
        }
        String shell = shell(s);
        String setup = shell.equals("fish") ? "jgvm init fish | source" : "eval \"$(jgvm init " + shell + ")\"";
        String rc = switch (shell) {
            case "zsh" -> "~/.zshrc";
            case "fish" -> "~/.config/fish/config.fish";
            default -> "~/.bashrc";
        };
        if (!jgvmSeen) {
            String found = others.isEmpty() ? "no go on PATH at all" : "'go' runs " + others.get(0);
            return List.of(Finding.fail("path", "jgvm's shims ('%s') are not on PATH: %s".formatted(shims, found),
                    "add '%s' to %s (or export PATH=\"%s:$PATH\"), then open a new shell".formatted(setup, rc, shims)));
        }
        if (!jgvmFirst) {
            return List.of(Finding.fail("path", "%s comes before jgvm's shims on PATH, so it wins%s".formatted(winner.orElseThrow(), also(others, 1)),
                    "put '%s' last in %s, after any line that adds another Go to PATH, then open a new shell".formatted(setup, rc)));
        }
        return List.of(Finding.ok("path", "%s comes first on PATH%s".formatted(winner.orElseThrow(), also(others, 0))));
    }

    private static String also(List<String> others, int skip) {
        if (others.size() <= skip) return "";
        return "; also on PATH, behind it: " + String.join(", ", others.subList(skip, others.size()));
    }

    private static String describeOurs(Path dir, Path shims) {
        if (Situation.real(dir).equals(Situation.real(shims))) return "jgvm's shim '" + dir.resolve("go") + "'";
        return "jgvm's hook ('" + dir.resolve("go") + "')";
    }

    /** {@code '/usr/local/go/bin/go' (go1.21.0, the official installer)}. */
    static String describe(Situation s, Path go) {
        String version = Programs.goVersion(s.env(), go).orElse("version unknown");
        String origin = origin(go);
        return "'%s' (%s%s)".formatted(go, version, origin.isEmpty() ? "" : ", " + origin);
    }

    /** Where a Go on PATH most likely came from, by its path. */
    static String origin(Path go) {
        String p = go.toString();
        Path real = Situation.real(go);
        String r = real.toString();
        if (p.startsWith("/opt/homebrew/") || r.contains("/Cellar/") || r.contains("/linuxbrew/")) return "Homebrew";
        if (p.startsWith("/snap/") || r.startsWith("/snap/")) return "snap";
        if (p.startsWith("/usr/local/go/")) return "the official installer";
        if (p.startsWith("/usr/bin/") || p.startsWith("/bin/") || r.startsWith("/usr/lib/go")) return "a distribution package";
        if (p.contains("/sdk/go") || p.contains("/go/bin/go1")) return "golang.org/dl";
        return "";
    }

    private static String shell(Situation s) {
        String sh = s.env().get("SHELL").map(v -> v.substring(v.lastIndexOf('/') + 1)).orElse("bash");
        return sh.equals("zsh") || sh.equals("fish") ? sh : "bash";
    }
}
