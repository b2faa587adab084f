package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.config.Settings.MirrorConfig;
import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.error.ConfigException;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.mirror.EffectiveChain;
import dev.jgvm.core.mirror.MirrorChain;
import dev.jgvm.core.mirror.MirrorCredentials;
import dev.jgvm.core.mirror.MirrorProbe;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.transport.OriginCredentials;
import dev.jgvm.core.transport.Redact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jgvm mirror list|test}: the effective mirror chain, and whether each mirror works from here (README, 'Behind a company network'). */
@Command(name = "mirror", addMethodSubcommands = false, description = "Show the mirror chain in effect, or test its mirrors.",
        subcommands = {MirrorCommand.ListMirrors.class, MirrorCommand.Test.class})
public final class MirrorCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    public MirrorCommand(Services services) { }

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** One mirror as listed: never a secret, only where credentials come from. */
    record Listed(MirrorConfig config, String from, String credentials, String proxy) {}

    static List<Listed> listed(Services services) {
        HttpClient http = services.http();
        List<Listed> out = new ArrayList<>();
        for (EffectiveChain.Entry e : EffectiveChain.of(services.settings(), Optional.empty())) {
            MirrorConfig c = e.config();
            String credentials;
            OriginCredentials probe = new OriginCredentials(dev.jgvm.core.transport.Netrc.parse(""));
            try {
                c = MirrorCredentials.apply(c, services.env()::get, probe);
                URI u = URI.create(c.url());
                credentials = probe.forUrl(u).or(() -> http.credentials().forUrl(u)).map(OriginCredentials.Credential::toString).orElse("none");
            } catch (ConfigException ex) {
                credentials = "unusable: " + ex.getMessage();
            } catch (IllegalArgumentException ex) {
                credentials = "none";
            }
            String url = Redact.url(c.url());
            String proxy;
            try {
                proxy = http.proxies().proxyFor(URI.create(url)).map(p -> p.display() + " (" + p.source() + ")").orElse("direct");
            } catch (IllegalArgumentException ex) {
                proxy = "direct";
            }
            out.add(new Listed(new MirrorConfig(Redact.url(c.name()), c.type(), url, c.table()), e.from(), credentials, proxy));
        }
        return out;
    }

    /** {@code mirror list}. */
    @Command(name = "list", addMethodSubcommands = false, aliases = "ls", description = "Show the mirror chain in effect, in order: where each came from, its credentials (by source) and proxy.")
    public static final class ListMirrors implements Callable<Integer> {
        private final Services services;

        public ListMirrors(Services services) { this.services = services; }

        @Override public Integer call() {
            Terminal t = services.terminal();
            List<Listed> mirrors = listed(services);
            if (t.json()) {
                JsonArray a = new JsonArray();
                for (Listed l : mirrors) {
                    JsonObject o = new JsonObject();
                    o.addProperty("name", l.config().name());
                    o.addProperty("type", l.config().type());
                    o.addProperty("url", l.config().url());
                    o.addProperty("from", l.from());
                    o.addProperty("credentials", l.credentials());
                    o.addProperty("proxy", l.proxy());
                    a.add(o);
                }
                t.out().println(Json.render(a));
                return ExitCode.OK.code();
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NAME", "TYPE", "URL", "FROM", "CREDENTIALS", "PROXY"});
            for (Listed l : mirrors) {
                rows.add(new String[] {l.config().name(), l.config().type(), l.config().url(), l.from(), l.credentials(), l.proxy()});
            }
            table(t, rows);
            return ExitCode.OK.code();
        }
    }

    /** {@code mirror test [NAME...]}. */
    @Command(name = "test", addMethodSubcommands = false, description = "Test the mirrors (all, or those named): reachable, TLS issuer, listing, evidence for the newest release, latency. Exits 1 when any fails.")
    public static final class Test implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", arity = "0..*", description = "Mirrors to test (default: the whole chain).")
        List<String> names = new ArrayList<>();

        private final Services services;

        public Test(Services services) { this.services = services; }

        @Override public Integer call() {
            Terminal t = services.terminal();
            List<MirrorConfig> chain = EffectiveChain.of(services.settings(), Optional.empty()).stream().map(EffectiveChain.Entry::config).toList();
            List<MirrorConfig> chosen = new ArrayList<>();
            for (String n : names) {
                chosen.add(chain.stream().filter(c -> c.name().equals(n)).findFirst()
                        .orElseGet(() -> MirrorChain.configs(services.settings(), Optional.of(n)).get(0)));
            }
            if (names.isEmpty()) chosen.addAll(chain);
            if (chosen.isEmpty()) throw new UsageException("there is no mirror to test", "configure one in config.toml or JGVM_MIRRORS");
            Platform platform = services.platforms().platform(Optional.empty());
            MirrorProbe probe = new MirrorProbe(services.http(), services.verifier(services.settings().verifyMinimum(), false), platform);
            List<MirrorProbe.Health> results = new ArrayList<>();
            for (MirrorConfig given : chosen) {
                MirrorConfig c;
                try {
                    // Credentials first, so the probe's own request to the mirror carries them as every other does.
                    c = MirrorCredentials.apply(given, services.env()::get, services.http().credentials());
                } catch (ConfigException e) {
                    results.add(new MirrorProbe.Health(Redact.url(given.name()), given.type(), Redact.url(given.url()), false, Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.empty(), 0, List.of(e.getMessage())));
                    continue;
                }
                results.add(probe.test(c, () -> MirrorChain.create(List.of(c), services.pluginContext(ProgressListener.NONE), services.registry().sourceTypes()).sources().get(0)));
            }
            render(t, results);
            return results.stream().allMatch(MirrorProbe.Health::ok) ? ExitCode.OK.code() : ExitCode.FAILURE.code();
        }

        private static void render(Terminal t, List<MirrorProbe.Health> results) {
            if (t.json()) {
                JsonArray a = new JsonArray();
                for (MirrorProbe.Health h : results) {
                    JsonObject o = new JsonObject();
                    o.addProperty("name", Redact.url(h.name()));
                    o.addProperty("type", h.type());
                    o.addProperty("url", Redact.url(h.url()));
                    o.addProperty("ok", h.ok());
                    o.addProperty("reachable", h.reachable());
                    h.tlsIssuer().ifPresent(i -> o.addProperty("tls_issuer", i));
                    h.releases().ifPresent(n -> o.addProperty("releases", n));
                    h.newest().ifPresent(v -> o.addProperty("newest", v));
                    h.evidence().ifPresent(e -> o.addProperty("evidence", e));
                    o.addProperty("latency_ms", h.latencyMillis());
                    JsonArray p = new JsonArray();
                    h.problems().forEach(p::add);
                    o.add("problems", p);
                    a.add(o);
                }
                t.out().println(Json.render(a));
                return;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NAME", "RESULT", "TLS", "RELEASES", "NEWEST", "EVIDENCE", "LATENCY"});
            for (MirrorProbe.Health h : results) {
                rows.add(new String[] {Redact.url(h.name()), h.ok() ? "ok" : h.reachable() ? "failed" : "unreachable",
                        h.url().startsWith("https:") ? h.tlsIssuer().map(i -> "verified, issuer " + i).orElse(h.reachable() ? "verified" : "-") : "none",
                        h.releases().map(String::valueOf).orElse("-"), h.newest().orElse("-"), h.evidence().orElse("-"), h.latencyMillis() + " ms"});
            }
            table(t, rows);
            for (MirrorProbe.Health h : results) for (String p : h.problems()) t.warn("mirror '%s': %s".formatted(Redact.url(h.name()), p));
        }
    }

    private static void table(Terminal t, List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                b.append(r[i]);
                if (i < r.length - 1) b.append(" ".repeat(width[i] - r[i].length() + 2));
            }
            t.out().println(b.toString().stripTrailing());
        }
    }
}
