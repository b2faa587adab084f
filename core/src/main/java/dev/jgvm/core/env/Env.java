package dev.jgvm.core.env;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The only view jgvm has of its process environment: variables, working directory, home directory and clock.
 * {@link #system()} reads the real process once; tests build their own with {@link #of(Object...)} so that the
 * real home, PATH and variables are never touched. Immutable and thread-safe.
 */
public final class Env {
    private final Map<String, String> vars;
    private final Path cwd;
    private final Path home;
    /** Null for the system's UTC clock, made when first asked for: its class initialization (ZoneOffset's constants)
     *  is ~3% of a quick command's CPU on JDK 25, and most commands never read the time (ARCHITECTURE.md, Start-up). */
    private final Clock clock;

    private Env(Map<String, String> vars, Path cwd, Path home, Clock clock) {
        this.vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        this.cwd = cwd.toAbsolutePath().normalize();
        this.home = home.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** The real process environment. Only {@code Main.main} should call this. */
    public static Env system() {
        String pwd = System.getenv("PWD");
        Path cwd = Path.of(System.getProperty("user.dir"));
        // A name that is not valid UTF-8 reached us as U+FFFD, which names another (usually absent) directory.
        if (cwd.toString().indexOf('\uFFFD') >= 0) cwd = withRawNames(cwd);
        // Keep the logical directory the shell reports (a symlinked project stays as the user typed it), as the
        // shims do with $PWD; fall back to the JVM's physical one when PWD is stale.
        else if (pwd != null && pwd.startsWith("/") && sameFile(Path.of(pwd), cwd)) cwd = Path.of(pwd);
        Map<String, String> vars = new LinkedHashMap<>(System.getenv());
        // The launcher runs the JVM under a UTF-8 locale so that it can name every file; the processes jgvm starts
        // get the user's own LC_ALL back.
        String lcAll = vars.remove(LC_ALL_WAS);
        if ("@unset".equals(lcAll)) vars.remove("LC_ALL"); else if (lcAll != null) vars.put("LC_ALL", lcAll);
        // The JVM ran without the user's JAVA_TOOL_OPTIONS and the like (the launcher keeps them for what jgvm starts).
        for (String name : List.copyOf(vars.keySet())) {
            if (name.startsWith(WAS) && name.length() > WAS.length()) vars.put(name.substring(WAS.length()), vars.remove(name));
        }
        return new Env(vars, cwd, home(vars, System.getProperty("user.home")), null);
    }

    /**
     * The home directory: {@code HOME} when it is an absolute path, as Go (its {@code go env -w} file), git and curl
     * read it, else the account's ({@code user.home}, which the JVM takes from the password database).
     */
    static Path home(Map<String, String> vars, String account) {
        String h = vars.get("HOME");
        return h != null && h.startsWith("/") ? Path.of(h) : Path.of(account);
    }

    /** The prefix under which the launcher keeps the JVM option variables it ran the JVM without. */
    static final String WAS = "_JGVM_WAS_";

    /** Where the launcher keeps the user's LC_ALL ({@code @unset} when there was none) while the JVM runs. */
    static final String LC_ALL_WAS = "_JGVM_LC_ALL";

    /**
     * An environment for tests: alternating keys and values (values are turned into strings). {@code HOME} also
     * sets the home directory; the working directory defaults to the home directory.
     */
    public static Env of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("keys and values must pair up");
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            vars.put(String.valueOf(keysAndValues[i]), String.valueOf(keysAndValues[i + 1]));
        }
        Path home = Path.of(vars.getOrDefault("HOME", System.getProperty("java.io.tmpdir")));
        return new Env(vars, home, home, null);
    }

    public Env withCwd(Path dir) { return new Env(vars, dir, home, clock); }

    public Env withHome(Path dir) { return new Env(vars, cwd, dir, clock); }

    public Env withClock(Clock c) { return new Env(vars, cwd, home, Objects.requireNonNull(c, "clock")); }

    /** A copy with one more (or one changed) variable; a null value removes it. */
    public Env with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(vars);
        if (value == null) copy.remove(key); else copy.put(key, value);
        return new Env(copy, cwd, home, clock);
    }

    /** A variable's value when it is set and not empty. */
    public Optional<String> get(String name) {
        String v = vars.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public boolean isSet(String name) { return get(name).isPresent(); }

    public Map<String, String> vars() { return vars; }

    public Path cwd() { return cwd; }

    public Path home() { return home; }

    public Clock clock() { return clock != null ? clock : Clock.systemUTC(); }

    /**
     * {@code JGVM_HOME}, else {@code ~/.jgvm}.
     *
     * @throws dev.jgvm.core.error.ConfigException when {@code JGVM_HOME} is relative: every directory a shim or the hook
     *         runs in would have a home of its own
     */
    public Path jgvmHome() {
        Optional<String> set = get("JGVM_HOME");
        if (set.isEmpty()) return home.resolve(".jgvm");
        Path p = Path.of(set.get());
        if (!p.isAbsolute()) {
            throw new dev.jgvm.core.error.ConfigException("JGVM_HOME='%s' is not an absolute path".formatted(set.get()),
                    "set it to a full path, such as JGVM_HOME=\"$HOME/.jgvm\", or unset it for ~/.jgvm");
        }
        return p.normalize();
    }

    /**
     * The same directory with each undecodable name replaced by the entry its parent lists, which keeps the name's
     * bytes (a path made from a string would be re-encoded with U+FFFD). Unchanged when no single entry matches.
     */
    private static Path withRawNames(Path decoded) {
        Path raw = decoded.getRoot();
        for (Path name : decoded) {
            String n = name.toString();
            Path lexical = raw.resolve(n);
            if (n.indexOf('\uFFFD') < 0) { raw = lexical; continue; }
            List<Path> found = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(raw)) {
                for (Path e : entries) if (e.getFileName().toString().equals(n) && !e.equals(lexical)) found.add(e);
            } catch (IOException | RuntimeException e) {
                return decoded;
            }
            if (found.size() != 1) return decoded;
            raw = found.get(0);
        }
        return Files.isDirectory(raw) ? raw : decoded;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return java.nio.file.Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
