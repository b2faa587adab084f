package dev.jgvm.core.mirror;

import dev.jgvm.core.config.Settings.MirrorConfig;
import dev.jgvm.core.error.ConfigException;
import dev.jgvm.core.transport.OriginCredentials;
import dev.jgvm.core.transport.Redact;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A mirror's credentials, applied by core (ARCHITECTURE.md, plugins): its {@code username} and {@code password_env}, or user info
 * in its URL ({@code https://ci:token@nexus.example/...}), registered for the origin of its URL only, so every request
 * to that origin — listing, archive, sidecars, signed pair, {@code @v/list}, zips, {@code /sumdb/} — carries them
 * and no request to another origin does. The URL handed on (and shown) no longer holds the user info.
 */
public final class MirrorCredentials {
    private MirrorCredentials() {}

    /**
     * Registers the mirror's credentials and returns its table without user info in the URL.
     *
     * @throws ConfigException when {@code username} has no {@code password_env}, or the variable is not set
     */
    public static MirrorConfig apply(MirrorConfig mirror, Function<String, Optional<String>> env, OriginCredentials into) {
        URI url;
        try {
            url = URI.create(mirror.url());
        } catch (IllegalArgumentException e) {
            return mirror;   // the source type reports an unusable URL in its own words
        }
        Optional<String> user = value(mirror, "username");
        if (user.isPresent()) {
            String envName = value(mirror, "password_env").orElseThrow(() -> new ConfigException(
                    "[[mirror]] '%s' has a username but no password_env".formatted(mirror.name()),
                    "name the variable that holds the password: password_env = \"NEXUS_TOKEN\""));
            String password = env.apply(envName).orElseThrow(() -> new ConfigException(
                    "[[mirror]] '%s' takes its password from %s, which is not set".formatted(mirror.name(), envName),
                    "export " + envName + " before running jgvm"));
            if (httpUrl(url)) into.add(url, user.get(), password, "password_env " + envName);
        } else if (url.getRawUserInfo() != null && httpUrl(url)) {
            String[] up = url.getRawUserInfo().split(":", 2);
            into.add(url, URLDecoder.decode(up[0], StandardCharsets.UTF_8),
                    up.length > 1 ? URLDecoder.decode(up[1], StandardCharsets.UTF_8) : "", "the URL's user info");
        }
        if (url.getRawUserInfo() == null) return mirror;
        String bare = Redact.uri(url).toString();
        Map<String, Object> table = new HashMap<>(mirror.table());
        table.put("url", bare);
        return new MirrorConfig(mirror.name().contains("@") ? Redact.url(mirror.name()) : mirror.name(), mirror.type(), bare, table);
    }

    private static boolean httpUrl(URI u) { return "https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()); }

    private static Optional<String> value(MirrorConfig m, String key) {
        return Optional.ofNullable(m.table().get(key)).map(Object::toString).filter(s -> !s.isEmpty());
    }
}
