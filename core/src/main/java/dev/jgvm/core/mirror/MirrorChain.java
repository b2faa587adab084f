package dev.jgvm.core.mirror;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.config.Settings.MirrorConfig;
import dev.jgvm.core.error.ConfigException;
import dev.jgvm.core.error.JgvmException;
import dev.jgvm.core.error.NetworkException;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.plugin.PluginHost;
import dev.jgvm.core.plugin.TomlTable;
import dev.jgvm.core.spi.Release;
import dev.jgvm.core.spi.Source;
import dev.jgvm.core.spi.SourceType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The ordered sources jgvm downloads from (README, 'Downloads: mirrors are trusted for nothing'), and the fallback policy: a source that lacks what was asked,
 * cannot be reached, fails, or serves something that does not verify is passed over for the next, and each failure
 * is kept; when all fail the error names every source and what went wrong with it (exit 4 if any failed
 * verification, else 5 when one asked for credentials (401) or every one was unreachable or refused, else 3).
 */
public final class MirrorChain {
    /** The keys every {@code [[mirror]]} table may have, whatever its type; a type adds its own ({@link SourceType#keys()}). */
    public static final java.util.Set<String> COMMON_KEYS = java.util.Set.of("name", "type", "url", "username", "password_env", "fallback");

    /** The chain when none is configured: the official origin, then its China mirror. */
    public static final List<MirrorConfig> DEFAULTS = List.of(
            new MirrorConfig("official", "dl", "https://dl.google.com/go/",
                    Map.of("name", "official", "type", "dl", "url", "https://dl.google.com/go/", "index", "https://go.dev/dl/?mode=json&include=all")),
            new MirrorConfig("china", "dl", "https://golang.google.cn/dl/",
                    Map.of("name", "china", "type", "dl", "url", "https://golang.google.cn/dl/", "index", "https://golang.google.cn/dl/?mode=json&include=all")));

    /** The last resort of the default chain: Go's public module proxy. */
    public static final MirrorConfig PROXY_GOLANG_ORG = new MirrorConfig("proxy.golang.org", "goproxy", "https://proxy.golang.org/",
            Map.of("name", "proxy.golang.org", "type", "goproxy", "url", "https://proxy.golang.org/"));

    private final List<Source> sources;
    private final java.util.Set<String> onlyNotFoundFallsThrough;

    public MirrorChain(List<Source> sources) { this(sources, java.util.Set.of()); }

    private MirrorChain(List<Source> sources, java.util.Set<String> onlyNotFoundFallsThrough) {
        this.sources = List.copyOf(sources);
        this.onlyNotFoundFallsThrough = java.util.Set.copyOf(onlyNotFoundFallsThrough);
    }

    /**
     * Whether the chain stops after this source failed so: Go's GOPROXY rule for an entry followed by a comma, which
     * passes to the next entry only on "not found" (404/410). A pipe, and every other mirror, passes on any failure.
     */
    public boolean stopsAfter(Source source, JgvmException failure) {
        return onlyNotFoundFallsThrough.contains(source.name()) && !(failure instanceof VersionNotFoundException);
    }

    public List<Source> sources() { return sources; }

    /** One source's failure. */
    public record Attempt(String source, JgvmException failure) {}

    /**
     * The configured chain: {@code JGVM_MIRRORS} (names or {@code type+url} entries) for this command, else the
     * {@code [[mirror]]} tables, else {@link #DEFAULTS}; {@code pinned} keeps one of them by name.
     */
    public static List<MirrorConfig> configs(Settings settings, Optional<String> pinned) {
        Map<String, MirrorConfig> known = new LinkedHashMap<>();
        List<MirrorConfig> defaults = new ArrayList<>(DEFAULTS);
        defaults.addAll(goproxies(settings.go()));
        if (defaults.stream().noneMatch(m -> m.url().equals(PROXY_GOLANG_ORG.url()))) defaults.add(PROXY_GOLANG_ORG);
        defaults.forEach(m -> known.put(m.name(), m));
        settings.mirrors().forEach(m -> known.put(m.name(), m));
        List<MirrorConfig> chain = new ArrayList<>();
        Optional<List<String>> override = settings.mirrorOverride();
        if (override.isPresent()) {
            for (String e : override.get()) {
                int plus = e.indexOf('+');
                if (plus > 0 && e.substring(plus + 1).contains("://")) {
                    String type = e.substring(0, plus);
                    String url = e.substring(plus + 1);
                    chain.add(new MirrorConfig(e, type, url, Map.of("name", e, "type", type, "url", url)));
                } else if (known.containsKey(e)) {
                    chain.add(known.get(e));
                } else {
                    throw new ConfigException("JGVM_MIRRORS names '%s', which is not a configured mirror".formatted(e),
                            "use a [[mirror]] name (" + String.join(", ", known.keySet()) + ") or type+url, such as dl+https://mirrors.ustc.edu.cn/golang/");
                }
            }
        } else {
            chain.addAll(settings.mirrors().isEmpty() ? defaults : settings.mirrors());
        }
        if (pinned.isPresent()) {
            MirrorConfig m = chain.stream().filter(c -> c.name().equals(pinned.get())).findFirst()
                    .or(() -> Optional.ofNullable(known.get(pinned.get())))
                    .orElseThrow(() -> new UsageException("there is no mirror named '%s'".formatted(pinned.get()),
                            "known mirrors: " + String.join(", ", known.keySet()) + "; config.toml's [[mirror]] tables name more"));
            return List.of(m);
        }
        return chain;
    }

