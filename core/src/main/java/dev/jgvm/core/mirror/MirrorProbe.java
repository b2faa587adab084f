package dev.jgvm.core.mirror;

import dev.jgvm.core.config.Settings.MirrorConfig;
import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.error.JgvmException;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.spi.Artifact;
import dev.jgvm.core.spi.Release;
import dev.jgvm.core.spi.Source;
import dev.jgvm.core.transport.Transport;
import dev.jgvm.core.transport.TransportException;
import dev.jgvm.core.verify.ArtifactVerifier;
import dev.jgvm.core.version.GoVersion;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks one mirror the way an install would use it (what {@code jgvm mirror test} shows): does its URL answer, and
 * over TLS verified by which issuer; does its listing parse (how many releases, the newest); is there evidence for
 * the newest release's archive for this platform that meets the minimum; how long the first answer took. Never
 * throws for a mirror's failure: each problem is a line of the result.
 */
public final class MirrorProbe {
    private final HttpClient http;
    private final ArtifactVerifier verifier;
    private final Platform platform;

    public MirrorProbe(HttpClient http, ArtifactVerifier verifier, Platform platform) {
        this.http = http;
        this.verifier = verifier;
        this.platform = platform;
    }

    /**
     * One mirror's health.
     *
     * @param reachable whether its URL gave any HTTP answer (or, for a local directory, exists)
     * @param tlsIssuer the issuer of its certificate, verified, for https
     * @param releases  how many releases its listing has, when it parsed
     * @param newest    the newest stable release listed
     * @param evidence  the strongest evidence for the newest release's archive for this platform
     * @param latencyMillis how long its first answer took
     * @param problems  what failed, one line each; empty when the mirror is usable
     */
    public record Health(String name, String type, String url, boolean reachable, Optional<String> tlsIssuer, Optional<Integer> releases,
                         Optional<String> newest, Optional<String> evidence, long latencyMillis, List<String> problems) {
        public Health { problems = List.copyOf(problems); }

        public boolean ok() { return problems.isEmpty(); }
    }

    /** Tests a mirror; {@code source} builds its source (it may fail, for a broken table). */
    public Health test(MirrorConfig config, Supplier<Source> source) {
        List<String> problems = new ArrayList<>();
        URI url;
        try {
            url = URI.create(config.url());
        } catch (IllegalArgumentException e) {
            return new Health(config.name(), config.type(), config.url(), false, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), 0, List.of("'%s' is not a URL".formatted(config.url())));
        }
        boolean reachable;
        Optional<String> issuer = Optional.empty();
        long start = System.nanoTime();
        if ("file".equals(url.getScheme())) {
            reachable = Files.exists(Path.of(url));
            if (!reachable) problems.add("'%s' does not exist".formatted(url));
        } else {
            try (Transport.Response r = http.transport().send(Transport.Request.head(url))) {
                reachable = true;
                issuer = r.tlsIssuer();
            } catch (TransportException e) {
                reachable = e.status() > 0 && e.kind() != TransportException.Kind.PROXY_AUTH;
                issuer = e.tlsIssuer();
                if (!reachable || e.kind() == TransportException.Kind.UNAUTHORISED) problems.add(HttpClient.translate(e).getMessage());
            } catch (java.io.IOException | RuntimeException e) {
                reachable = false;
                problems.add("cannot reach '%s': %s".formatted(url, e.getMessage()));
            }
        }
        long latency = (System.nanoTime() - start) / 1_000_000;
        Optional<Integer> count = Optional.empty();
        Optional<String> newest = Optional.empty();
        Optional<String> evidence = Optional.empty();
        if (reachable) {
            try {
                Source s = source.get();
                List<Release> releases = s.releases();
                count = Optional.of(releases.size());
                Optional<GoVersion> top = releases.stream().filter(Release::stable).map(Release::version).max(Comparator.naturalOrder());
                newest = top.map(GoVersion::name);
                if (top.isEmpty()) problems.add("its listing has no stable release");
                if (top.isPresent()) evidence = evidence(s, top.get(), problems);
            } catch (JgvmException e) {
                problems.add("listing: " + e.getMessage());
            }
        }
        return new Health(config.name(), config.type(), config.url(), reachable, issuer, count, newest, evidence, latency, problems);
    }

    private Optional<String> evidence(Source s, GoVersion newest, List<String> problems) {
        Optional<Artifact> a = s.artifact(newest, platform);
        if (a.isEmpty()) {
            problems.add("it has no archive of %s for %s".formatted(newest.name(), platform));
            return Optional.empty();
        }
        try {
            ArtifactVerifier.Plan plan = verifier.plan(a.get(), s.name());
            Optional<String> best = plan.best().map(l -> l.text());
            if (!plan.canSatisfy()) {
                problems.add("no %s evidence for %s (%s)".formatted(verifier.minimum().text(), a.get().fileName(),
                        plan.tried().isEmpty() ? best.map(b -> "only " + b).orElse("none at all") : String.join("; ", plan.tried())));
            }
            return best;
        } catch (JgvmException e) {
            problems.add("evidence: " + e.getMessage());
            return Optional.empty();
        }
    }
}
