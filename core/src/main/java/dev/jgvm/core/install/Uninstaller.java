package dev.jgvm.core.install;

import dev.jgvm.core.error.BusyException;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.store.GorootProcesses;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code jgvm uninstall}: which installs the user's specs name, whether a running {@code go} still uses one (said,
 * or with {@code wait} waited for), then their removal through {@link Installer#uninstall}, all or nothing. Every
 * refusal (a spec that names no install or several, a version still in use after the wait, a busy lock) comes before
 * anything is removed. Not thread-safe.
 */
public final class Uninstaller {
    private final InstallStore store;
    private final Supplier<Installer> installer;
    private final Function<Path, List<ProcessHandle>> users;

    /** @param installer asked for only once the specs named installs (it reads the configuration) */
    public Uninstaller(InstallStore store, Supplier<Installer> installer) { this(store, installer, GorootProcesses::of); }

    /** @param users the live processes that run from a GOROOT ({@link GorootProcesses#of} but in tests) */
    public Uninstaller(InstallStore store, Supplier<Installer> installer, Function<Path, List<ProcessHandle>> users) {
        this.store = Objects.requireNonNull(store, "store");
        this.installer = Objects.requireNonNull(installer, "installer");
        this.users = Objects.requireNonNull(users, "users");
    }

    /** What uninstall tells while it works. */
    public interface Listener {
        /** A process runs from the version's GOROOT, and it is removed anyway (no wait asked for). */
        void inUse(GoVersion version, String process);

        /** Waiting for a process that runs from the version's GOROOT to end; once per process. */
        void waitingFor(GoVersion version, String process);
    }

    /** One removed install. */
    public record Removed(GoVersion version, Path goroot) {}

    /**
     * What was removed.
     *
     * @param lostDefault the global default, when it no longer names an installed version (and is not {@code system})
     */
    public record Result(List<Removed> removed, Optional<String> lostDefault) {}

    /**
     * Removes the installs the specs name, each an exact release or a line with one installed release.
     *
     * @param specs what the user wrote, each naming one install
     * @param wait  when a process runs from one of them, wait up to the store's lock wait for it to end instead of
     *              removing it under it
     * @throws VersionNotFoundException (exit 3) when a spec names no install; nothing was removed
     * @throws UsageException           (exit 2) when a spec names several; nothing was removed
     * @throws BusyException            (exit 6) when a version is still in use after the wait, or a lock is held; nothing was removed
     */
    public Result uninstall(List<String> specs, boolean wait, Listener listener) {
        List<GoVersion> installed = store.installed();
        List<GoVersion> remove = new ArrayList<>();
        for (String text : specs) {
            VersionSpec spec = VersionSpec.parse(text);
            List<GoVersion> matches = installed.stream().filter(spec::matches).toList();
            if (matches.isEmpty()) {
                throw new VersionNotFoundException("go %s is not installed".formatted(text), "'jgvm list' shows what is installed");
            }
            if (matches.size() > 1) {
                throw new UsageException("'%s' matches several installs: %s".formatted(text,
                        matches.stream().map(GoVersion::name).collect(Collectors.joining(", "))), "name the exact version to remove");
            }
            remove.add(matches.get(0));
        }
        for (GoVersion v : remove) inUse(v, wait, listener);
        installer.get().uninstall(remove);
        List<Removed> removed = remove.stream().map(v -> new Removed(v, store.goroot(v))).toList();
        Optional<String> lostDefault = store.globalDefault().filter(g -> store.find(g).isEmpty() && !g.equals("system"));
        return new Result(removed, lostDefault);
    }

    // A running go keeps reading its GOROOT (packages, tools): say so, or with wait let it finish first.
    private void inUse(GoVersion v, boolean wait, Listener listener) {
        Path goroot = store.goroot(v);
        if (!wait) {
            for (ProcessHandle p : users.apply(goroot)) listener.inUse(v, GorootProcesses.describe(p));
            return;
        }
        boolean free;
        try {
            free = GorootProcesses.awaitNone(users, goroot, store.lockWait(), p -> listener.waitingFor(v, GorootProcesses.describe(p)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            free = false;
        }
        if (!free) {
            throw new BusyException("go %s is still in use after %ds; nothing was removed".formatted(v, Math.max(1, store.lockWait().toSeconds())),
                    "stop the processes that run it, or wait longer with JGVM_LOCK_TIMEOUT=SECONDS");
        }
    }
}
