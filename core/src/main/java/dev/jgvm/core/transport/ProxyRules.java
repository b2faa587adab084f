package dev.jgvm.core.transport;

import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which proxy a URL goes through, with curl's and Go's rules: an explicit proxy (jgvm's {@code [network] proxy}) for
 * every scheme, else {@code https_proxy}/{@code HTTPS_PROXY} for https URLs and {@code http_proxy}/{@code HTTP_PROXY}
 * for http URLs, else {@code all_proxy}/{@code ALL_PROXY} (lower case wins, as curl reads it). {@code no_proxy}/
 * {@code NO_PROXY} lists exceptions: {@code *} (no proxy at all), a host or IP address, a domain (with or without a
 * leading dot) matching itself and every name below it, any of these with {@code :port} matching that port only, and
 * an IP range in CIDR form. Proxy URLs are {@code http://} (CONNECT for https) or {@code socks5://}/{@code socks5h://};
 * user info in an http proxy's URL becomes {@code Proxy-Authorization} for that proxy only (as an OkHttp
 * {@link Authenticator}). Immutable and thread-safe.
 */
public final class ProxyRules extends ProxySelector implements Authenticator {
    private final Optional<ProxyUrl> explicit;
    private final Optional<ProxyUrl> https;
    private final Optional<ProxyUrl> http;
    private final Optional<ProxyUrl> all;
    private final List<String> noProxy;

    /** A proxy: how to reach it and, when given, its Basic credentials. */
    public record ProxyUrl(Proxy.Type type, String host, int port, Optional<String> user, Optional<String> password, String source) {
        /** As users may see it: {@code http://user@host:port}, never the password. */
        public String display() {
            return (type == Proxy.Type.SOCKS ? "socks5" : "http") + "://" + user.map(u -> u + "@").orElse("") + host + ":" + port;
        }

        Proxy proxy() { return new Proxy(type, InetSocketAddress.createUnresolved(host, port)); }

        boolean is(SocketAddress a) {
            return a instanceof InetSocketAddress i && i.getPort() == port && i.getHostString().equalsIgnoreCase(host);
        }
    }

    private ProxyRules(Optional<ProxyUrl> explicit, Optional<ProxyUrl> https, Optional<ProxyUrl> http, Optional<ProxyUrl> all, List<String> noProxy) {
        this.explicit = explicit;
        this.https = https;
        this.http = http;
        this.all = all;
        this.noProxy = List.copyOf(noProxy);
    }

    /**
     * Checks an explicit proxy setting when it is read, so the error names where it was set.
     *
     * @param source the setting's name in messages, such as {@code JGVM_PROXY}
     * @throws IllegalArgumentException naming {@code source} when the URL cannot be used
     */
    public static void check(String spec, String source) {
        if (!spec.isBlank()) parse(spec, source);
    }

    /**
     * The rules from an explicit proxy (empty for none) and the environment's variables.
     *
     * @throws IllegalArgumentException naming the setting when a proxy URL cannot be used
     */
    public static ProxyRules from(String configured, Function<String, Optional<String>> env) {
        Optional<ProxyUrl> explicit = configured.isBlank() ? Optional.empty() : Optional.of(parse(configured, "[network] proxy"));
        Optional<ProxyUrl> https = variable(env, "https_proxy", "HTTPS_PROXY");
        Optional<ProxyUrl> http = variable(env, "http_proxy", "HTTP_PROXY");
        Optional<ProxyUrl> all = variable(env, "all_proxy", "ALL_PROXY");
        String no = env.apply("no_proxy").or(() -> env.apply("NO_PROXY")).orElse("");
        List<String> entries = Arrays.stream(no.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        return new ProxyRules(explicit, https, http, all, entries);
    }

    /** No proxy for anything. */
    public static ProxyRules none() { return new ProxyRules(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of()); }

    /** The proxy a URL goes through, if any (after NO_PROXY). */
    public Optional<ProxyUrl> proxyFor(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return Optional.empty();
        Optional<ProxyUrl> p = explicit.or(() -> scheme.equals("https") ? https : http).or(() -> all);
        if (p.isEmpty() || bypassed(uri)) return Optional.empty();
        return p;
    }

    @Override public List<Proxy> select(URI uri) { return List.of(proxyFor(uri).map(ProxyUrl::proxy).orElse(Proxy.NO_PROXY)); }

    @Override public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}

    /**
     * Answers a proxy's 407 (and OkHttp's pre-emptive challenge before a CONNECT) with the credentials of the proxy
     * the route goes through, once; anything else gets nothing, so the 407 reaches the caller.
     */
    @Override public Request authenticate(Route route, Response response) {
        if (route == null || response.code() != 407) return null;
        if (response.request().header("Proxy-Authorization") != null) return null;   // they were refused: give up
        for (Optional<ProxyUrl> candidate : List.of(explicit, https, http, all)) {
            if (candidate.isPresent() && candidate.get().is(route.proxy().address()) && candidate.get().user().isPresent()) {
                ProxyUrl p = candidate.get();
                return response.request().newBuilder()
                        .header("Proxy-Authorization", Credentials.basic(p.user().get(), p.password().orElse(""), StandardCharsets.UTF_8)).build();
            }
        }
        return null;
    }

    /** The proxy a route went through, for messages. */
    Optional<String> display(URI uri) { return proxyFor(uri).map(ProxyUrl::display); }

    /** Passwords of the configured proxies, so outputs can be checked for them. */
    public List<String> secrets() {
        return java.util.stream.Stream.of(explicit, https, http, all).flatMap(Optional::stream).flatMap(p -> p.password().stream()).toList();
    }

    private boolean bypassed(URI uri) {
        String host = Optional.ofNullable(uri.getHost()).orElse("").toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        for (String e : noProxy) {
            if (e.equals("*")) return true;
            String name = e;
            int entryPort = -1;
            int colon = e.lastIndexOf(':');
            if (colon > 0 && !e.startsWith("[") && e.indexOf(':') == colon && e.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                name = e.substring(0, colon);
                entryPort = Integer.parseInt(e.substring(colon + 1));
            } else if (e.startsWith("[") && e.contains("]:")) {
                name = e.substring(1, e.indexOf(']'));
                entryPort = Integer.parseInt(e.substring(e.indexOf("]:") + 2));
            }
            if (entryPort >= 0 && entryPort != port) continue;
            if (name.contains("/")) {
                if (inCidr(host, name)) return true;
                continue;
            }
            String bare = name.startsWith("*.") ? name.substring(2) : name.startsWith(".") ? name.substring(1) : name;
            if (bare.startsWith("[")) bare = bare.substring(1, bare.length() - 1);
            if (host.equals(bare) || host.endsWith("." + bare)) return true;
        }
        return false;
    }

    // An IP literal host inside a CIDR range (Go's NO_PROXY accepts these); names are not resolved.
    private static boolean inCidr(String host, String cidr) {
        try {
            String[] parts = cidr.split("/", 2);
            if (!isIpLiteral(host) || !isIpLiteral(parts[0])) return false;
            byte[] a = java.net.InetAddress.getByName(host).getAddress();
            byte[] net = java.net.InetAddress.getByName(parts[0]).getAddress();
            int bits = Integer.parseInt(parts[1]);
            if (a.length != net.length || bits < 0 || bits > a.length * 8) return false;
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (net[i / 8] & mask)) return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isIpLiteral(String s) { return s.contains(":") || s.matches("[0-9.]+"); }

    private static Optional<ProxyUrl> variable(Function<String, Optional<String>> env, String lower, String upper) {
        Optional<String> v = env.apply(lower).map(s -> lower).or(() -> env.apply(upper).map(s -> upper));
        return v.map(name -> parse(env.apply(name).orElseThrow(), name));
    }

    static ProxyUrl parse(String spec, String source) {
        String s = spec.strip();
        URI u;
        try {
            u = URI.create(s.contains("://") ? s : "http://" + s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("%s is not a proxy URL".formatted(source));
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        Proxy.Type type = switch (scheme) {
            case "http" -> Proxy.Type.HTTP;
            case "socks5", "socks5h" -> Proxy.Type.SOCKS;
            default -> throw new IllegalArgumentException("%s uses '%s://', which jgvm cannot use; give an http:// or socks5:// proxy".formatted(source, scheme));
        };
        if (u.getHost() == null) throw new IllegalArgumentException("%s is not a proxy URL: it names no host".formatted(source));
        int port = u.getPort() >= 0 ? u.getPort() : type == Proxy.Type.SOCKS ? 1080 : 80;
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (u.getRawUserInfo() != null) {
            String[] up = u.getRawUserInfo().split(":", 2);
            user = Optional.of(URLDecoder.decode(up[0], StandardCharsets.UTF_8));
            password = up.length > 1 ? Optional.of(URLDecoder.decode(up[1], StandardCharsets.UTF_8)) : Optional.empty();
            if (type == Proxy.Type.SOCKS) {
                throw new IllegalArgumentException("%s gives a user for a SOCKS proxy, which jgvm cannot authenticate to; use an http:// proxy or one without a login".formatted(source));
            }
        }
        return new ProxyUrl(type, u.getHost(), port, user, password, source);
    }

    /** Where each proxy came from and which schemes use it, for {@code jgvm mirror list}. */
    public Map<String, String> describe() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        explicit.ifPresent(p -> out.put("all", p.display() + " (" + p.source() + ")"));
        if (explicit.isEmpty()) {
            https.or(() -> all).ifPresent(p -> out.put("https", p.display() + " (" + p.source() + ")"));
            http.or(() -> all).ifPresent(p -> out.put("http", p.display() + " (" + p.source() + ")"));
        }
        if (!out.isEmpty() && !noProxy.isEmpty()) out.put("no_proxy", String.join(",", noProxy));
        return out;
    }
}
