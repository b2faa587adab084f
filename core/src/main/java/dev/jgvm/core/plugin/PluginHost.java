package dev.jgvm.core.plugin;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.spi.ConfigTable;
import dev.jgvm.core.spi.Http;
import dev.jgvm.core.spi.PluginCache;
import dev.jgvm.core.spi.PluginContext;
import dev.jgvm.core.transport.OriginCredentials;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Core's side of {@link PluginContext} (ARCHITECTURE.md, 'Boundaries'): it lends plugins the network through
 * {@link Http} and keeps for core what plugins must not hold — the HTTP client itself and the per-origin credentials
 * it applies ({@link #credentials()}, filled by {@code core.mirror.MirrorCredentials} before a source type is asked),
 * and the settings, of which plugins see only the {@code [hooks]} table. One per command and progress listener;
 * thread-safe.
 */
public final class PluginHost implements PluginContext {
    private final Supplier<HttpClient> client;
    private final Http http;
    private final Path cacheRoot;
    private final ConfigTable hooks;
    private final Env env;
    private final ProgressListener progress;

    /**
     * @param client    core's HTTP client, asked for on first use
     * @param cacheRoot {@code JGVM_HOME/cache/plugins}
     */
    public PluginHost(Supplier<HttpClient> client, Path cacheRoot, Settings settings, Env env, ProgressListener progress) {
        this.client = Objects.requireNonNull(client, "client");
        this.http = new LentHttp(client);
        this.cacheRoot = Objects.requireNonNull(cacheRoot, "cacheRoot");
        this.hooks = TomlTable.of("[hooks]", settings.defaultTools().isEmpty() ? Map.of() : Map.of("default_tools", settings.defaultTools()));
        this.env = Objects.requireNonNull(env, "env");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Where core registers each mirror's credentials for its origin; never lent to a plugin. */
    public OriginCredentials credentials() { return client.get().credentials(); }

    @Override public Http http() { return http; }

    @Override public PluginCache cache(String name) { return CacheDirectory.of(cacheRoot, name); }

    @Override public ConfigTable hooks() { return hooks; }

    @Override public ProgressListener progress() { return progress; }

    @Override public Map<String, String> environment() { return env.vars(); }

    @Override public Optional<String> env(String name) { return env.get(name); }
}
