package dev.jgvm.core.install;

import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.plugin.PluginRegistry;
import dev.jgvm.core.spi.InstallHook;
import dev.jgvm.core.spi.PluginContext;
import dev.jgvm.core.version.GoVersion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@link InstallHook}s of the {@link PluginRegistry} (first-party ones and those in plugin jars), and running
 * them after an install: each in turn, a failure reported as a warning naming the hook, never undoing the install.
 * A hook that cannot even be loaded is the registry's to report. Not thread-safe.
 */
public final class InstallHooks {
    /** No hooks at all. */
    public static final InstallHooks NONE = new InstallHooks(null, p -> { throw new IllegalStateException("no hooks"); });

    private final java.util.function.Supplier<PluginRegistry> registry;
    private final Function<ProgressListener, PluginContext> context;
    private List<InstallHook> hooks;

    private InstallHooks(java.util.function.Supplier<PluginRegistry> registry, Function<ProgressListener, PluginContext> context) {
        this.registry = registry;
        this.context = context;
    }

    /** The hooks of a registry, which is asked for on first use (most commands install nothing). */
    public static InstallHooks of(java.util.function.Supplier<PluginRegistry> registry, Function<ProgressListener, PluginContext> context) {
        return new InstallHooks(registry, context);
    }

    /** The hooks found. */
    public List<InstallHook> hooks() {
        if (hooks != null) return hooks;
        return hooks = registry == null ? List.of() : registry.get().hooks();
    }

    /**
     * Runs every hook for a freshly installed version.
     *
     * @return the warnings reported while they ran (by the hooks, or about them), in order
     */
    public List<String> run(GoVersion version, Path goroot, ProgressListener progress) {
        if (hooks().isEmpty()) return List.of();
        List<String> warnings = new ArrayList<>();
        ProgressListener recording = new ProgressListener() {
            @Override public void step(String what) { progress.step(what); }

            @Override public void warning(String message) {
                warnings.add(message);
                progress.warning(message);
            }
        };
        for (InstallHook h : hooks) {
            try {
                h.installed(version, goroot, context.apply(recording));
            } catch (RuntimeException | LinkageError e) {
                recording.warning("install hook '%s' failed for go %s: %s".formatted(h.name(), version,
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        return warnings;
    }
}
