package dev.jgvm.core.doctor;

import dev.jgvm.core.version.GoVersion;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code goroot}, {@code gobin}, {@code gopath}: Go's variables in the environment (and {@code go env -w}'s file)
 * pointing at another version, at nothing, or into jgvm's own {@code shims/} and {@code versions/}.
 */
public final class GoEnvCheck implements Check {
    @Override public List<Finding> examine(Situation s) {
        return List.of(goroot(s), gobin(s), gopath(s));
    }

    private static Finding goroot(Situation s) {
        Optional<String> value = s.env().get("GOROOT").or(() -> Optional.ofNullable(s.goEnvWritten().get("GOROOT")).filter(v -> !v.isEmpty()));
        if (value.isEmpty()) return Finding.ok("goroot", "GOROOT is not set: jgvm sets it for each go command");
        String v = value.get();
        String unset = "remove 'export GOROOT=...' from your shell start-up files and run 'unset GOROOT' (jgvm sets GOROOT for each go command)";
        Path p = path(v);
        if (p == null || !p.isAbsolute()) return Finding.fail("goroot", "GOROOT='%s' is not an absolute path".formatted(v), unset);
        if (Situation.within(p, s.store().shimsDir())) {
            return Finding.fail("goroot", "GOROOT='%s' points into jgvm's shims/, which holds no Go".formatted(v), unset);
        }
        if (!Files.isRegularFile(p.resolve("bin/go")) && !Files.isRegularFile(p.resolve("bin/go.exe"))) {
            return Finding.fail("goroot", "GOROOT='%s' has no bin/go: it points at a Go that is gone".formatted(v), unset);
        }
        Optional<GoVersion> selected = s.selected();
        if (Situation.within(p, s.store().versionsDir())) {
            Path rel = Situation.real(s.store().versionsDir()).relativize(Situation.real(p));
            String name = rel.getNameCount() > 0 ? rel.getName(0).toString() : "";
            if (selected.isPresent() && name.equals(selected.get().name())) {
                return Finding.ok("goroot", "GOROOT='%s' is the selected version's".formatted(v));
            }
            return Finding.warn("goroot", "GOROOT='%s' is jgvm's %s, but %s is selected here; tools that read GOROOT (IDEs, gopls, scripts) use the other one"
                    .formatted(v, name, selected.map(GoVersion::name).orElse("no version")), unset);
        }
        String version = Programs.goVersion(s.env(), p.resolve("bin/go")).orElse("version unknown");
        return Finding.warn("goroot", "GOROOT='%s' is another Go (%s) than the one jgvm selects (%s); tools that read GOROOT use it"
                .formatted(v, version, selected.map(GoVersion::goName).orElse("none")), unset);
    }

    private static Finding gobin(Situation s) {
        Optional<String> value = s.env().get("GOBIN").or(() -> Optional.ofNullable(s.goEnvWritten().get("GOBIN")).filter(v -> !v.isEmpty()));
        if (value.isEmpty()) return Finding.ok("gobin", "GOBIN is not set: go install writes to $GOPATH/bin");
        String v = value.get();
        String fix = "unset GOBIN (and 'go env -u GOBIN'), or point it at a directory of your own such as ~/go/bin";
        Path p = path(v);
        if (p == null || !p.isAbsolute()) return Finding.fail("gobin", "GOBIN='%s' is not an absolute path".formatted(v), fix);
        if (Situation.within(p, s.store().shimsDir())) {
            return Finding.fail("gobin", "GOBIN='%s' is jgvm's shims/: go install writes there and jgvm rehash deletes what it wrote".formatted(v), fix);
        }
        if (Situation.within(p, s.store().versionsDir())) {
            return Finding.fail("gobin", "GOBIN='%s' is inside an installed Go: go install changes that version's tree".formatted(v), fix);
        }
        return Finding.ok("gobin", "GOBIN='%s'".formatted(v));
    }

    private static Finding gopath(Situation s) {
        Optional<String> value = s.env().get("GOPATH").or(() -> Optional.ofNullable(s.goEnvWritten().get("GOPATH")).filter(v -> !v.isEmpty()));
        if (value.isEmpty()) return Finding.ok("gopath", "GOPATH is not set: Go uses ~/go");
        String v = value.get();
        String fix = "unset GOPATH (Go then uses ~/go), or set it to a directory of your own outside JGVM_HOME and every GOROOT";
        List<String> problems = new ArrayList<>();
        for (String entry : v.split(":")) {
            if (entry.isEmpty()) continue;
            Path p = path(entry);
            if (p == null || !p.isAbsolute()) {
                problems.add("'%s' is not an absolute path".formatted(entry));
            } else if (Situation.within(p, s.store().shimsDir()) || Situation.within(p, s.store().versionsDir())) {
                problems.add("'%s' is inside jgvm's %s".formatted(entry, Situation.within(p, s.store().shimsDir()) ? "shims/" : "versions/"));
            } else if (s.selected().isPresent() && Situation.real(p).equals(Situation.real(s.store().goroot(s.selected().get())))) {
                problems.add("'%s' is the selected GOROOT".formatted(entry));
            }
        }
        if (problems.isEmpty()) return Finding.ok("gopath", "GOPATH='%s'".formatted(v));
        return Finding.fail("gopath", "GOPATH entry " + String.join("; ", problems), fix);
    }

    private static Path path(String v) {
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
