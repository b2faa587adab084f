package dev.jgvm.core.spi;

import dev.jgvm.core.version.GoVersion;

import java.nio.file.Path;

/**
 * Runs after a version was installed (for example {@code go install} of default tools), registered in
 * {@code META-INF/services/dev.jgvm.core.spi.InstallHook}. A failure is reported as a warning; the install stands.
 */
public interface InstallHook {
    void installed(GoVersion version, Path goroot, PluginContext context);
}
