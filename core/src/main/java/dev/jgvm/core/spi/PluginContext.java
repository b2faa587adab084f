package dev.jgvm.core.spi;

import dev.jgvm.core.event.ProgressListener;

import java.util.Map;
import java.util.Optional;

/**
 * What core lends a plugin for one command: the network with the user's settings and credentials applied, a cache
 * directory of the plugin's own, the {@code [hooks]} table, the progress listener and the environment. Plugins get
 * nothing else of core, and need nothing else (ARCHITECTURE.md, 'Boundaries').
 *
 * <p>Implemented by core only. Thread-safe; no method returns null; each may be called any number of times.
 */
public interface PluginContext {
    /** The network, with proxies, CA roots, retries and per-origin credentials applied by core. */
    Http http();

    /**
     * The cache directory {@code JGVM_HOME/cache/plugins/<name>}; use the plugin's type or hook name.
     *
     * @throws IllegalArgumentException when {@code name} is not a plain file name
     */
    PluginCache cache(String name);

    /** The {@code [hooks]} table of {@code config.toml} ({@code default_tools}, …), for install hooks. */
    ConfigTable hooks();

    /**
     * Where a plugin reports: {@code step} for what it is doing, {@code warning} for what the user should know. Core
     * prints (a plugin never writes to stdout or stderr).
     */
    ProgressListener progress();

    /**
     * The whole environment jgvm runs in, for a process a hook starts (so the user's {@code GOPROXY}, {@code GOFLAGS}
     * and the like reach it). Read-only; empty when core lends none.
     */
    Map<String, String> environment();

    /** An environment variable, when set and not empty. */
    Optional<String> env(String name);
}
