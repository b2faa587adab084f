package dev.jgvm.core.spi;

import dev.jgvm.core.version.GoVersion;

import java.nio.file.Path;

/**
 * Runs after a version was installed (for example {@code go install} of default tools), registered in
 * {@code META-INF/services/dev.jgvm.core.spi.InstallHook}, and again by {@code jgvm tools sync}.
 *
 * <p>Implementations have a public no-argument constructor. {@link #installed} is called once per install, after the
 * version was published and its shims written, on the installing thread (never concurrently with itself within one
 * jgvm process). A hook reports what it did and what failed through {@link PluginContext#progress()}; an exception it
 * throws is reported as a warning naming the hook, and the install stands either way (exit 0). Running it again for the
 * same version must be safe. Core checks nothing after it: a hook must not change the GOROOT, which
 * {@code jgvm verify} would report as modified.
 */
public interface InstallHook {
    /**
     * The major SPI version this hook was built against: implement it as {@code return SpiVersion.MAJOR;}. A jar whose
     * hooks return another major is refused by name.
     */
    int spiVersion();

    /** The name shown in messages and by {@code jgvm plugins}; the class's simple name unless overridden. Not null. */
    default String name() { return getClass().getSimpleName(); }

    /**
     * Acts on a freshly installed version.
     *
     * @param version the version installed
     * @param goroot  the version's GOROOT, complete and published; read it, do not change it
     * @param context what core lends for this command
     */
    void installed(GoVersion version, Path goroot, PluginContext context);
}
