package dev.jgvm.core.doctor;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.error.JgvmException;
import dev.jgvm.core.transport.TlsFailure;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code mirrors}: every mirror of the chain in effect answers within a short timeout (through the proxy in effect);
 * {@code tls}: TLS to them is trusted — an unknown issuer is named, since a proxy may be intercepting TLS, with the
 * {@code [network] ca_file} fix; {@code clock}: the system clock against a reachable server's {@code Date} (a wrong
 * clock breaks TLS).
 */
public final class MirrorCheck implements Check {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Override public List<Finding> examine(Situation s) {
        Settings.Network net = s.settings().network();
        String proxy = proxy(s);
        HttpClient http = HttpClient.create(net.withLimits(TIMEOUT, TIMEOUT.plusSeconds(2), 0), "doctor");
        List<String> reachable = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        List<String> tls = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        java.util.Set<String> tlsFixes = new java.util.LinkedHashSet<>();
        Optional<Instant> serverDate = Optional.empty();
        String dateFrom = "";
        for (Settings.MirrorConfig m : s.mirrors()) {
            URI uri;
            try {
                uri = URI.create(m.url());
            } catch (IllegalArgumentException e) {
                unreachable.add("%s: '%s' is not a URL".formatted(m.name(), m.url()));
                failing.add(m.name());
                continue;
            }
            String scheme = uri.getScheme() == null ? "file" : uri.getScheme();
            if (!scheme.equals("http") && !scheme.equals("https")) {
                Path p = scheme.equals("file") ? (uri.getScheme() == null ? Path.of(m.url()) : Path.of(uri)) : null;
                if (p != null && Files.exists(p)) reachable.add(m.name());
                else {
                    unreachable.add("%s: '%s' does not exist".formatted(m.name(), m.url()));
                    failing.add(m.name());
                }
                continue;
            }
            try {
                http.exists(uri);
                reachable.add(m.name());
                if (serverDate.isEmpty() && proxy.isEmpty()) {
                    serverDate = peek(uri).flatMap(Peek::date);
                    dateFrom = uri.getHost();
                }
            } catch (JgvmException e) {
                failing.add(m.name());
                // The transport's own classification of a TLS failure (TlsFailure), the words jgvm uses everywhere.
                Optional<TlsFailure> failure = TlsFailure.classify(e, uri.getHost());
                if (failure.isPresent() && failure.get().reason() == TlsFailure.Reason.UNKNOWN_ISSUER) {
                    URI at = uri;
                    String issuer = failure.get().issuer()
                            .or(() -> proxy.isEmpty() ? peek(at).flatMap(Peek::issuer) : Optional.empty()).orElse("an unknown issuer");
                    tls.add("'%s' (%s) presents a certificate issued by '%s', which jgvm does not trust".formatted(m.url(), m.name(), issuer));
                } else if (failure.isPresent()) {
                    tls.add("%s (%s)".formatted(failure.get().message(), m.name()));
                    tlsFixes.add(failure.get().hint());
                } else {
                    unreachable.add("%s: %s".formatted(m.name(), e.getMessage()));
                }
            }
        }
        String via = proxy.isEmpty() ? "directly (no proxy set)" : "through proxy '%s'".formatted(proxy);
        List<Finding> out = new ArrayList<>();
        int total = s.mirrors().size();
        if (unreachable.isEmpty() && tls.isEmpty()) {
            out.add(Finding.ok("mirrors", "all %d mirrors answer %s: %s".formatted(total, via, String.join(", ", reachable))));
        } else if (reachable.isEmpty()) {
            out.add(Finding.fail("mirrors", "no mirror answers %s: %s".formatted(via, String.join("; ", concat(unreachable, tls))),
                    "check the network; behind a proxy set '[network] proxy = \"http://proxy:3128\"' in config.toml (or HTTPS_PROXY); "
                            + "in China add a [[mirror]] such as type = \"goproxy\", url = \"https://goproxy.cn/\""));
        } else {
            out.add(Finding.warn("mirrors", "%d of %d mirrors answer %s; failing: %s".formatted(reachable.size(), total, via,
                            String.join("; ", concat(unreachable, tls))),
                    partlyDownFix(s, failing, reachable)));
        }
        if (tls.isEmpty()) {
            out.add(Finding.ok("tls", net.caFile().isEmpty() ? "TLS: the JDK's trusted roots suffice" : "TLS: the JDK's roots and ca_file '%s'".formatted(net.caFile())));
        } else {
            boolean untrusted = tls.stream().anyMatch(t -> t.contains("which jgvm does not trust"));
            if (untrusted) tlsFixes.add("get that CA's certificate (PEM) from your IT department and set '[network] ca_file = \"/path/to/ca.pem\"' in config.toml (or JGVM_CA_FILE)");
            out.add(Finding.fail("tls", String.join("; ", tls) + (untrusted ? "; a proxy or security product may be intercepting TLS" : ""),
                    String.join("; ", tlsFixes)));
        }
        if (serverDate.isEmpty()) {
            out.add(Finding.ok("clock", "no server Date to compare the clock with" + (proxy.isEmpty() ? "" : " (through a proxy)")));
        } else {
            Duration skew = Duration.between(serverDate.get(), s.env().clock().instant());
            if (skew.abs().compareTo(CLOCK_SKEW) > 0) {
                out.add(Finding.fail("clock", "the system clock is %s %s %s's (%s): TLS certificates look expired or not yet valid"
                                .formatted(human(skew.abs()), skew.isNegative() ? "behind" : "ahead", dateFrom, serverDate.get()),
                        "set the clock right: 'sudo timedatectl set-ntp true' (Linux) or System Settings > Date & Time (macOS)"));
            } else {
                out.add(Finding.ok("clock", "the system clock agrees with %s's within %s".formatted(dateFrom, human(CLOCK_SKEW))));
            }
        }
        return out;
    }

