package dev.jgvm.cli;

import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.archive.ArchiveExtractor;
import dev.jgvm.core.config.Settings;
import dev.jgvm.core.config.SettingsLoader;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.install.Installer;
import dev.jgvm.core.platform.PlatformDetector;
import dev.jgvm.core.platform.SystemMachine;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.resolve.VersionResolver;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.shims.ShimRefresher;

import java.time.Duration;
import java.util.List;

/**
 * The composition root: builds each collaborator once, on first use, from the {@link Env}. Nothing else in jgvm
 * creates services; commands get them from here through the picocli factory.
 */
public final class Services {
    private final Env env;
    private final Terminal terminal;
    private final boolean systemStreams;
    private Settings settings;
    private InstallStore store;
    private Installer installer;
    private final VersionResolver resolver = new VersionResolver();

    Services(Env env, Terminal terminal, boolean systemStreams) {
        this.env = env;
        this.terminal = terminal;
        this.systemStreams = systemStreams;
    }

    public Env env() { return env; }

    public Terminal terminal() { return terminal; }

    /** True when jgvm runs as a real process, so child processes can share its standard streams. */
    public boolean systemStreams() { return systemStreams; }

    public Settings settings() {
        if (settings == null) settings = new SettingsLoader().load(env);
        return settings;
    }

    public InstallStore store() {
        if (store == null) {
            Duration wait = env.get("JGVM_LOCK_TIMEOUT").map(v -> Duration.ofMillis((long) (Double.parseDouble(v) * 1000)))
                    .orElse(Duration.ofSeconds(120));
            store = new InstallStore(env.jgvmHome(), wait);
        }
        return store;
    }

    public Installer installer() {
        if (installer == null) installer = new Installer(store(), new ArchiveExtractor(), List.of(new ShimRefresher(settings())));
        return installer;
    }

    public VersionResolver resolver() { return resolver; }

    /** The version selected in the working directory, matched against the installed ones. */
    public Resolution resolveHere() { return resolver.resolve(env, settings().readGoMod(), store()); }

    /**
     * Regenerates shims and aliases when {@code config.toml} is newer than the settings baked into the shims
     * (DESIGN §5: after every config change). Two stats when nothing changed; a busy lock just leaves it for later.
     */
    public void refreshShimsIfConfigChanged() {
        java.nio.file.Path config = store().home().resolve("config.toml");
        java.nio.file.Path baked = store().shimsDir().resolve(".settings");
        try {
            if (!java.nio.file.Files.exists(config) || !java.nio.file.Files.exists(baked)) return;
            if (java.nio.file.Files.getLastModifiedTime(config).compareTo(java.nio.file.Files.getLastModifiedTime(baked)) <= 0) return;
        } catch (java.io.IOException e) {
            return;
        }
        try {
            installer().changed();
        } catch (dev.jgvm.core.error.BusyException e) {
            // another jgvm is regenerating them right now
        }
    }

    private dev.jgvm.core.download.HttpClient http;

    /** The one HTTP client, configured from [network] and the environment. */
    public dev.jgvm.core.download.HttpClient http() {
        if (http == null) http = dev.jgvm.core.download.HttpClient.create(settings().network(), env, dev.jgvm.cli.command.JgvmCommand.Version.number());
        return http;
    }

    /** What plugins get from core. */
    public dev.jgvm.core.spi.PluginContext pluginContext(dev.jgvm.core.event.ProgressListener progress) {
        Services self = this;
        return new dev.jgvm.core.spi.PluginContext() {
            @Override public dev.jgvm.core.download.HttpClient http() { return self.http(); }

            @Override public Settings settings() { return self.settings(); }

            @Override public java.nio.file.Path cacheDir(String name) { return self.store().cacheDir().resolve("plugins").resolve(name); }

            @Override public dev.jgvm.core.event.ProgressListener progress() { return progress; }

            @Override public java.util.Optional<String> env(String name) { return self.env.get(name); }
        };
    }

