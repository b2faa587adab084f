package dev.jgvm.core.spi;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A table of {@code config.toml} as a plugin reads it, with typed getters. Core has already parsed the file, applied
 * the environment overrides and refused keys nobody knows (README, 'Configuration'); a plugin only reads values and
 * refuses those it cannot use with a {@link dev.jgvm.core.error.ConfigException} (exit 2) that names the table and the
 * key.
 *
 * <p>Immutable and thread-safe. Keys are non-null; getters never return null.
 */
public interface ConfigTable {
    /** The keys present, in no particular order. */
    Set<String> keys();

    /**
     * A key's value as text, when present and not empty. Numbers and booleans are given as TOML writes them.
     *
     * @throws dev.jgvm.core.error.ConfigException when the value is an array or a table
     */
    Optional<String> string(String key);

    /**
     * A boolean key.
     *
     * @throws dev.jgvm.core.error.ConfigException when the value is not {@code true} or {@code false}
     */
    Optional<Boolean> bool(String key);

    /**
     * An array of strings; empty when the key is absent.
     *
     * @throws dev.jgvm.core.error.ConfigException when the value is not an array of strings
     */
    List<String> list(String key);
}
