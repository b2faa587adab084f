package dev.jgvm.core.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials from a {@code .netrc} file, as cmd/go reads it: {@code machine}, {@code login} and {@code password}
 * tokens in any layout of whitespace, {@code macdef} bodies skipped. The {@code default} entry is ignored, as cmd/go
 * ignores it: a password meant for "any host" must not be sent to every mirror (dl.google.com included). An
 * unreadable or missing file means no credentials.
 */
public final class Netrc {
    private final Map<String, String[]> machines;
    private final Optional<Path> file;

    private Netrc(Map<String, String[]> machines, Optional<Path> file) {
        this.machines = machines;
        this.file = file;
    }

    /** The file {@code NETRC} names, else {@code ~/.netrc} (passed in by the caller, which knows the environment). */
    public static Netrc load(Path file) {
        try {
            Netrc n = parse(Files.readString(file));
            return new Netrc(n.machines, Optional.of(file));
        } catch (IOException | RuntimeException e) {
            return new Netrc(Map.of(), Optional.empty());
        }
    }

    public static Netrc parse(String text) {
        Map<String, String[]> machines = new HashMap<>();
        String[] tokens = text.strip().split("\\s+");
        String[] current = null;
        for (int i = 0; i < tokens.length; i++) {
            switch (tokens[i]) {
                case "machine" -> {
                    if (i + 1 >= tokens.length) break;
                    current = new String[] {"", ""};
                    machines.putIfAbsent(tokens[++i].toLowerCase(Locale.ROOT), current);
                }
                // Tokens after "default" belong to no machine; cmd/go skips the entry, and so do we.
                case "default", "macdef" -> current = null;
                case "login" -> { if (i + 1 < tokens.length) { i++; if (current != null) current[0] = tokens[i]; } }
                case "password" -> { if (i + 1 < tokens.length) { i++; if (current != null) current[1] = tokens[i]; } }
                default -> { /* account and unknown tokens carry nothing jgvm uses */ }
            }
        }
        return new Netrc(machines, Optional.empty());
    }

    /** {login, password} for a host name, if the file has a {@code machine} entry for it. */
    public Optional<String[]> credentials(String host) {
        String[] c = machines.get(host.toLowerCase(Locale.ROOT));
        return c == null || c[0].isEmpty() ? Optional.empty() : Optional.of(c.clone());
    }

    /** The file read, when there was one. */
    public Optional<Path> file() { return file; }
}
