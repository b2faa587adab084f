package dev.jgvm.core.config;

import com.moandjiezana.toml.Toml;
import dev.jgvm.core.config.Settings.EvidenceLevel;
import dev.jgvm.core.config.Settings.MirrorConfig;
import dev.jgvm.core.config.Settings.Network;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.ConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code JGVM_HOME/config.toml} with toml4j and applies the environment overrides. A malformed file, an
 * unknown key or a value of the wrong type is a {@link ConfigException} (exit 2) naming the file, the line and the
 * key. Stateless and thread-safe.
 */
public final class SettingsLoader {
    private static final Set<String> TOP = Set.of("auto_install", "read_go_mod", "gotoolchain", "verify", "network", "mirror", "hooks");
    private static final Set<String> HOOKS = Set.of("default_tools");
    private static final Set<String> VERIFY = Set.of("minimum", "origins");
    private static final Set<String> NETWORK = Set.of("connect_timeout", "read_timeout", "retries", "ca_file", "proxy");
    private static final Set<String> MIRROR = Set.of("name", "type", "url", "index", "checksums", "signature",
            "username", "password_env", "fallback");
    private static final Set<String> BUILT_IN_TYPES = Set.of("dl", "goproxy", "bundle");
    /** Bounds that keep a typo from hanging every download: retries, and any timeout. */
    private static final int MAX_RETRIES = 10;
    private static final Duration MAX_TIMEOUT = Duration.ofHours(1);
    /** The longest wait for a lock (JGVM_LOCK_TIMEOUT), in seconds: a day. */
    private static final double MAX_LOCK_SECONDS = 86_400;
    /**
     * The patterns, compiled when first used rather than when the class is: every command loads this class, few
     * read a duration, a TOML error or a GOTOOLCHAIN, and compiling them at start cost ~13% of `jgvm list --json`'s
     * CPU on JDK 17 (the first regex also links the JDK's first lambdas; ARCHITECTURE.md, Start-up).
     */
    private static final class Patterns {
        static final Pattern LINE_NO = Pattern.compile("line (\\d+)");
        static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");
        /** What Go's own GOTOOLCHAIN accepts (cmd/go: local, auto, path, or a toolchain name, with +auto or +path). */
        static final Pattern GOTOOLCHAIN = Pattern.compile("|auto|path|(local|go[0-9]+(\\.[0-9]+){0,2}((rc|beta)[0-9]+)?(-[^+\\s]+)?)(\\+(auto|path))?");
    }

    /** The settings for this environment: defaults, then the file, then the variables. */
    public Settings load(Env env) { return withEnv(env, loadFile(env)); }

    /** {@code file} (what {@link #loadFile} read) with the variables of {@code env} over it, as {@link #load} gives. */
    public Settings withEnv(Env env, Settings file) { return applyEnv(env, file); }

