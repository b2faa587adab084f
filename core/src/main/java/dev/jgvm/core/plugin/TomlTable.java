package dev.jgvm.core.plugin;

import dev.jgvm.core.config.Settings.MirrorConfig;
import dev.jgvm.core.error.ConfigException;
import dev.jgvm.core.spi.ConfigTable;
import dev.jgvm.core.spi.MirrorTable;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A table of {@code config.toml} as the SPI's {@link ConfigTable} (and, for a {@code [[mirror]]}, {@link MirrorTable}):
 * typed getters over the parsed values, whose type errors name the table and the key. Immutable.
 */
public final class TomlTable implements MirrorTable {
    private final String label;
    private final String name;
    private final String type;
    private final String url;
    private final Map<String, Object> values;

    private TomlTable(String label, String name, String type, String url, Map<String, Object> values) {
        this.label = label;
        this.name = name;
        this.type = type;
        this.url = url;
        this.values = Map.copyOf(values);
    }

    /** A {@code [[mirror]]} table, after core applied its credentials. */
    public static MirrorTable mirror(MirrorConfig m) {
        return new TomlTable("[[mirror]] '%s'".formatted(m.name()), m.name(), m.type(), m.url(), m.table());
    }

    /** Any other table, such as {@code [hooks]}; {@code label} names it in errors. */
    public static ConfigTable of(String label, Map<String, Object> values) { return new TomlTable(label, "", "", "", values); }

    @Override public String name() { return name; }

    @Override public String type() { return type; }

    @Override public String url() { return url; }

    @Override public Set<String> keys() { return values.keySet(); }

    @Override public Optional<String> string(String key) {
        Object v = values.get(Objects.requireNonNull(key, "key"));
        if (v == null) return Optional.empty();
        if (v instanceof List<?> || v instanceof Map<?, ?>) throw wrong(key, "a string");
        return Optional.of(v.toString()).filter(s -> !s.isEmpty());
    }

    @Override public Optional<Boolean> bool(String key) {
        Object v = values.get(Objects.requireNonNull(key, "key"));
        if (v == null) return Optional.empty();
        if (v instanceof Boolean b) return Optional.of(b);
        throw wrong(key, "true or false");
    }

    @Override public List<String> list(String key) {
        Object v = values.get(Objects.requireNonNull(key, "key"));
        if (v == null) return List.of();
        if (v instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) return l.stream().map(String.class::cast).toList();
        throw wrong(key, "an array of strings");
    }

    @Override public String toString() { return label; }

    private ConfigException wrong(String key, String what) {
        return new ConfigException("%s: '%s' must be %s".formatted(label, key, what), "fix the key in config.toml");
    }
}
