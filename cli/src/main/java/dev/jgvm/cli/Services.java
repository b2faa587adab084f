package dev.jgvm.cli;

import dev.jgvm.cli.command.JgvmCommand;
import dev.jgvm.cli.render.Progress;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.archive.ArchiveExtractor;
import dev.jgvm.core.bundle.BundleService;
import dev.jgvm.core.cache.CacheService;
import dev.jgvm.core.config.Settings;
import dev.jgvm.core.config.SettingsLoader;
import dev.jgvm.core.doctor.HomeCheck;
import dev.jgvm.core.doctor.JdkCheck;
import dev.jgvm.core.doctor.Repair;
import dev.jgvm.core.doctor.Situation;
import dev.jgvm.core.download.ArchiveCache;
import dev.jgvm.core.download.Downloader;
import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.BusyException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.exec.ToolLookup;
import dev.jgvm.core.install.InstallHooks;
import dev.jgvm.core.install.InstallService;
import dev.jgvm.core.install.Installer;
import dev.jgvm.core.install.Outdated;
import dev.jgvm.core.install.RemoteInstaller;
import dev.jgvm.core.install.Uninstaller;
import dev.jgvm.core.install.Upgrader;
import dev.jgvm.core.mirror.MirrorChain;
import dev.jgvm.core.mirror.MirrorInspector;
import dev.jgvm.core.mirror.ReleaseCatalog;
import dev.jgvm.core.plugin.PluginHost;
import dev.jgvm.core.plugin.PluginRegistry;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.platform.PlatformDetector;
import dev.jgvm.core.platform.SystemMachine;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.resolve.VersionResolver;
import dev.jgvm.core.select.GoEnvironment;
import dev.jgvm.core.select.Selector;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.verify.ArtifactVerifier;
import dev.jgvm.core.verify.TrustedKeys;
import dev.jgvm.core.verify.sumdb.Note;
import dev.jgvm.core.version.VersionSpec;
import dev.jgvm.shims.ShimRefresher;
import dev.jgvm.shims.ShimWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The composition root: builds each collaborator once, on first use, from the {@link Env}. Nothing else in jgvm
 * creates services; commands get them from here through the picocli factory.
 */
