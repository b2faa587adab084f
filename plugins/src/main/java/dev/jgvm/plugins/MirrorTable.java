package dev.jgvm.plugins;

import dev.jgvm.core.config.Settings.MirrorConfig;

import java.util.Optional;

/** Reading a {@code [[mirror]]} table's optional keys. */
public final class MirrorTable {
    private MirrorTable() {}

    /** A key of the mirror's table as text, when present and not empty. */
    public static Optional<String> value(MirrorConfig m, String key) {
        return Optional.ofNullable(m.table().get(key)).map(Object::toString).filter(s -> !s.isEmpty());
    }
}
