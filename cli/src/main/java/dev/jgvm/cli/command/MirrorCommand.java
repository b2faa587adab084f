package dev.jgvm.cli.command;

import com.google.gson.JsonArray;
import dev.jgvm.cli.render.Json;
import com.google.gson.JsonObject;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.mirror.MirrorInspector;
import dev.jgvm.core.mirror.MirrorProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code jgvm mirror list|test}: the effective mirror chain, and whether each mirror works from here (README, 'Behind a company network'). */
@Command(name = "mirror", addMethodSubcommands = false, description = "Show the mirror chain in effect, or test its mirrors.",
        subcommands = {MirrorCommand.ListMirrors.class, MirrorCommand.Test.class})
public final class MirrorCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    public MirrorCommand() { }

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** {@code mirror list}. */
    @Command(name = "list", addMethodSubcommands = false, aliases = "ls", description = "Show the mirror chain in effect, in order: where each came from, its credentials (by source) and proxy.")
    public static final class ListMirrors implements Callable<Integer> {
        private final Terminal t;
        private final Supplier<MirrorInspector> mirrors;

        public ListMirrors(Terminal terminal, Supplier<MirrorInspector> mirrors) {
            this.t = terminal;
            this.mirrors = mirrors;
        }

        @Override public Integer call() {
            List<MirrorInspector.Listed> listed = mirrors.get().list();
            if (t.json()) {
                JsonArray a = new JsonArray();
                for (MirrorInspector.Listed l : listed) {
                    JsonObject o = new JsonObject();
                    o.addProperty("name", l.name());
                    o.addProperty("type", l.type());
                    o.addProperty("url", l.url());
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
            for (MirrorInspector.Listed l : listed) rows.add(new String[] {l.name(), l.type(), l.url(), l.from(), l.credentials(), l.proxy()});
            table(t, rows);
            return ExitCode.OK.code();
        }
    }

    /** {@code mirror test [NAME...]}. */
    @Command(name = "test", addMethodSubcommands = false, description = "Test the mirrors (all, or those named): reachable, TLS issuer, listing, evidence for the newest release, latency. Exits 1 when any fails.")
    public static final class Test implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", arity = "0..*", description = "Mirrors to test (default: the whole chain).")
        List<String> names = new ArrayList<>();

        private final Terminal t;
        private final Supplier<MirrorInspector> mirrors;

        public Test(Terminal terminal, Supplier<MirrorInspector> mirrors) {
            this.t = terminal;
            this.mirrors = mirrors;
        }

        @Override public Integer call() {
            List<MirrorProbe.Health> results = mirrors.get().test(names);
            render(t, results);
            return results.stream().allMatch(MirrorProbe.Health::ok) ? ExitCode.OK.code() : ExitCode.FAILURE.code();
        }

        // Names and URLs come redacted from core.
        private static void render(Terminal t, List<MirrorProbe.Health> results) {
            if (t.json()) {
                JsonArray a = new JsonArray();
                for (MirrorProbe.Health h : results) {
                    JsonObject o = new JsonObject();
                    o.addProperty("name", h.name());
                    o.addProperty("type", h.type());
                    o.addProperty("url", h.url());
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
                rows.add(new String[] {h.name(), h.ok() ? "ok" : h.reachable() ? "failed" : "unreachable",
                        h.url().startsWith("https:") ? h.tlsIssuer().map(i -> "verified, issuer " + i).orElse(h.reachable() ? "verified" : "-") : "none",
                        h.releases().map(String::valueOf).orElse("-"), h.newest().orElse("-"), h.evidence().orElse("-"), h.latencyMillis() + " ms"});
            }
            table(t, rows);
            for (MirrorProbe.Health h : results) for (String p : h.problems()) t.warn("mirror '%s': %s".formatted(h.name(), p));
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
