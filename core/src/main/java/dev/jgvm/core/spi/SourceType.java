package dev.jgvm.core.spi;

import java.util.Set;

/**
 * A kind of mirror ({@code dl}, {@code goproxy}, {@code bundle}, or a plugin's own), registered in
 * {@code META-INF/services/dev.jgvm.core.spi.SourceType} and found by core at start (built in, or in a jar of
 * {@code JGVM_HOME/plugins/}, each jar in its own class loader).
 *
 * <p>Implementations have a public no-argument constructor, keep no state between calls and are thread-safe.
 * {@link #create} is called once per configured mirror and command, only after core checked {@link #spiVersion()}.
 * What core checks after it: the {@link Source}'s releases and artifacts are only claims; core resolves versions
 * across mirrors, downloads each artifact itself, and decides from the {@link EvidenceSource}s it can verify whether
 * the bytes are genuine (ARCHITECTURE.md, 'Trust'). A source type never sees a password.
 */
public interface SourceType {
    /**
     * The major SPI version this type was built against: implement it as {@code return SpiVersion.MAJOR;} (the
     * constant is compiled into your class). A jar whose types return another major is refused by name.
     */
    int spiVersion();

    /** The {@code type} value of a {@code [[mirror]]} table this handles: lower case, stable, not null. */
    String type();

    /**
     * The keys of its own a {@code [[mirror]]} table of this type may have, besides those every table may have
     * ({@code name}, {@code type}, {@code url}, {@code username}, {@code password_env}, {@code fallback}). Core refuses
     * any other key before {@link #create} is called (exit 2, naming the mirror and the key), so a typo is never
     * silently ignored. None by default.
     */
    default Set<String> keys() { return Set.of(); }

    /**
     * A source for one {@code [[mirror]]} table. Cheap: it should read nothing over the network (listing happens in
     * {@link Source#releases()}).
     *
     * @throws dev.jgvm.core.error.ConfigException when the table is not usable (exit 2), naming the mirror and the key
     */
    Source create(MirrorTable mirror, PluginContext context);
}
