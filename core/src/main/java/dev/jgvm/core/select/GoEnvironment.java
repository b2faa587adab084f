package dev.jgvm.core.select;

import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.StoreException;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The environment that makes a GOROOT the one used: GOROOT set, its {@code bin/} first on PATH, and GOTOOLCHAIN when
 * configured. What {@code jgvm env} exports (for the version selected here) and what {@code exec} hands its child.
 * The launcher's sh {@code env} prints the same (LauncherParityIT).
 */
public final class GoEnvironment {
    private final Selector selector;
    private final InstallStore store;
    private final Env env;
    private final String gotoolchain;

    /** @param gotoolchain the configured {@code gotoolchain}, {@code ""} when unset (then GOTOOLCHAIN is left alone) */
    public GoEnvironment(Selector selector, InstallStore store, Env env, String gotoolchain) {
        this.selector = selector;
        this.store = store;
        this.env = env;
        this.gotoolchain = gotoolchain;
    }

    /**
     * What selects a version's GOROOT.
     *
     * @param gotoolchain empty when not configured
     */
    public record Exports(GoVersion version, Path goroot, Path bin, Optional<String> gotoolchain) {}

    /**
     * The exports for the installed version selected here.
     *
     * @throws dev.jgvm.core.error.VersionNotFoundException (exit 3) when none is, as {@link Selector#installedHere}
     */
    public Exports here() {
        GoVersion v = selector.installedHere();
        Path goroot = store.goroot(v);
        return new Exports(v, goroot, goroot.resolve("bin"), gotoolchain.isEmpty() ? Optional.empty() : Optional.of(gotoolchain));
    }

    /** The child environment for a GOROOT: this environment with GOROOT set, its bin/ first on PATH, GOTOOLCHAIN when configured. */
    public Map<String, String> child(Path goroot) {
        Map<String, String> out = new LinkedHashMap<>(env.vars());
        out.put("GOROOT", goroot.toString());
        String path = env.get("PATH").orElse("");
        out.put("PATH", goroot.resolve("bin") + (path.isEmpty() ? "" : File.pathSeparator + path));
        if (!gotoolchain.isEmpty()) out.put("GOTOOLCHAIN", gotoolchain);
        return out;
    }

    /**
     * Hands the exports to the later steps of a GitHub Actions job, which read them from the files GITHUB_ENV and
     * GITHUB_PATH name: {@code GOROOT=} (and {@code GOTOOLCHAIN=}) lines appended to the one, the bin directory to
     * the other.
     *
     * @throws UsageException (exit 2) outside a GitHub Actions step, where those variables are not set
     * @throws StoreException when a file cannot be written
     */
    public void toGitHubActions(Exports e) {
        Path envFile = env.get("GITHUB_ENV").map(Path::of).orElseThrow(() -> new UsageException(
                "GITHUB_ENV is not set", "--shell github is for GitHub Actions steps; use --shell sh elsewhere"));
        Path pathFile = env.get("GITHUB_PATH").map(Path::of).orElseThrow(() -> new UsageException(
                "GITHUB_PATH is not set", "--shell github is for GitHub Actions steps; use --shell sh elsewhere"));
        append(envFile, "GOROOT=" + e.goroot() + "\n" + e.gotoolchain().map(t -> "GOTOOLCHAIN=" + t + "\n").orElse(""));
        append(pathFile, e.bin() + "\n");
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new StoreException("cannot write '%s': %s".formatted(file, e.getMessage()), null, e);
        }
    }
}