    // Where the failing mirrors came from decides the fix: there are no config.toml entries to fix when the built-in
    // chain (official, china, GOPROXY's entries, proxy.golang.org) is in effect.
    private static String partlyDownFix(Situation s, List<String> failing, List<String> reachable) {
        String names = String.join(", ", failing);
        if (s.settings().mirrorOverride().isPresent()) {
            return "drop the failing mirrors (%s) from JGVM_MIRRORS; jgvm falls through to the next mirror meanwhile".formatted(names);
        }
        java.util.Set<String> configured = new java.util.HashSet<>();
        s.settings().mirrors().forEach(m -> configured.add(m.name()));
        if (configured.containsAll(failing)) {
            return "fix or remove the failing [[mirror]] entries in config.toml (%s); jgvm falls through to the next mirror meanwhile".formatted(names);
        }
        return ("jgvm falls through to the mirrors that answer (%s); to stop asking the others, list the mirrors you can reach as "
                + "[[mirror]] tables in config.toml, which replace the built-in chain").formatted(String.join(", ", reachable));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String proxy(Situation s) {
        Settings.Network net = s.settings().network();
        if (!net.proxy().isEmpty()) return net.proxy();
        for (String name : List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy")) {
            String v = net.proxyVariables().get(name);
            if (v != null) return v;
        }
        return "";
    }

    // Rounded: a clock three hours off, measured a moment later, is still "3 hours" off.
    private static String human(Duration d) {
        long minutes = Math.round(d.toMillis() / 60_000.0);
        if (minutes >= 48 * 60) return Math.round(minutes / 1440.0) + " days";
        if (minutes >= 120) return Math.round(minutes / 60.0) + " hours";
        return minutes + " minutes";
    }

    /** What a server shows before any trust decision: its certificate chain's issuer and its Date header. */
    private record Peek(Optional<String> issuer, Optional<Instant> date) {}

    // A diagnostic look that trusts nothing it learns: a HEAD request (no credentials) over a TLS session that records
    // the chain instead of judging it, so the issuer can be named and the Date read even where jgvm refuses the server.
    private static Optional<Peek> peek(URI uri) {
        boolean https = uri.getScheme().equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        X509Certificate[][] chain = new X509Certificate[1][];
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(uri.getHost(), port), (int) TIMEOUT.toMillis());
            raw.setSoTimeout((int) TIMEOUT.toMillis());
            Socket sock = raw;
            if (https) {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {new X509TrustManager() {
                    @Override public void checkClientTrusted(X509Certificate[] c, String a) { throw new UnsupportedOperationException(); }

                    @Override public void checkServerTrusted(X509Certificate[] c, String a) { chain[0] = c; }

                    @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
                }}, null);
                SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(raw, uri.getHost(), port, true);
                ssl.startHandshake();
                sock = ssl;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            OutputStream out = sock.getOutputStream();
            out.write(("HEAD " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nUser-Agent: jgvm-doctor\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = sock.getInputStream();
            StringBuilder hb = new StringBuilder();
            for (int c; hb.length() < 16384 && (c = in.read()) >= 0; ) {
                hb.append((char) c);
                if (hb.length() >= 4 && hb.lastIndexOf("\r\n\r\n") == hb.length() - 4) break;
            }
            String head = hb.toString();
            Optional<Instant> date = Optional.empty();
            for (String line : head.split("\r\n")) {
                if (line.isEmpty()) break;
                if (line.regionMatches(true, 0, "Date:", 0, 5)) {
                    try {
                        date = Optional.of(ZonedDateTime.parse(line.substring(5).strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                    } catch (RuntimeException e) {
                        // a malformed Date tells nothing
                    }
                }
            }
            Optional<String> issuer = chain[0] == null || chain[0].length == 0 ? Optional.empty()
                    : Optional.of(chain[0][chain[0].length - 1].getIssuerX500Principal().getName());
            return Optional.of(new Peek(issuer, date));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return chain[0] == null || chain[0].length == 0 ? Optional.empty()
                    : Optional.of(new Peek(Optional.of(chain[0][chain[0].length - 1].getIssuerX500Principal().getName()), Optional.empty()));
        }
    }
}
