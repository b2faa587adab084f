package dev.jgvm.core.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code shims}: {@code shims/} holds exactly what this jgvm would write — a shim for each tool of an installed
 * version, a version command for each version — and each one as this jgvm writes it (a shim written by an older
 * jgvm or with other settings is stale). {@code --fix} regenerates them.
 */
public final class ShimCheck implements Check {
    private static final String SETTINGS = ".settings";

    @Override public List<Finding> examine(Situation s) {
        Path dir = s.store().shimsDir();
        TreeSet<String> missing = new TreeSet<>();
        TreeSet<String> stale = new TreeSet<>();
        TreeSet<String> extra = new TreeSet<>();
        for (Map.Entry<String, String> e : s.expectedShims().entrySet()) {
            Path f = dir.resolve(e.getKey());
            if (!Files.isRegularFile(f)) {
                missing.add(e.getKey());
                continue;
            }
            try {
                boolean exec = e.getKey().endsWith(".cmd") || e.getKey().startsWith(".") || Files.isExecutable(f);
                if (!exec || !Files.readString(f, StandardCharsets.UTF_8).equals(e.getValue())) stale.add(e.getKey());
            } catch (IOException | java.io.UncheckedIOException x) {
                stale.add(e.getKey());
            }
        }
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    String n = p.getFileName().toString();
                    if (!n.equals(SETTINGS) && !s.expectedShims().containsKey(n)) extra.add(n);
                }
            } catch (IOException e) {
                // an unreadable shims/ shows up as missing shims
            }
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) problems.add("missing " + names(missing));
        if (!stale.isEmpty()) problems.add("written by another jgvm or with other settings: " + names(stale));
        if (!extra.isEmpty()) problems.add("no longer wanted: " + names(extra));
        if (problems.isEmpty()) return List.of(Finding.ok("shims", "%d shims in '%s', all current".formatted(s.expectedShims().size(), dir)));
        boolean goMissing = missing.contains("go");
        Finding f = goMissing ? Finding.fail("shims", "shims in '%s': %s".formatted(dir, String.join("; ", problems)), "run 'jgvm rehash'")
                : Finding.warn("shims", "shims in '%s': %s".formatted(dir, String.join("; ", problems)), "run 'jgvm rehash'");
        return List.of(f.repairedBy(Repair.REHASH));
    }

    private static String names(TreeSet<String> names) {
        List<String> shown = new ArrayList<>();
        for (String n : names) {
            if (shown.size() == 6) {
                shown.add("and %d more".formatted(names.size() - 6));
                break;
            }
            shown.add("'" + n + "'");
        }
        return String.join(", ", shown);
    }
}
