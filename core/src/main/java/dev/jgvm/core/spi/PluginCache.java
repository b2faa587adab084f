package dev.jgvm.core.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A directory under {@code JGVM_HOME/cache/plugins/} that belongs to one plugin, for what it may read again later
 * (listings, an unpacked bundle, a scratch directory). {@code jgvm cache clean} may remove it at any time, so nothing in
 * it may be needed for correctness; archives are never kept here (core caches them only once proven). Writes are
 * atomic: a reader sees a file or a directory whole or not at all.
 *
 * <p>Names are plain file names ({@code [A-Za-z0-9._-]}, no separators, not {@code .} or {@code ..}); any other name is
 * an {@link IllegalArgumentException}. Safe for concurrent use by several jgvm processes in the sense that each write
 * is atomic; the last writer wins.
 */
public interface PluginCache {
    /** The directory itself, created when missing. */
    Path dir() throws IOException;

    /**
     * A stable, file-name-safe key for any text (a URI, a path and its size): the same text gives the same key in every
     * run; different texts practically never collide.
     */
    String key(String text);

    /** A file's text, when it is there, readable and at most {@code maxBytes}; empty otherwise. */
    Optional<String> read(String file, long maxBytes);

    /** Writes a file atomically (a temporary file beside it, then a rename). */
    void write(String file, String text) throws IOException;

    /**
     * The directory {@code name}, filled once: when it is missing, {@code fill} writes into a fresh staging directory,
     * which then becomes {@code name} with one atomic rename; when {@code fill} fails the staging directory is removed
     * and the failure propagates. An existing {@code name} is returned as it is.
     */
    Path directory(String name, Filler fill) throws IOException;

    /** A new empty directory with a unique name starting with {@code prefix}, for scratch work; remove it with {@link #delete}. */
    Path scratch(String prefix) throws IOException;

    /** Removes a file or a directory tree inside {@link #dir()}; absent is fine. */
    void delete(Path path) throws IOException;

    /** Writes the content of a directory being made by {@link #directory}. */
    @FunctionalInterface
    interface Filler {
        void fill(Path staging) throws IOException;
    }
}
