package dev.jgvm.core.install;

import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.spi.InstallHook;
import dev.jgvm.core.spi.PluginContext;
import dev.jgvm.core.version.GoVersion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The {@link InstallHook}s found with {@link ServiceLoader} (first-party ones and those in plugin jars), and running
 * them after an install: each in turn, a failure reported as a warning naming the hook, never undoing the install.
 * A hook that cannot even be loaded is reported the same way when hooks run. Not thread-safe.
 */
public final class InstallHooks {
    /** No hooks at all. */
    public static final InstallHooks NONE = new InstallHooks(null, p -> { throw new IllegalStateException("no hooks"); });

    private final ClassLoader loader;
    private final Function<ProgressListener, PluginContext> context;
    private List<InstallHook> hooks;
    private List<String> broken;

    private InstallHooks(ClassLoader loader, Function<ProgressListener, PluginContext> context) {
        this.loader = loader;
        this.context = context;
    }

    /**
     * The hooks registered in {@code META-INF/services/dev.jgvm.core.spi.InstallHook} visible to {@code loader}, looked
     * up on first use (most commands install nothing).
     */
    public static InstallHooks load(ClassLoader loader, Function<ProgressListener, PluginContext> context) {
        return new InstallHooks(loader, context);
    }

    /** The hooks found. */
    public List<InstallHook> hooks() {
        if (hooks != null) return hooks;
        List<InstallHook> found = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        if (loader != null) {
            Iterator<InstallHook> it = ServiceLoader.load(InstallHook.class, loader).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) break;
                    found.add(it.next());
                } catch (ServiceConfigurationError | LinkageError e) {
                    bad.add(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
            }
        }
        broken = List.copyOf(bad);
        return hooks = List.copyOf(found);
    }

    /**
     * Runs every hook for a freshly installed version.
     *
     * @return the warnings reported while they ran (by the hooks, or about them), in order
     */
    public List<String> run(GoVersion version, Path goroot, ProgressListener progress) {
        if (hooks().isEmpty() && broken.isEmpty()) return List.of();
        List<String> warnings = new ArrayList<>();
        ProgressListener recording = new ProgressListener() {
            @Override public void step(String what) { progress.step(what); }

            @Override public void warning(String message) {
                warnings.add(message);
                progress.warning(message);
            }
        };
        for (String b : broken) recording.warning("an install hook could not be loaded: " + b);
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
