package dev.jgvm.core.mirror;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.config.Settings.MirrorConfig;
import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.error.ConfigException;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.spi.Source;
import dev.jgvm.core.transport.Netrc;
import dev.jgvm.core.transport.OriginCredentials;
import dev.jgvm.core.transport.Redact;
import dev.jgvm.core.verify.ArtifactVerifier;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@code jgvm mirror list|test} show (README, 'Behind a company network'): the chain in effect with where each
 * mirror came from, where its credentials come from and which proxy it goes through; and each mirror tested as an
 * install would use it. Nothing it returns holds a secret: URLs and names are redacted, credentials are named by
 * their source. Not thread-safe (one command's).
 */
public final class MirrorInspector {
    /** Builds one mirror's source as an install's chain would ({@link MirrorChain#create}: its type, lent core's context). */
    @FunctionalInterface
    public interface Sources {
        Source create(MirrorConfig mirror);
    }

    private final Settings settings;
    private final Function<String, Optional<String>> variables;
    private final Supplier<HttpClient> http;
    private final Supplier<Platform> platform;
    private final Supplier<ArtifactVerifier> verifier;
    private final Sources sources;

    /**
     * The suppliers are asked only when needed, in the order {@code mirror test} always asked them (the chain, then
     * the platform, then the verifier), so what fails first is reported first.
     *
     * @param variables the environment's variables, which {@code password_env} names
     * @param http      core's HTTP client, with the credentials and proxies in effect
     * @param verifier  the verifier at the configured minimum, as installs judge evidence
     * @param sources   a tested mirror's source (asked only once the mirror answered)
     */
    public MirrorInspector(Settings settings, Function<String, Optional<String>> variables, Supplier<HttpClient> http,
                           Supplier<Platform> platform, Supplier<ArtifactVerifier> verifier, Sources sources) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.variables = Objects.requireNonNull(variables, "variables");
        this.http = Objects.requireNonNull(http, "http");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    /**
     * One mirror as listed: never a secret.
     *
     * @param name        its name, user info removed (a {@code JGVM_MIRRORS} entry is named by its URL)
     * @param url         its URL without user info
     * @param from        where it was configured ({@link EffectiveChain})
     * @param credentials where its credentials come from ({@code user 'ci' from password_env NEXUS_TOKEN}, {@code none},
     *                    or {@code unusable: } and why)
     * @param proxy       the proxy its requests go through and where that was configured, or {@code direct}
     */
    public record Listed(String name, String type, String url, String from, String credentials, String proxy) {}

    /** {@code mirror list}: the chain in effect, in order. */
    public List<Listed> list() {
        HttpClient client = http.get();
        List<Listed> out = new ArrayList<>();
        for (EffectiveChain.Entry e : EffectiveChain.of(settings, Optional.empty())) {
            MirrorConfig c = e.config();
            String credentials;
            // The mirror's own credentials are applied to a scratch table, so they are named without being registered.
            OriginCredentials probe = new OriginCredentials(Netrc.parse(""));
            try {
                c = MirrorCredentials.apply(c, variables, probe);
                URI u = URI.create(c.url());
                credentials = probe.forUrl(u).or(() -> client.credentials().forUrl(u)).map(OriginCredentials.Credential::toString).orElse("none");
            } catch (ConfigException ex) {
                credentials = "unusable: " + ex.getMessage();
            } catch (IllegalArgumentException ex) {
                credentials = "none";
            }
            String url = Redact.url(c.url());
            String proxy;
            try {
                proxy = client.proxies().proxyFor(URI.create(url)).map(p -> p.display() + " (" + p.source() + ")").orElse("direct");
            } catch (IllegalArgumentException ex) {
                proxy = "direct";
            }
            out.add(new Listed(Redact.url(c.name()), c.type(), url, e.from(), credentials, proxy));
        }
        return out;
    }

    /**
     * {@code mirror test}: tests the mirrors named (a name of the chain, a configured mirror or a {@code type+url}),
     * or the whole chain. A mirror whose credentials cannot be applied fails with that reason, untested; names and
     * URLs in the results are redacted.
     *
     * @throws UsageException when there is no mirror to test, or a name is neither configured nor a {@code type+url}
     */
    public List<MirrorProbe.Health> test(List<String> names) {
        List<MirrorConfig> chain = EffectiveChain.of(settings, Optional.empty()).stream().map(EffectiveChain.Entry::config).toList();
        List<MirrorConfig> chosen = new ArrayList<>();
        for (String n : names) {
            chosen.add(chain.stream().filter(c -> c.name().equals(n)).findFirst()
                    .orElseGet(() -> MirrorChain.configs(settings, Optional.of(n)).get(0)));
        }
        if (names.isEmpty()) chosen.addAll(chain);
        if (chosen.isEmpty()) throw new UsageException("there is no mirror to test", "configure one in config.toml or JGVM_MIRRORS");
        Platform p = platform.get();
        HttpClient client = http.get();
        MirrorProbe probe = new MirrorProbe(client, verifier.get(), p);
        List<MirrorProbe.Health> results = new ArrayList<>();
        for (MirrorConfig given : chosen) {
            MirrorConfig c;
            try {
                // Credentials first, so the probe's own request to the mirror carries them as every other does.
                c = MirrorCredentials.apply(given, variables, client.credentials());
            } catch (ConfigException e) {
                results.add(new MirrorProbe.Health(Redact.url(given.name()), given.type(), Redact.url(given.url()), false, Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), 0, List.of(e.getMessage())));
                continue;
            }
            MirrorProbe.Health h = probe.test(c, () -> sources.create(c));
            results.add(new MirrorProbe.Health(Redact.url(h.name()), h.type(), Redact.url(h.url()), h.reachable(), h.tlsIssuer(), h.releases(),
                    h.newest(), h.evidence(), h.latencyMillis(), h.problems()));
        }
        return results;
    }
}