public final class Services {
    private final Env env;
    private final Terminal terminal;
    private final boolean systemStreams;
    private Settings settings;
    private Settings fileSettings;
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
        if (settings == null) {
            SettingsLoader loader = new SettingsLoader();
            fileSettings = loader.loadFile(env);   // config.toml is read once, for both
            settings = loader.withEnv(env, fileSettings);
        }
        return settings;
    }

    /** What the shims carry: config.toml without the variables, which the shims read themselves at each run. */
    private Settings shimSettings() {
        settings();   // the variables are checked all the same
        return fileSettings;
    }

    public InstallStore store() {
        if (store == null) {
            store = new InstallStore(env.jgvmHome(), SettingsLoader.lockTimeout(env, Duration.ofSeconds(120)));
        }
        return store;
    }

    public Installer installer() {
        if (installer == null) installer = new Installer(store(), new ArchiveExtractor(), List.of(new ShimRefresher(shimSettings())), hooks());
        return installer;
    }

    /** {@code jgvm install}: from the chain, or an archive on this machine. */
    public InstallService installs() {
        return new InstallService(this::installer, store(), env.cwd(), p -> platforms().platform(p), this::localVerifier, this::remoteInstaller,
                () -> selector().here());
    }

    /** {@code jgvm bundle create|import}. */
    public BundleService bundles() {
        return new BundleService(store(), this::installer, env.cwd(), () -> platforms().platform(Optional.empty()), this::localVerifier,
                this::remoteInstaller);
    }

    /** {@code jgvm uninstall}: matching specs to installs, processes still using them, removal. */
    public Uninstaller uninstaller() { return new Uninstaller(store(), this::installer); }

    /** {@code jgvm cache list|clean}. */
    public CacheService cache() { return new CacheService(store(), env.clock()); }

    /**
     * What {@code outdated} reports: the releases come from the catalogue, as install's resolution does: the official
     * list first, else a mirror's listing (said so), else the listing last read when nothing answers.
     */
    public Outdated.Report outdated(Optional<String> mirror) {
        Resolution here = resolveHere();
        Optional<VersionSpec> selected = Outdated.selected(here);
        Platform platform = platforms().platform(Optional.empty());
        ReleaseCatalog catalog = releaseCatalog(chain(mirror, Progress.listener(terminal)), false);
        ReleaseCatalog.Listing listing = catalog.available(mirror, platform);
        return new Outdated.Report(Outdated.lines(store().installed(), selected, listing.releases(), platform), listing, here, platform);
    }

    /** {@code jgvm upgrade}: each release installed from the chain, as {@code install} would. */
    public Upgrader upgrader() {
        return new Upgrader(store(), env.cwd(), this::outdated, (mirror, v, p) -> remoteInstaller(mirror, false, false, Progress.listener(terminal))
                .install(new VersionSpec.Exact(v), p, false, false, Progress.listener(terminal)));
    }

    private InstallHooks hooks;

    /** The install hooks: first-party ones and those in plugin jars; loaded when an install publishes a version. */
    public InstallHooks hooks() {
        if (hooks == null) hooks = InstallHooks.of(this::registry, this::pluginContext);
        return hooks;
    }

    public VersionResolver resolver() { return resolver; }

    /** Which program a command name means here (which, exec, use). */
    public ToolLookup tools() { return new ToolLookup(store(), env); }

    /** The version selected in the working directory, matched against the installed ones. */
    public Resolution resolveHere() { return resolver.resolve(env, settings().readGoMod(), store()); }

    private Selector selector;

    /** The version used here, as list, use, env, current, which and exec ask about it; use installs what it selects when missing. */
    public Selector selector() {
        if (selector == null) {
            selector = new Selector(env, store(), resolver, settings().readGoMod(), settings().gotoolchain(),
                    (spec, progress) -> {
                        Platform platform = platforms().platform(Optional.empty());
                        return remoteInstaller(Optional.empty(), false, false, progress).install(spec, platform, false, false, progress).version();
                    });
        }
        return selector;
    }

    /** The environment that selects a GOROOT (env, exec). */
    public GoEnvironment goEnvironment() { return new GoEnvironment(selector(), store(), env, settings().gotoolchain()); }

    /** What {@code mirror list|test} show: the chain in effect, and each mirror tested as an install would use it. */
    public MirrorInspector mirrors() {
        // password_env names a variable holding a secret, not configuration: looked up when used, as PluginHost does for MirrorChain.
        return new MirrorInspector(settings(), env::get, this::http, () -> platforms().platform(Optional.empty()),
                () -> verifier(settings().verifyMinimum(), false),
                c -> MirrorChain.create(List.of(c), pluginContext(ProgressListener.NONE), registry().sourceTypes()).sources().get(0));
    }

    /**
     * Regenerates shims and aliases when {@code config.toml} is newer than the settings baked into the shims
     * (README, 'Shell set-up': after every config change). Two stats when nothing changed; a busy lock just leaves it for later.
     */
    public void refreshShimsIfConfigChanged() {
        Path config = store().home().resolve("config.toml");
        Path baked = store().shimsDir().resolve(".settings");
        try {
            if (!Files.exists(config) || !Files.exists(baked)) return;
            if (Files.getLastModifiedTime(config).compareTo(Files.getLastModifiedTime(baked)) <= 0) return;
        } catch (IOException e) {
            return;
        }
        try {
            installer().changed();
        } catch (BusyException e) {
            // another jgvm is regenerating them right now
        }
    }

    private HttpClient http;

    /** The one HTTP client, configured from [network] and the environment. */
    public HttpClient http() {
        if (http == null) http = HttpClient.create(settings().network(), JgvmCommand.Version.number());
        return http;
    }

    /** What plugins get from core. */
    public PluginHost pluginContext(ProgressListener progress) {
        return new PluginHost(this::http, store().cacheDir().resolve("plugins"), settings(), env, progress);
    }

    private PluginRegistry registry;

    /**
     * The built-in source types and hooks and those of the jars in JGVM_HOME/plugins, each jar in its own class loader.
     * A jar that does not load is named in a warning once per command; the others, and the command, go on.
     */
    public PluginRegistry registry() {
        if (registry == null) {
            registry = PluginRegistry.load(Services.class.getClassLoader(), JgvmCommand.Version.number(), store().home().resolve("plugins"));
            for (PluginRegistry.Problem p : registry.problems()) {
                terminal.warn("plugin '%s': %s".formatted(p.jar(), p.message()));
            }
        }
        return registry;
    }

    /** The mirror chain for this command ({@code --mirror} pins one). */
    public MirrorChain chain(Optional<String> pinned, ProgressListener progress) {
        return MirrorChain.create(MirrorChain.configs(settings(), pinned), pluginContext(progress), registry().sourceTypes());
    }

    /**
     * The checksum database for module zips, from GOSUMDB as Go reads it: unset or {@code sum.golang.org} (the built-in
     * key), {@code sum.golang.google.cn} (same key, that host), {@code name+hash+key [url]}, or {@code off} (no
     * database, so module zips get no signed evidence). GONOSUMDB and GOPRIVATE do not exempt toolchains.
     */
    public Optional<ArtifactVerifier.SumDbSettings> sumdb() {
        String v = settings().go().gosumdb();
        if (v.equals("off")) return Optional.empty();
        Path state = store().home().resolve("sumdb");
        String[] parts = v.split("\\s+", 2);
        String key = parts[0];
        Optional<URI> url = parts.length > 1 ? Optional.of(URI.create(parts[1].endsWith("/") ? parts[1] : parts[1] + "/"))
                : Optional.empty();
        if (key.equals("sum.golang.org")) key = Note.Verifier.SUM_GOLANG_ORG;
        else if (key.equals("sum.golang.google.cn")) {
            key = Note.Verifier.SUM_GOLANG_ORG;
            url = Optional.of(URI.create("https://sum.golang.google.cn/"));
        }
        return Optional.of(new ArtifactVerifier.SumDbSettings(Note.Verifier.parse(key), url, state));
    }

    /** Where origin digests are read: {@code [verify] origins} / JGVM_ORIGINS, else the official origin. */
    public List<URI> origins() { return settings().verifyOrigins().orElse(ArtifactVerifier.DEFAULT_ORIGINS); }

    /** The verifier for bytes already on this machine (local files, bundles): the configured minimum, no network. */
    public ArtifactVerifier localVerifier() {
        return ArtifactVerifier.local(TrustedKeys.load(store().home().resolve("keys")), settings().verifyMinimum());
    }

    /** Installs from the network with the chain, the verifier and the cache. */
    public RemoteInstaller remoteInstaller(Optional<String> pinned, boolean allowMirrorChecksums, boolean offline,
                                                                 ProgressListener progress) {
        Settings.EvidenceLevel minimum = allowMirrorChecksums ? Settings.EvidenceLevel.MIRROR : settings().verifyMinimum();
        ArtifactVerifier verifier = verifier(minimum, offline);
        MirrorChain chain = chain(pinned, progress);
        ArchiveCache cache = new ArchiveCache(store().cacheDir());
        return new RemoteInstaller(installer(), store(), chain, verifier, cache, new Downloader(http(), settings().network().retries()),
                releaseCatalog(chain, offline));
    }

    /**
     * Where {@code latest} and line specs are resolved: the official release list of the configured origins (none
     * offline), else the chain's first listing, compared with what this machine has seen.
     */
    public ReleaseCatalog releaseCatalog(MirrorChain chain, boolean offline) {
        List<URI> lists = offline ? List.of() : ReleaseCatalog.officialLists(settings().verifyOrigins());
        return new ReleaseCatalog(http(), lists, chain, store().cacheDir(),
                () -> RemoteInstaller.knownVersions(store(), new ArchiveCache(store().cacheDir())));
    }

    /** The verifier with the trusted keys, origins and checksum database of this home. */
    public ArtifactVerifier verifier(Settings.EvidenceLevel minimum, boolean offline) {
        TrustedKeys keys = TrustedKeys.load(store().home().resolve("keys"));
        return new ArtifactVerifier(http(), keys, origins(), minimum, offline, sumdb());
    }

    /** Which platform's Go to install: {@code --platform}, else JGVM_PLATFORM, else this machine's. */
    public PlatformDetector platforms() {
        Settings.Host host = settings().host();
        return new PlatformDetector(SystemMachine::new, host.platform(), host.processorArch());
    }

    /** What {@code jgvm doctor} looks at: this environment, store and selection, the machine and the JDK running jgvm. */
    public Situation doctorSituation() {
        // What jgvm installs for (JGVM_PLATFORM when set); the platform check compares it with detectedPlatform().
        Platform platform = platforms().platform(Optional.empty());
        Map<String, String> shims = new ShimWriter().expected(store(), shimSettings());
        Situation.Jdk jdk = new Situation.Jdk(Path.of(System.getProperty("java.home")), System.getProperty("java.version"), System.getProperty("os.arch"));
        return new Situation(env, settings(), store(), resolveHere(), platform, shims, jdk,
                MirrorChain.configs(settings(), Optional.empty()));
    }

    /** The machine's own platform, whatever JGVM_PLATFORM says; empty when it cannot be told. */
    public Optional<Platform> detectedPlatform() {
        try {
            return Optional.of(platforms().detected());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Applies one of doctor's safe fixes; false when it could not. */
    public boolean repair(Repair r) {
        try {
            switch (r) {
                case REHASH -> installer().changed();
                case CREATE_DIRECTORIES -> HomeCheck.createDirectories(store());
                case RETRAIN -> {
                    return JdkCheck.retrain(env, store().home());
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            terminal.detail("fix failed: " + e);
            return false;
        }
    }
}
