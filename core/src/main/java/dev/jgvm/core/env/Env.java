package dev.jgvm.core.env;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
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
    private final Clock clock;

    private Env(Map<String, String> vars, Path cwd, Path home, Clock clock) {
        this.vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        this.cwd = cwd.toAbsolutePath().normalize();
        this.home = home.toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The real process environment. Only {@code Main.main} should call this. */
    public static Env system() {
        String pwd = System.getenv("PWD");
        Path cwd = Path.of(System.getProperty("user.dir"));
        // Keep the logical directory the shell reports (a symlinked project stays as the user typed it), as the
        // shims do with $PWD; fall back to the JVM's physical one when PWD is stale.
        if (pwd != null && pwd.startsWith("/") && sameFile(Path.of(pwd), cwd)) cwd = Path.of(pwd);
        return new Env(System.getenv(), cwd, Path.of(System.getProperty("user.home")), Clock.systemUTC());
    }

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
        return new Env(vars, home, home, Clock.systemUTC());
    }

    public Env withCwd(Path dir) { return new Env(vars, dir, home, clock); }

    public Env withHome(Path dir) { return new Env(vars, cwd, dir, clock); }

    public Env withClock(Clock c) { return new Env(vars, cwd, home, c); }

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

    public Clock clock() { return clock; }

    /** {@code JGVM_HOME}, else {@code ~/.jgvm}. */
    public Path jgvmHome() {
        return get("JGVM_HOME").map(p -> cwd.resolve(p).normalize()).orElse(home.resolve(".jgvm"));
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return java.nio.file.Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
