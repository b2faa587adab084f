package dev.jgvm.core.download;

import dev.jgvm.core.env.Env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials from {@code .netrc} ({@code NETRC}, else {@code ~/.netrc}), as curl and cmd/go read it: {@code machine},
 * {@code login}, {@code password} and {@code default} tokens, in any layout of whitespace; {@code macdef} bodies
 * skipped. An unreadable or missing file means no credentials.
 */
public final class Netrc {
    private final Map<String, String[]> machines;
    private final String[] fallback;

    private Netrc(Map<String, String[]> machines, String[] fallback) {
        this.machines = machines;
        this.fallback = fallback;
    }

    public static Netrc load(Env env) {
        Path file = env.get("NETRC").map(Path::of).orElse(env.home().resolve(".netrc"));
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            return new Netrc(Map.of(), null);
        }
    }

    public static Netrc parse(String text) {
        Map<String, String[]> machines = new HashMap<>();
        String[] fallback = null;
        String[] tokens = text.strip().split("\\s+");
        String machine = null;
        String[] current = null;
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            switch (t) {
                case "machine" -> {
                    if (i + 1 >= tokens.length) break;
                    machine = tokens[++i].toLowerCase(Locale.ROOT);
                    current = new String[] {"", ""};
                    machines.putIfAbsent(machine, current);
                }
                case "default" -> {
                    machine = null;
                    current = new String[] {"", ""};
                    fallback = current;
                }
                case "login" -> { if (current != null && i + 1 < tokens.length) current[0] = tokens[++i]; }
                case "password" -> { if (current != null && i + 1 < tokens.length) current[1] = tokens[++i]; }
                case "macdef" -> { current = null; machine = null; }
                default -> { /* account and unknown tokens carry nothing jgvm uses */ }
            }
        }
        assert machine == null || machines.containsKey(machine);
        return new Netrc(machines, fallback);
    }

    /** {login, password} for a host, if the file has them. */
    public Optional<String[]> credentials(String host) {
        String[] c = machines.get(host.toLowerCase(Locale.ROOT));
        if (c == null) c = fallback;
        return c == null || c[0].isEmpty() ? Optional.empty() : Optional.of(c.clone());
    }
}
