package dev.jgvm.plugins;

import dev.jgvm.core.config.Settings.MirrorConfig;
import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.error.ConfigException;
import dev.jgvm.core.spi.PluginContext;

import java.net.URI;
import java.util.Optional;

/** A mirror's {@code username} and {@code password_env}: the HTTP client to use for it (unchanged without them). */
public final class MirrorCredentials {
    private MirrorCredentials() {}

    public static HttpClient apply(MirrorConfig mirror, URI base, PluginContext context) {
        HttpClient http = context.http();
        Optional<String> user = value(mirror, "username");
        if (user.isEmpty()) return http;
        String envName = value(mirror, "password_env").orElseThrow(() -> new ConfigException(
                "[[mirror]] '%s' has a username but no password_env".formatted(mirror.name()),
                "name the variable that holds the password: password_env = \"NEXUS_TOKEN\""));
        String password = context.env(envName).orElseThrow(() -> new ConfigException(
                "[[mirror]] '%s' takes its password from %s, which is not set".formatted(mirror.name(), envName), "export " + envName + " before running jgvm"));
        return http.withCredentials(base.getHost(), user.get(), password);
    }

    /** A key of the mirror's table as text, when present and not empty. */
    public static Optional<String> value(MirrorConfig m, String key) {
        return Optional.ofNullable(m.table().get(key)).map(Object::toString).filter(s -> !s.isEmpty());
    }
}
