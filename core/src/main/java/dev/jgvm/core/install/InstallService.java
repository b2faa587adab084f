package dev.jgvm.core.install;

import dev.jgvm.core.dist.Checksum;
import dev.jgvm.core.download.ArchiveCache;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.install.Installer.Installation;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.select.Selector;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.verify.ArtifactVerifier;
import dev.jgvm.core.version.VersionSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code jgvm install}: versions from the mirror chain ({@link RemoteInstaller}), or one official-layout archive on
 * this machine ({@link Installer#installFromFile}), for the platform asked for or this machine's. Not thread-safe.
 */
public final class InstallService {
    private final Supplier<Installer> installer;
    private final InstallStore store;
    private final Path cwd;
    private final Function<Optional<String>, Platform> platforms;
    private final Supplier<ArtifactVerifier> localVerifier;
    private final RemoteInstaller.Factory remote;
    private final Supplier<Resolution> here;

    /**
     * @param installer     asked for when an install starts (it reads the configuration)
     * @param cwd           what a relative archive path is relative to
     * @param platforms     the platform to install for: the one given ({@code os/arch}), else the configured or detected one
     * @param localVerifier the verifier of bytes already on this machine
     * @param here          what the working directory selects (installed when no spec is given)
     */
    public InstallService(Supplier<Installer> installer, InstallStore store, Path cwd, Function<Optional<String>, Platform> platforms,
                          Supplier<ArtifactVerifier> localVerifier, RemoteInstaller.Factory remote, Supplier<Resolution> here) {
        this.installer = Objects.requireNonNull(installer, "installer");
        this.store = Objects.requireNonNull(store, "store");
        this.cwd = Objects.requireNonNull(cwd, "cwd");
        this.platforms = Objects.requireNonNull(platforms, "platforms");
        this.localVerifier = Objects.requireNonNull(localVerifier, "localVerifier");
        this.remote = Objects.requireNonNull(remote, "remote");
        this.here = Objects.requireNonNull(here, "here");
    }

    /**
     * How to install from the mirrors.
     *
     * @param platform             {@code os/arch} to install for, else this machine's
     * @param mirror               the one mirror to use, else the chain
     * @param offline              use only the cache
     * @param allowMirrorChecksums accept a digest the mirror serves about itself when nothing stronger exists
     */
    public record Options(Optional<String> platform, boolean force, Optional<String> mirror, boolean offline, boolean allowMirrorChecksums) {}

    /**
     * Installs each spec in turn from the cache or the chain; {@code each} hears of every install as it is done (a spec
     * that fails later leaves the earlier ones installed). No spec: the version selected here, as a shim would install it.
     *
     * @throws dev.jgvm.core.error.UsageException           when a spec is malformed (exit 2), as it is reached
     * @throws dev.jgvm.core.error.VersionNotFoundException when no spec is given and nothing is selected here (exit 3)
     */
    public List<Installation> install(List<String> specs, Options options, ProgressListener progress, Consumer<Installation> each) {
        if (specs.isEmpty()) {
            Resolution r = here.get();
            if (r.none()) {
                // Asked to install, not to select: the hint names what to give install.
                throw new VersionNotFoundException(Selector.noneSelected(cwd).getMessage(),
                        "name a release, such as 'jgvm install 1.22.5' or 'jgvm install latest' ('jgvm list-remote' lists them), "
                                + "or select one here first with 'jgvm use <version>'");
            }
            specs = List.of(r.spec());
        }
        Platform target = platforms.apply(options.platform());
        RemoteInstaller from = remote.open(options.mirror(), options.allowMirrorChecksums(), options.offline(), progress);
        List<Installation> done = new ArrayList<>();
        for (String spec : specs) {
            Installation i = from.install(VersionSpec.parse(spec), target, options.force(), options.offline(), progress);
            each.accept(i);
            done.add(i);
        }
        return done;
    }

    /**
     * Installs an official-layout archive ({@code go<version>.<os>-<arch>.tar.gz} or {@code .zip}) on this machine,
     * proven by the digest the user gives, a signature beside it, or the cache's record of the same bytes.
     *
     * @param file   the archive, relative to the working directory or absolute
     * @param sha256 the archive's SHA-256 as the user gave it (hex)
     * @throws dev.jgvm.core.error.UsageException        (exit 2) on a missing file, a malformed digest or an archive for another platform
     * @throws dev.jgvm.core.error.VerificationException (exit 4) when the bytes are not proven
     */
    public Installation installFile(Path file, Optional<String> sha256, Optional<String> platform, boolean force, ProgressListener progress) {
        Optional<Checksum> digest = sha256.map(Checksum::sha256);
        Platform target = platforms.apply(platform);
        return installer.get().installFromFile(cwd.resolve(file), digest, target, force, progress, localVerifier.get(), new ArchiveCache(store.cacheDir()));
    }
}
