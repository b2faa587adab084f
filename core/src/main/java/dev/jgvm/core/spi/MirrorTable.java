package dev.jgvm.core.spi;

/**
 * One {@code [[mirror]]} table as a {@link SourceType} receives it: the common keys typed, the others through
 * {@link ConfigTable}. Core has applied the mirror's credentials before the source type sees it: {@link #url()}
 * holds no user info, and {@code username}/{@code password_env} are for core alone (the source type needs nothing
 * from them, since {@link Http} sends them).
 *
 * <p>Immutable and thread-safe; never null.
 */
public interface MirrorTable extends ConfigTable {
    /** The name users see and pass to {@code --mirror}; {@code type+url} when the table has no name. */
    String name();

    /** The {@code type} key, which chose this source type. */
    String type();

    /** The {@code url} key without user info, as written (no trailing slash is added); empty when the table has none. */
    String url();
}