    /**
     * The user's GOPROXY entries (the variable, else Go's env file), as goproxy mirrors; {@code direct} and {@code off}
     * mean nothing for toolchains and are skipped. Both separators are read as "try the next one" (Go's pipe rule):
     * jgvm verifies every answer, so a failing proxy never needs to stop the search.
     */
    static List<MirrorConfig> goproxies(Settings.Go go) {
        String value = go.goproxy();
        List<MirrorConfig> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^,|]*)([,|]?)").matcher(value);
        while (m.find() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
            String e = m.group(1).strip();
            if (e.isEmpty() || e.equals("direct") || e.equals("off")) continue;
            String url = e.endsWith("/") ? e : e + "/";
            // The separator after an entry says when the next one is tried: ',' on 404/410 only, '|' on any error.
            String fallback = m.group(2).equals(",") ? "notfound" : "any";
            out.add(new MirrorConfig(e, "goproxy", url, Map.of("name", e, "type", "goproxy", "url", url, "fallback", fallback)));
        }
        return out;
    }

    /** Builds the sources through the source types found on the class path (the plugins). */
    public static MirrorChain create(List<MirrorConfig> configs, PluginHost context, ClassLoader plugins) {
        Map<String, SourceType> types = new LinkedHashMap<>();
        for (SourceType t : ServiceLoader.load(SourceType.class, plugins)) types.putIfAbsent(t.type(), t);
        return create(configs, context, types);
    }

    /**
     * Builds the sources through the given source types, by their {@code type} (see {@code PluginRegistry}).
     *
     * @param context what the source types are lent; null only in tests whose source types need nothing
     */
    public static MirrorChain create(List<MirrorConfig> configs, PluginHost context, Map<String, SourceType> types) {
        List<Source> sources = new ArrayList<>();
        java.util.Set<String> strict = new java.util.HashSet<>();
        for (MirrorConfig given : configs) {
            // Core applies credentials (ARCHITECTURE.md, plugins): the source type gets the table without secrets in its URL or name.
            MirrorConfig c = context == null ? given : MirrorCredentials.apply(given, context::env, context.credentials());
            if ("notfound".equals(c.table().get("fallback"))) strict.add(c.name());
            SourceType t = types.get(c.type());
            if (t == null) {
                throw new ConfigException("[[mirror]] '%s' has type '%s', which no plugin provides".formatted(c.name(), c.type()),
                        "known types: " + String.join(", ", types.keySet()) + "; 'jgvm plugins' lists what is loaded; a plugin's jar goes in JGVM_HOME/plugins/");
            }
            unknownKey(c, t);
            sources.add(t.create(TomlTable.mirror(c), context));
        }
        return new MirrorChain(sources, strict);
    }

    // Core, not the plugin, refuses what no one reads (DESIGN 'Mirrors and configuration': every key means something).
    private static void unknownKey(MirrorConfig c, SourceType t) {
        java.util.Set<String> known = new java.util.TreeSet<>(COMMON_KEYS);
        known.addAll(t.keys());
        for (String key : new java.util.TreeSet<>(c.table().keySet())) {
            if (!known.contains(key)) {
                throw new ConfigException("[[mirror]] '%s' has unknown key '%s' for its type '%s'".formatted(c.name(), key, c.type()),
                        "keys a '%s' mirror takes: %s".formatted(c.type(), String.join(", ", known)));
            }
        }
    }

    /** The releases of the first source that can list them, and the failures before it. */
    public record Listing(String source, List<Release> releases, List<Attempt> failures) {}

    public Listing list() {
        List<Attempt> failures = new ArrayList<>();
        for (Source s : sources) {
            try {
                return new Listing(s.name(), s.releases(), failures);
            } catch (VersionNotFoundException | NetworkException e) {
                failures.add(new Attempt(s.name(), e));
                if (stopsAfter(s, e)) break;
            }
        }
        throw allFailed("list the Go releases", failures);
    }

    /** The error for a request every source failed, with each source's reason. */
    public static JgvmException allFailed(String what, List<Attempt> failures) {
        if (failures.isEmpty()) return new VersionNotFoundException("no mirror is configured to " + what, "configure one in config.toml or JGVM_MIRRORS");
        String each = failures.stream().map(a -> a.source() + ": " + a.failure().getMessage()).collect(Collectors.joining("; "));
        String message = "could not %s from any mirror (%s)".formatted(what, each);
        if (failures.stream().anyMatch(a -> a.failure() instanceof VerificationException)) {
            VerificationException.Kind kind = failures.stream().map(Attempt::failure).filter(f -> f instanceof VerificationException)
                    .map(f -> ((VerificationException) f).kind()).findFirst().orElseThrow();
            return VerificationException.of(kind, message, failures.stream().filter(a -> a.failure() instanceof VerificationException)
                    .map(a -> a.failure().hint().orElse("")).filter(h -> !h.isEmpty()).findFirst().orElse("nothing was installed"));
        }
        // A mirror that wants a login (401) is what to fix, whatever the others answered: its hint says how.
        Optional<JgvmException> login = failures.stream().map(Attempt::failure)
                .filter(f -> f instanceof NetworkException n && n.refusedWith().orElse(0) == 401).findFirst();
        if (login.isPresent()) return new NetworkException(message, login.get().hint().orElse(null), false, null);
        if (failures.stream().allMatch(a -> a.failure() instanceof NetworkException)) {
            // A failure that knows its fix (credentials, a proxy login, the CA to add) says it instead of the generic hint.
            String hint = failures.stream().map(a -> a.failure().hint().orElse("")).filter(h -> !h.isEmpty() && !h.startsWith("check the network"))
                    .findFirst().orElse("check the network and proxy settings, or pick a mirror that answers with --mirror NAME or JGVM_MIRRORS ('jgvm mirror test' tries each one)");
            return new NetworkException(message, hint, false, null);
        }
        return new VersionNotFoundException(message, "'jgvm list-remote' shows what the mirrors offer");
    }
}
