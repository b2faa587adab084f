package dev.jgvm.core.spi;

import dev.jgvm.core.config.Settings.MirrorConfig;

/**
 * A kind of mirror ({@code dl}, {@code goproxy}, {@code bundle}, or a plugin's own), registered in
 * {@code META-INF/services/dev.jgvm.core.spi.SourceType}. Stateless; {@link #create} is called once per configured
 * mirror and command.
 */
public interface SourceType {
    /** The {@code type} value of a {@code [[mirror]]} table this handles. */
    String type();

    /**
     * A source for one {@code [[mirror]]} table.
     *
     * @throws dev.jgvm.core.error.ConfigException when the table is not usable (exit 2)
     */
    Source create(MirrorConfig mirror, PluginContext context);
}
