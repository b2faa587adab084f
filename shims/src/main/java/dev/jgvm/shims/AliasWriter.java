package dev.jgvm.shims;

import dev.jgvm.core.error.StoreException;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes {@code aliases/<spec>}: one-line files that let the shims resolve a spec without logic (README, 'Files').
 * For the installed versions it writes every line ({@code 1.22 -> 1.22.5}), {@code latest}, and the other
 * spellings of a release ({@code 1.20.0 -> 1.20}); stale aliases are removed. The result is the same as
 * {@link VersionSpec#select} over the installed versions, which is what the Java resolver uses.
 *
 * <p>{@code aliases/.installed} lists the installed versions in Go's order, one per line, for the launcher's
 * JVM-free {@code list} and {@code use}: sorting Go versions is not a job for sh. The launcher trusts it only while
 * it names exactly the directories in {@code versions/}.
 */
public final class AliasWriter {
    /** The file in {@code aliases/} that lists the installed versions (no spec starts with a dot). */
    public static final String INSTALLED = ".installed";

    /** The aliases the installed versions call for: spec text to version name. */
    public Map<String, String> aliases(List<GoVersion> installed) {
        Map<String, String> out = new TreeMap<>();
        for (GoVersion v : installed) {
            if (v.isStable()) {
                VersionSpec.Line line = new VersionSpec.Line(v.major(), v.minor());
                line.select(installed).ifPresent(best -> out.put(line.text(), best.name()));
            }
            for (String other : spellings(v)) {
                if (!other.equals(v.name()) && !out.containsKey(other)) out.put(other, v.name());
            }
        }
        Optional<GoVersion> latest = VersionSpec.Latest.INSTANCE.select(installed);
        latest.ifPresent(v -> out.put("latest", v.name()));
        return out;
    }

    /** Rewrites {@code aliases/} to hold exactly {@link #aliases}. Call with the shared lock held. */
    public void write(InstallStore store) {
        List<GoVersion> installed = store.installed();
        Map<String, String> wanted = aliases(installed);
        Path dir = store.aliasesDir();
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    String name = p.getFileName().toString();
                    if (!wanted.containsKey(name) && !name.equals(INSTALLED)) Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot update '%s': %s".formatted(dir, e.getMessage()), "check that JGVM_HOME is writable", e);
        }
        for (Map.Entry<String, String> e : wanted.entrySet()) writeIfChanged(dir.resolve(e.getKey()), e.getValue() + "\n");
        StringBuilder list = new StringBuilder();
        for (GoVersion v : installed) list.append(v.name()).append('\n');
        writeIfChanged(dir.resolve(INSTALLED), list.toString());
    }

    private static void writeIfChanged(Path file, String content) {
        try {
            if (Files.isRegularFile(file) && Files.readString(file).equals(content)) return;
        } catch (IOException ignored) {
            // rewrite below
        }
        InstallStore.writeAtomically(file, content);
    }

    // Spellings users write for a release that differ from its directory name: 1.20.0 for go1.20, 1.0 for go1.
    private static List<String> spellings(GoVersion v) {
        String name = v.name();
        if (!v.isStable()) return List.of();
        if (name.equals("1")) return List.of("1.0", "1.0.0");
        if (name.chars().filter(c -> c == '.').count() == 1) return List.of(name + ".0");
        return List.of();
    }
}