    /** First-party source types and the jars in JGVM_HOME/plugins. */
    public ClassLoader plugins() {
        java.nio.file.Path dir = store().home().resolve("plugins");
        java.util.List<java.net.URL> jars = new java.util.ArrayList<>();
        try (java.nio.file.DirectoryStream<java.nio.file.Path> ds = java.nio.file.Files.newDirectoryStream(dir, "*.jar")) {
            for (java.nio.file.Path p : ds) jars.add(p.toUri().toURL());
        } catch (java.io.IOException e) {
            // no plugins directory: the first-party source types only
        }
        return jars.isEmpty() ? Services.class.getClassLoader() : new java.net.URLClassLoader(jars.toArray(java.net.URL[]::new), Services.class.getClassLoader());
    }

    /** The mirror chain for this command ({@code --mirror} pins one). */
    public dev.jgvm.core.mirror.MirrorChain chain(java.util.Optional<String> pinned, dev.jgvm.core.event.ProgressListener progress) {
        return dev.jgvm.core.mirror.MirrorChain.create(dev.jgvm.core.mirror.MirrorChain.configs(settings(), env, pinned), pluginContext(progress), plugins());
    }

    /**
     * The checksum database for module zips, from GOSUMDB as Go reads it: unset or {@code sum.golang.org} (the built-in
     * key), {@code sum.golang.google.cn} (same key, that host), {@code name+hash+key [url]}, or {@code off} (no
     * database, so module zips get no signed evidence). GONOSUMDB and GOPRIVATE do not exempt toolchains.
     */
    public java.util.Optional<dev.jgvm.core.verify.ArtifactVerifier.SumDbSettings> sumdb() {
        String v = env.get("GOSUMDB").orElse("sum.golang.org").strip();
        if (v.equals("off")) return java.util.Optional.empty();
        java.nio.file.Path state = store().home().resolve("sumdb");
        String[] parts = v.split("\\s+", 2);
        String key = parts[0];
        java.util.Optional<java.net.URI> url = parts.length > 1 ? java.util.Optional.of(java.net.URI.create(parts[1].endsWith("/") ? parts[1] : parts[1] + "/"))
                : java.util.Optional.empty();
        if (key.equals("sum.golang.org")) key = dev.jgvm.core.verify.sumdb.Note.Verifier.SUM_GOLANG_ORG;
        else if (key.equals("sum.golang.google.cn")) {
            key = dev.jgvm.core.verify.sumdb.Note.Verifier.SUM_GOLANG_ORG;
            url = java.util.Optional.of(java.net.URI.create("https://sum.golang.google.cn/"));
        }
        return java.util.Optional.of(new dev.jgvm.core.verify.ArtifactVerifier.SumDbSettings(dev.jgvm.core.verify.sumdb.Note.Verifier.parse(key), url, state));
    }

    /** Where origin digests are read: the official origin, or JGVM_ORIGINS (HTTPS URLs, for a test or an air gap's own origin). */
    public java.util.List<java.net.URI> origins() {
        return env.get("JGVM_ORIGINS").map(v -> java.util.Arrays.stream(v.split(",")).map(String::strip).filter(x -> !x.isEmpty())
                .map(x -> java.net.URI.create(x.endsWith("/") ? x : x + "/")).toList())
                .orElse(dev.jgvm.core.verify.ArtifactVerifier.DEFAULT_ORIGINS);
    }

    /** Installs from the network with the chain, the verifier and the cache. */
    public dev.jgvm.core.install.RemoteInstaller remoteInstaller(java.util.Optional<String> pinned, boolean allowMirrorChecksums, boolean offline,
                                                                 dev.jgvm.core.event.ProgressListener progress) {
        Settings.EvidenceLevel minimum = allowMirrorChecksums ? Settings.EvidenceLevel.MIRROR : settings().verifyMinimum();
        dev.jgvm.core.verify.TrustedKeys keys = dev.jgvm.core.verify.TrustedKeys.load(store().home().resolve("keys"));
        dev.jgvm.core.verify.ArtifactVerifier verifier = new dev.jgvm.core.verify.ArtifactVerifier(http(), keys, origins(), minimum, offline, sumdb());
        return new dev.jgvm.core.install.RemoteInstaller(installer(), store(), chain(pinned, progress), verifier,
                new dev.jgvm.core.download.ArchiveCache(store().cacheDir()), new dev.jgvm.core.download.Downloader(http(), settings().network().retries()));
    }

    public PlatformDetector platforms() { return new PlatformDetector(SystemMachine::new); }
}
