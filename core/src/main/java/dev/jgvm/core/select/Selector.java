package dev.jgvm.core.select;

import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.exec.ToolLookup;
import dev.jgvm.core.resolve.GoModule;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.resolve.Selection;
import dev.jgvm.core.resolve.VersionResolver;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The version used in the environment's working directory, as the commands ask about it: which one ({@link #here}),
 * the installed ones marked against it ({@link #list}), choosing one ({@link #use}), and what is wrong with it (the
 * errors of {@code current}, {@code which}, {@code exec}, {@code env}; {@link #toolchainMismatch}). The launcher's sh
 * {@code list}, {@code use} and {@code current} say the same (LauncherParityIT). Reads the file system on each call;
 * not thread-safe (one command's).
 */
public final class Selector {
    /** Installs a release for {@code use} when the spec it selects is not installed ({@code RemoteInstaller} in jgvm). */
    @FunctionalInterface
    public interface Installing {
        /** @return the installed version the spec now selects */
        GoVersion install(VersionSpec spec, ProgressListener progress);
    }

    private final Env env;
    private final InstallStore store;
    private final VersionResolver resolver;
    private final boolean readGoMod;
    private final String gotoolchain;
    private final Installing installing;

    /**
     * @param readGoMod   whether go.work/go.mod toolchain lines select (config {@code read_go_mod})
     * @param gotoolchain the configured {@code gotoolchain}, {@code ""} when unset
     */
    public Selector(Env env, InstallStore store, VersionResolver resolver, boolean readGoMod, String gotoolchain, Installing installing) {
        this.env = Objects.requireNonNull(env, "env");
        this.store = Objects.requireNonNull(store, "store");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.readGoMod = readGoMod;
        this.gotoolchain = Objects.requireNonNull(gotoolchain, "gotoolchain");
        this.installing = Objects.requireNonNull(installing, "installing");
    }

    /** The version selected in the working directory, matched against the installed ones. */
    public Resolution here() { return resolver.resolve(env, readGoMod, store); }

    /** The installed version used here, or the error a user should see (exit 3); {@code system} is refused. */
    public GoVersion installedHere() { return installed(here(), env.cwd()); }

    // ---- the errors a selection gives -------------------------------------------------------------------------

    /** The installed version a resolution selects, or the error a user should see (exit 3). {@code system} is refused. */
    public static GoVersion installed(Resolution r, Path cwd) {
        if (r.none()) throw noneSelected(cwd);
        if (r.system()) {
            throw new VersionNotFoundException("'system' is selected here (from %s); jgvm does not manage that Go".formatted(r.selection().reason()),
                    "use the go on your PATH directly, or pick a jgvm version with 'jgvm use <version>'");
        }
        return r.installed().orElseThrow(() -> notInstalled(r));
    }

    /** Nothing selects a version in {@code cwd} (exit 3). */
    public static VersionNotFoundException noneSelected(Path cwd) {
        return new VersionNotFoundException("no Go version is selected in '%s'".formatted(cwd),
                "run 'jgvm use <version>' here, or 'jgvm use --global <version>' for a default");
    }

    /** The spec selected is not installed, or is no version at all (exit 3). */
    public static VersionNotFoundException notInstalled(Resolution r) {
        if (!isVersion(r.spec())) {
            // Near misses such as 1.22.05, 01.22.5, 1.22.5. or v1.22.5: never offered for install, which would refuse them.
            return new VersionNotFoundException("'%s' is not a Go version (selected by %s)".formatted(r.spec(), r.selection().reason()),
                    "write a release such as 1.22.5 or go1.21rc2, a line such as 1.22, latest or system there");
        }
        return new VersionNotFoundException("go %s is not installed (selected by %s)".formatted(r.spec(), r.selection().reason()),
                "run 'jgvm install %s', or pick an installed version with 'jgvm use <version>'".formatted(r.spec()));
    }

    /** Whether a selected token is a spec jgvm can act on (install, match), not merely shaped like one. */
    public static boolean isVersion(String spec) {
        try {
            VersionSpec.parse(spec);
            return true;
        } catch (UsageException e) {
            return false;
        }
    }

    /**
     * What Go 1.21+ would do instead of running the installed version selected here, when this project's
     * go.work/go.mod asks for a newer one; empty when nothing is installed and selected, or Go runs it.
     */
    public Optional<ToolchainMismatch> toolchainMismatch() {
        Optional<GoVersion> v = here().installed();
        if (v.isEmpty()) return Optional.empty();
        return ToolchainMismatch.find(v.get(), GoModule.find(env), gotoolchain, store.shimsDir());
    }

    // ---- list -------------------------------------------------------------------------------------------------

    /**
     * One installed version.
     *
     * @param usedHere      the version the working directory selects
     * @param globalDefault the version the global default names, read as the resolver reads it
     */
    public record Installed(GoVersion version, Path goroot, boolean usedHere, boolean globalDefault) {}

    /** {@code jgvm list}: the installed versions, oldest first, and the selection here they are marked against. */
    public record Listing(List<Installed> versions, Resolution here) {
        public Listing { versions = List.copyOf(versions); }
    }

    public Listing list() {
        List<GoVersion> installed = store.installed();
        Resolution here = here();
        // Marked as the resolver reads the file, so the mark agrees with what `jgvm current` says outside projects.
        Optional<GoVersion> global = resolver.globalDefault(env).flatMap(store::find);
        List<Installed> out = new ArrayList<>();
        for (GoVersion v : installed) {
            out.add(new Installed(v, store.goroot(v), here.installed().filter(v::equals).isPresent(), global.filter(v::equals).isPresent()));
        }
        return new Listing(out, here);
    }

    // ---- use --------------------------------------------------------------------------------------------------

    /**
     * What {@code use} did.
     *
     * @param version             the installed version the spec selects; empty for {@code system}
     * @param file                the version file written: {@code .go-version} here, or the global default
     * @param stillHere           with {@code --global}: the project file or variable that still selects here
     * @param environmentOverride without {@code --global}: {@code JGVM_GO_VERSION}'s value, which overrides the file in this shell
     * @param noSystemGo          {@code system} was chosen and there is no go on PATH besides jgvm's shims
     * @param mismatch            what Go does instead with this project's go.work/go.mod, as {@link #toolchainMismatch}
     */
    public record Used(VersionSpec spec, Optional<GoVersion> version, boolean global, Path file, Optional<Selection> stillHere,
                       Optional<String> environmentOverride, boolean noSystemGo, Optional<ToolchainMismatch> mismatch) {}

    /**
     * {@code jgvm use}: writes the spec (as written) to {@code .go-version} in the working directory, or with
     * {@code global} to the global default, each atomically; a spec no installed version satisfies is installed
     * first ({@code system} never is).
     *
     * @param installingNotice told, before the install starts, what is about to be installed and why
     * @param progress         the install's progress
     */
    public Used use(VersionSpec wanted, boolean global, Consumer<String> installingNotice, ProgressListener progress) {
        boolean system = wanted instanceof VersionSpec.System;
        wanted.installable();   // a typo is refused before anything is said or written
        Optional<GoVersion> v = wanted.select(store.installed());
        if (v.isEmpty() && !system) {
            installingNotice.accept("go %s is not installed; installing it".formatted(wanted.text()));
            v = Optional.of(installing.install(wanted, progress));
        }
        Path file;
        Optional<Selection> stillHere = Optional.empty();
        Optional<String> override = Optional.empty();
        if (global) {
            file = store.globalVersionFile();
            store.writeGlobalDefault(wanted.text());
            Selection here = resolver.select(env, readGoMod);
            if (here.source() == Selection.Source.PROJECT_FILE || here.source() == Selection.Source.ENVIRONMENT) stillHere = Optional.of(here);
        } else {
            file = env.cwd().resolve(".go-version");
            InstallStore.writeAtomically(file, wanted.text() + "\n");
            if (env.isSet("JGVM_GO_VERSION")) override = Optional.of(env.get("JGVM_GO_VERSION").orElse(""));
        }
        boolean noSystemGo = system && new ToolLookup(store, env).onPathOutsideShims("go").isEmpty();
        return new Used(wanted, v, global, file, stillHere, override, noSystemGo, toolchainMismatch());
    }
}
