package dev.jgvm.core.spi;

import dev.jgvm.core.version.GoVersion;

import java.nio.file.Path;

/**
 * Runs after a version was installed (for example {@code go install} of default tools), registered in
 * {@code META-INF/services/dev.jgvm.core.spi.InstallHook}, and again by {@code jgvm tools sync}. Called once per
 * install, after the version was published and its shims written, on the installing thread. A hook reports what it
 * did and what failed through {@link PluginContext#progress()}; an exception it throws is reported as a warning
 * naming the hook, and the install stands either way. Running it again for the same version must be safe.
 */
public interface InstallHook {
    /** The name shown in messages and by {@code jgvm plugins}; the class's simple name unless overridden. */
    default String name() { return getClass().getSimpleName(); }

    /**
     * Acts on a freshly installed version.
     *
     * @param goroot the version's GOROOT, complete and published
     */
    void installed(GoVersion version, Path goroot, PluginContext context);
}
