package dev.jgvm.core.spi;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.event.ProgressListener;

import java.nio.file.Path;

/**
 * What core lends a plugin: its one HTTP client (timeouts, proxies, CA roots, credentials, retries already applied),
 * the settings, a cache directory of the plugin's own and the progress listener.
 */
public interface PluginContext {
    HttpClient http();

    Settings settings();

    /** A directory under {@code JGVM_HOME/cache} the plugin may use freely. */
    Path cacheDir(String name);

    ProgressListener progress();

    /**
     * The whole environment jgvm runs in, for a process a hook starts (so the user's {@code GOPROXY}, {@code GOFLAGS}
     * and the like reach it). Never null; empty when core lends none.
     */
    default java.util.Map<String, String> environment() { return java.util.Map.of(); }

    /** An environment variable (for example a mirror's {@code password_env}), when set and not empty. */
    java.util.Optional<String> env(String name);
}