    /**
     * What {@code config.toml} alone says (defaults, then the file; no variable): what the shims carry, as they read
     * the variables themselves at each run. A variable set for one jgvm command is not the shims' setting from then on.
     */
    public Settings loadFile(Env env) {
        Path file = env.jgvmHome().resolve("config.toml");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Settings.defaults();
        } catch (IOException e) {
            throw new ConfigException("cannot read '%s': %s".formatted(file, e.getMessage()), "check the file's permissions");
        }
        return parse(file, text);
    }

    /** Parses the text of a config file; {@code file} is only used in messages. */
    public Settings parse(Path file, String text) {
        Map<String, Object> map;
        try {
            map = new Toml().read(text).toMap();
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage()).lines().findFirst().orElse("malformed TOML");
            Matcher m = Patterns.LINE_NO.matcher(msg);
            String where = m.find() ? file + ":" + m.group(1) : file.toString();
            throw new ConfigException("%s: %s".formatted(where, msg.toLowerCase(Locale.ROOT).replaceAll("\\.$", "")),
                    "fix the TOML syntax; the format is described in the README under 'Configuration'");
        }
        Lookup at = new Lookup(file, text);
        unknownKeys(at, map, TOP, "");
        Settings d = Settings.defaults();
        boolean autoInstall = bool(at, map, "auto_install", d.autoInstall());
        boolean readGoMod = bool(at, map, "read_go_mod", d.readGoMod());
        String gotoolchain = gotoolchain(string(at, map, "gotoolchain", d.gotoolchain()), () -> at.where("gotoolchain") + ": gotoolchain");

        Map<String, Object> verify = table(at, map, "verify");
        unknownKeys(at, verify, VERIFY, "verify.");
        EvidenceLevel minimum = verify.containsKey("minimum")
                ? level(string(at, verify, "minimum", ""), () -> at.where("minimum") + ": [verify] minimum")
                : d.verifyMinimum();
        Optional<List<java.net.URI>> origins = d.verifyOrigins();
        if (verify.containsKey("origins")) {
            if (!(verify.get("origins") instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                throw wrongType(at, "origins", "an array of HTTPS URLs (origins = [] for none)");
            }
            origins = Optional.of(origins(list.stream().map(String.class::cast).toList(), at.where("origins") + ": [verify] origins"));
        }

        Map<String, Object> net = table(at, map, "network");
        unknownKeys(at, net, NETWORK, "network.");
        Network n = d.network();
        Network network = new Network(
                net.containsKey("connect_timeout") ? timeout(string(at, net, "connect_timeout", ""), at.where("connect_timeout") + ": network.connect_timeout") : n.connectTimeout(),
                net.containsKey("read_timeout") ? timeout(string(at, net, "read_timeout", ""), at.where("read_timeout") + ": network.read_timeout") : n.readTimeout(),
                net.containsKey("retries") ? retries(number(at, net, "retries", n.retries()), at.where("retries") + ": network.retries") : n.retries(),
                caFile(string(at, net, "ca_file", n.caFile()), () -> at.where("ca_file") + ": network.ca_file"),
                proxy(string(at, net, "proxy", n.proxy()), () -> at.where("proxy") + ": network.proxy"));

        List<MirrorConfig> mirrors = new ArrayList<>();
        Object raw = map.get("mirror");
        if (raw != null) {
            if (!(raw instanceof List<?> list)) throw wrongType(at, "mirror", "an array of tables ([[mirror]])");
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> t)) throw wrongType(at, "mirror", "an array of tables ([[mirror]])");
                @SuppressWarnings("unchecked") Map<String, Object> table = new LinkedHashMap<>((Map<String, Object>) t);
                String type = string(at, table, "type", "dl");
                // A plugin's type may take keys of its own: the source type names them, and core checks them when it
                // builds the chain (MirrorChain.create); the built-in types are checked here, with the line.
                if (BUILT_IN_TYPES.contains(type)) unknownKeys(at, table, MIRROR, "mirror.");
                String url = string(at, table, "url", "");
                String name = string(at, table, "name", "");
                if (url.isEmpty() && !type.equals("bundle")) {
                    throw new ConfigException("%s: [[mirror]] '%s' has no url".formatted(file, name),
                            "give every [[mirror]] a url, for example url = \"https://goproxy.cn\"");
                }
                mirrors.add(new MirrorConfig(name.isEmpty() ? type + "+" + url : name, type, url, table));
            }
        }
        Map<String, Object> hooks = table(at, map, "hooks");
        unknownKeys(at, hooks, HOOKS, "hooks.");
        List<String> tools = List.of();
        if (hooks.containsKey("default_tools")) {
            if (!(hooks.get("default_tools") instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                throw wrongType(at, "default_tools", "an array of packages, such as [\"golang.org/x/tools/gopls@latest\"]");
            }
            tools = list.stream().map(String.class::cast).map(String::strip).filter(x -> !x.isEmpty()).toList();
        }
        return new Settings(autoInstall, readGoMod, gotoolchain, minimum, origins, network, mirrors, Optional.of(file), tools);
    }

    // Written without a lambda on the way of an unset variable: every command runs this, and on JDK 17 each lambda
    // linked at start costs about a millisecond of interpreted method-handle work even with the start-up archive
    // (22 of them here were ~10% of `jgvm list --json`'s CPU; ARCHITECTURE.md, Start-up).
    private static Settings applyEnv(Env env, Settings s) {
        Network n = s.network();
        Map<String, String> proxyVariables = new LinkedHashMap<>();
        for (String name : Network.PROXY_VARIABLES) {
            String v = set(env, name);
            if (v != null) proxyVariables.put(name, v);
        }
        String v;
        String netrc = set(env, "NETRC");
        Network network = new Network(
                (v = set(env, "JGVM_CONNECT_TIMEOUT")) != null ? timeout(v, "JGVM_CONNECT_TIMEOUT") : n.connectTimeout(),
                (v = set(env, "JGVM_READ_TIMEOUT")) != null ? timeout(v, "JGVM_READ_TIMEOUT") : n.readTimeout(),
                (v = set(env, "JGVM_RETRIES")) != null ? retries(integer(v, "JGVM_RETRIES"), "JGVM_RETRIES") : n.retries(),
                (v = set(env, "JGVM_CA_FILE")) != null ? caFile(v, new Named("JGVM_CA_FILE")) : n.caFile(),
                (v = set(env, "JGVM_PROXY")) != null ? proxy(v, new Named("JGVM_PROXY")) : n.proxy(),
                Optional.of(netrc != null ? Path.of(netrc) : env.home().resolve(".netrc")),
                env.get("SSL_CERT_FILE"), env.get("SSL_CERT_DIR"),
                (v = set(env, "JGVM_RETRY_BACKOFF_MS")) != null ? backoff(v) : n.retryBackoff(),
                proxyVariables);
        return new Settings(
                (v = set(env, "JGVM_AUTO_INSTALL")) != null ? envBool(v, "JGVM_AUTO_INSTALL") : s.autoInstall(),
                (v = set(env, "JGVM_READ_GO_MOD")) != null ? envBool(v, "JGVM_READ_GO_MOD") : s.readGoMod(),
                (v = set(env, "JGVM_GOTOOLCHAIN")) != null ? gotoolchain(v, new Named("JGVM_GOTOOLCHAIN")) : s.gotoolchain(),
                (v = set(env, "JGVM_VERIFY_MINIMUM")) != null ? level(v, new Named("JGVM_VERIFY_MINIMUM")) : s.verifyMinimum(),
                (v = set(env, "JGVM_ORIGINS")) != null
                        ? Optional.of(v.strip().equals("none") ? List.<java.net.URI>of() : origins(commaList(v), "JGVM_ORIGINS"))
                        : s.verifyOrigins(),
                network, s.mirrors(), s.source(),
                (v = set(env, "JGVM_DEFAULT_TOOLS")) != null ? commaList(v) : s.defaultTools(),
                (v = set(env, "JGVM_MIRRORS")) != null ? Optional.of(commaList(v)) : Optional.empty(),
                go(env),
                new Settings.Host(env.get("JGVM_PLATFORM"),
                        set(env, "PROCESSOR_ARCHITEW6432") != null ? env.get("PROCESSOR_ARCHITEW6432") : env.get("PROCESSOR_ARCHITECTURE")));
    }

    /** The variable's value, or null when it is unset or empty (as {@link Env#get} has it). */
    private static String set(Env env, String name) { return env.get(name).orElse(null); }

    /** A comma-separated list, each item stripped, empty ones left out. */
    private static List<String> commaList(String v) {
        List<String> out = new ArrayList<>();
        for (String item : v.split(",")) {
            String x = item.strip();
            if (!x.isEmpty()) out.add(x);
        }
        return List.copyOf(out);
    }

    /** Where a value came from, for its error message: a variable's name. */
    private static final class Named implements java.util.function.Supplier<String> {
        private final String name;

        Named(String name) { this.name = name; }

        @Override public String get() { return name; }
    }

    /**
     * How jgvm talks to the terminal, read before anything else (and before {@code config.toml}, so that a broken
     * file is still reported in the right form): {@code NO_COLOR}, {@code JGVM_STDERR_TTY=1} (the launcher saw a
     * terminal on stderr), {@code JGVM_DEBUG=1} (stack traces).
     */
    public static Settings.Console console(Env env) {
        return new Settings.Console(env.isSet("NO_COLOR"), "1".equals(set(env, "JGVM_STDERR_TTY")), "1".equals(set(env, "JGVM_DEBUG")));
    }

    // GOPROXY and GOSUMDB as the go command reads them: the variable, else `go env -w`'s file ($GOENV, else the user
    // config dir's go/env), read without running go.
    private static Settings.Go go(Env env) {
        Optional<String> goproxy = env.get("GOPROXY");
        Settings.GoproxyFrom from = Settings.GoproxyFrom.ENVIRONMENT;
        if (goproxy.isEmpty()) {
            goproxy = goEnvFile(env, "GOPROXY");
            from = goproxy.isPresent() ? Settings.GoproxyFrom.GO_ENV_FILE : Settings.GoproxyFrom.NOWHERE;
        }
        return new Settings.Go(goproxy.orElse(""), from, env.get("GOSUMDB").orElse("sum.golang.org").strip());
    }

    private static Optional<String> goEnvFile(Env env, String key) {
        String goenv = set(env, "GOENV");
        String xdg = set(env, "XDG_CONFIG_HOME");
        Path file = goenv != null ? Path.of(goenv) : (xdg != null ? Path.of(xdg) : env.home().resolve(".config")).resolve("go/env");
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key + "=")) return Optional.of(line.substring(key.length() + 1).strip());
            }
        } catch (IOException | RuntimeException e) {
            // no env file: nothing configured there
        }
        return Optional.empty();
    }

    // A bad value is the user's to fix, named as such (exit 2), not an internal error.
    private static Duration backoff(String v) {
        try {
            long n = Long.parseLong(v.strip());
            if (n >= 0 && n <= 60_000) return Duration.ofMillis(n);
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ConfigException("JGVM_RETRY_BACKOFF_MS='%s' is not a number of milliseconds".formatted(v), "use 0 to 60000, such as 250");
    }

    // Origins are read over HTTPS only: an http "origin" would let anyone on the path vouch for an archive.
    private static List<java.net.URI> origins(List<String> urls, String where) {
        List<java.net.URI> out = new ArrayList<>();
        for (String u : urls) {
            java.net.URI uri;
            try {
                uri = new java.net.URI(u.endsWith("/") ? u : u + "/");
            } catch (java.net.URISyntaxException e) {
                throw new ConfigException("%s: '%s' is not a URL".formatted(where, u), "write an origin as https://host/path/");
            }
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException("%s: '%s' is not an HTTPS URL".formatted(where, u),
                        "an origin's digests count only over HTTPS; use none (or []) where no origin can be reached");
            }
            out.add(uri);
        }
        return out;
    }

    /** Parses a boolean variable the way shells write them: 1/0, true/false, yes/no, on/off. */
    public static boolean envBool(String v, String name) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new ConfigException("%s='%s' is not a boolean".formatted(name, v), "use 1 or 0 (true or false)");
        };
    }

    /** A {@code gotoolchain} value the shims may export: one Go would refuse breaks every {@code go} command. */
    private static String gotoolchain(String v, java.util.function.Supplier<String> where) {
        if (Patterns.GOTOOLCHAIN.matcher(v).matches()) return v;
        throw new ConfigException("%s: '%s' is not a GOTOOLCHAIN value".formatted(where.get(), v),
                "use local, auto, path, a toolchain such as go1.22.5, or one with +auto or +path such as go1.22.5+auto (empty leaves GOTOOLCHAIN alone)");
    }

    private static String proxy(String v, java.util.function.Supplier<String> where) {
        try {
            dev.jgvm.core.transport.ProxyRules.check(v, where.get());
            return v;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), "write it as http://host:port (user:password@ for a proxy that wants a login), or socks5://host:port");
        }
    }

    /** A {@code ca_file} must be there to be read; whether it holds certificates is checked where TLS is set up. */
    private static String caFile(String v, java.util.function.Supplier<String> where) {
        if (v.isEmpty() || Files.isReadable(Path.of(v)) && !Files.isDirectory(Path.of(v))) return v;
        throw new ConfigException("%s: cannot read '%s'".formatted(where.get(), v), "give a PEM file of CA certificates");
    }

    private static EvidenceLevel level(String v, java.util.function.Supplier<String> where) {
        try {
            return EvidenceLevel.valueOf(v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("%s: '%s' is not an evidence level".formatted(where.get(), v),
                    "use signed, origin or mirror");
        }
    }

    /**
     * How long to wait for a lock: {@code JGVM_LOCK_TIMEOUT} in seconds (fractions allowed, 0 = do not wait), else
     * {@code dflt}.
     *
     * @throws ConfigException (exit 2) naming the variable when it is not a number of seconds up to a day
     */
    public static Duration lockTimeout(Env env, Duration dflt) {
        Optional<String> v = env.get("JGVM_LOCK_TIMEOUT");
        if (v.isEmpty()) return dflt;
        double seconds;
        try {
            seconds = Double.parseDouble(v.get().strip());
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!(seconds >= 0 && seconds <= MAX_LOCK_SECONDS)) {
            throw new ConfigException("JGVM_LOCK_TIMEOUT='%s' is not a number of seconds".formatted(v.get()),
                    "use seconds from 0 to 86400, such as 120 or 0.5");
        }
        return Duration.ofMillis((long) (seconds * 1000));
    }

    private static int retries(long n, String where) {
        if (n < 0 || n > MAX_RETRIES) {
            throw new ConfigException("%s: %d retries is out of range".formatted(where, n), "use 0 to %d (the default is 2)".formatted(MAX_RETRIES));
        }
        return (int) n;
    }

    private static Duration timeout(String v, String where) {
        Duration d = duration(v, where);
        if (d.isZero() || d.compareTo(MAX_TIMEOUT) > 0) {
            throw new ConfigException("%s: '%s' is out of range".formatted(where, v), "use a timeout from 1ms to 1h, such as 5s or 30s");
        }
        return d;
    }

    static Duration duration(String v, String where) {
        Matcher m = Patterns.DURATION.matcher(v.strip());
        if (!m.matches() || m.group(1).length() > 9) {
            throw new ConfigException("%s: '%s' is not a duration".formatted(where, v), "write it as 500ms, 5s, 2m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static int integer(String v, String where) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException("%s: '%s' is not a number".formatted(where, v), "use a whole number such as 2");
        }
    }

    private static void unknownKeys(Lookup at, Map<String, Object> map, Set<String> known, String prefix) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw new ConfigException("%s: unknown key '%s%s'".formatted(at.where(key), prefix, key),
                        "known keys here: " + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> table(Lookup at, Map<String, Object> map, String key) {
        Object o = map.get(key);
        if (o == null) return Map.of();
        if (!(o instanceof Map)) throw wrongType(at, key, "a table ([" + key + "])");
        return (Map<String, Object>) o;
    }

    private static boolean bool(Lookup at, Map<String, Object> map, String key, boolean dflt) {
        Object o = map.get(key);
        if (o == null) return dflt;
        if (!(o instanceof Boolean b)) throw wrongType(at, key, "true or false");
        return b;
    }

    private static String string(Lookup at, Map<String, Object> map, String key, String dflt) {
        Object o = map.get(key);
        if (o == null) return dflt;
        if (!(o instanceof String s)) throw wrongType(at, key, "a string in quotes");
        return s;
    }

    private static long number(Lookup at, Map<String, Object> map, String key, long dflt) {
        Object o = map.get(key);
        if (o == null) return dflt;
        if (!(o instanceof Long l)) throw wrongType(at, key, "a whole number");
        return l;
    }

    private static ConfigException wrongType(Lookup at, String key, String expected) {
        return new ConfigException("%s: '%s' must be %s".formatted(at.where(key), key, expected),
                "see the README's 'Configuration' section for every key and its type");
    }

    /** Finds the line a key is written on, for messages; toml4j keeps no positions. */
    private record Lookup(Path file, String text) {
        String where(String key) {
            Pattern p = Pattern.compile("^\\s*(\"?)" + Pattern.quote(key) + "\\1\\s*=|^\\s*\\[+\\s*" + Pattern.quote(key) + "\\s*\\]+");
            int n = 0;
            for (String line : text.split("\n", -1)) {
                n++;
                if (p.matcher(line).find()) return file + ":" + n;
            }
            return file.toString();
        }
    }
}
