package dev.jgvm.shims;

import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The command names that get shims: every executable in any installed version's {@code bin/} ({@code go},
 * {@code gofmt}, and whatever a version adds), with {@code .exe} dropped. {@code go} and {@code gofmt} always
 * get one, so a fresh machine can auto-install on the first {@code go} call.
 */
public final class ShimSet {
    private ShimSet() {}

    public static Set<String> of(InstallStore store) {
        Set<String> names = new TreeSet<>(Set.of("go", "gofmt"));
        for (GoVersion v : store.installed()) {
            Path bin = store.goroot(v).resolve("bin");
            if (!Files.isDirectory(bin)) continue;
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(bin)) {
                for (Path p : ds) {
                    String name = p.getFileName().toString();
                    if (name.endsWith(".exe")) name = name.substring(0, name.length() - 4);
                    if (Files.isRegularFile(p) && (Files.isExecutable(p) || p.toString().endsWith(".exe")) && safe(name)) names.add(name);
                }
            } catch (IOException e) {
                // an unreadable bin/ contributes nothing; the version itself still works through the go shim
            }
        }
        return names;
    }

    // Names baked into a shell script and a file name: plain characters only.
    static boolean safe(String name) { return name.matches("[A-Za-z0-9][A-Za-z0-9._+-]*"); }
}
