package dev.jgvm.core.spi;

/**
 * The version of this plugin contract. Every {@link SourceType} and {@link InstallHook} returns {@link #MAJOR} from its
 * {@code spiVersion()}: the constant is compiled into the plugin's own class, so the number a plugin returns is the
 * number it was built against, whatever jgvm later loads it. Core refuses a plugin whose major version differs from
 * its own ({@code core.plugin.PluginRegistry}), naming the jar and both versions; the other plugins and the command go
 * on. A minor version adds methods with defaults, types or constants and never breaks a plugin built for an older
 * minor of the same major.
 *
 * <p>Not instantiable; the constants are the contract.
 */
public final class SpiVersion {
    /** Changes when a plugin built for the previous one could misbehave: a method removed, a signature or meaning changed. */
    public static final int MAJOR = 1;
    /** Changes when something is added that older plugins may ignore. */
    public static final int MINOR = 0;

    private SpiVersion() {}

    /** {@code MAJOR.MINOR}, as {@code jgvm plugins} and error messages show it. */
    public static String text() { return MAJOR + "." + MINOR; }
}
