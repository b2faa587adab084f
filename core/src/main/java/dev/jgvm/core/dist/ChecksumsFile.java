package dev.jgvm.core.dist;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code checksums.txt} in the format {@code sha256sum} writes and {@code sha256sum -c} reads:
 * {@code <64 hex>  <file>} (or {@code <hex> *<file>} for binary mode), one per line. Blank lines and {@code #}
 * comments are ignored; any other line makes the whole file invalid, because a signed file must mean one thing.
 */
public record ChecksumsFile(Map<String, Checksum> entries) {
    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](\\S(?:.*\\S)?)");

    public ChecksumsFile { entries = Map.copyOf(entries); }

    /** Parses the text; empty when a line is not a checksum line or a file is listed twice with different digests. */
    public static Optional<ChecksumsFile> parse(String text) {
        Map<String, Checksum> m = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isBlank() || line.startsWith("#")) continue;
            Matcher mm = LINE.matcher(line);
            if (!mm.matches()) return Optional.empty();
            String file = mm.group(2);
            Checksum c = Checksum.sha256(mm.group(1));
            Checksum before = m.putIfAbsent(file, c);
            if (before != null && !before.equals(c)) return Optional.empty();
        }
        return Optional.of(new ChecksumsFile(m));
    }

    public Optional<Checksum> digest(String fileName) { return Optional.ofNullable(entries.get(fileName)); }

    /** The text of a checksums file for these entries, sorted by file name. */
    public static String format(Map<String, Checksum> entries) {
        StringBuilder b = new StringBuilder();
        new java.util.TreeMap<>(entries).forEach((f, c) -> b.append(c.hex()).append("  ").append(f).append('\n'));
        return b.toString();
    }
}
