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

    public PlatformDetector platforms() { return new PlatformDetector(SystemMachine::new); }
}
