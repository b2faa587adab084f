package dev.jgvm.core.bundle;

import dev.jgvm.core.archive.ArchiveExtractor;
import dev.jgvm.core.download.ArchiveCache;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.install.Installer;
import dev.jgvm.core.install.Installer.Installation;
import dev.jgvm.core.install.RemoteInstaller;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.verify.ArtifactVerifier;
import dev.jgvm.core.verify.PgpSigner;
import dev.jgvm.core.verify.VerifiedArchive;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code jgvm bundle create|import} (README, 'Offline: signed bundles'): fetching and proving archives through the
 * chain and packing them ({@link BundleWriter}), and importing a bundle ({@link BundleImporter}, all or nothing),
 * then installing what it holds for this platform. Not thread-safe.
 */
public final class BundleService {
    private final InstallStore store;
    private final Supplier<Installer> installer;
    private final Path cwd;
    private final Supplier<Platform> thisPlatform;
    private final Supplier<ArtifactVerifier> localVerifier;
    private final RemoteInstaller.Factory remote;

    /**
     * @param installer     asked for when a bundle's archive is installed
     * @param cwd           what relative paths (bundle, key, output) are relative to
     * @param thisPlatform  the platform this machine installs for
     * @param localVerifier the verifier of bytes already on this machine (a bundle's)
     */
    public BundleService(InstallStore store, Supplier<Installer> installer, Path cwd, Supplier<Platform> thisPlatform,
                         Supplier<ArtifactVerifier> localVerifier, RemoteInstaller.Factory remote) {
        this.store = Objects.requireNonNull(store, "store");
        this.installer = Objects.requireNonNull(installer, "installer");
        this.cwd = Objects.requireNonNull(cwd, "cwd");
        this.thisPlatform = Objects.requireNonNull(thisPlatform, "thisPlatform");
        this.localVerifier = Objects.requireNonNull(localVerifier, "localVerifier");
        this.remote = Objects.requireNonNull(remote, "remote");
    }

    /** One archive of a bundle: its file name, SHA-256 (hex), evidence kind and detail, and platform. */
    public record Archive(String file, String sha256, String evidence, String detail, Platform platform) {
        static Archive of(VerifiedArchive a) {
            return new Archive(a.fileName(), a.sha256().hex(), a.evidence().get(0).kind().text(), a.evidence().get(0).detail(), a.platform());
        }
    }

    /** What {@code create} tells while it works. */
    public interface CreateListener {
        /** No signing key was given: the bundle will not be signed. Said before anything is fetched. */
        void unsigned();

        /** An archive was obtained and proven (said for every spec, also when two name the same archive). */
        void added(Archive archive);
    }

    /**
     * A bundle written.
     *
     * @param signedBy the signing key's fingerprint, when signed
     */
    public record Created(Path bundle, Optional<String> signedBy, List<Archive> archives) {}

    /**
     * Fetches and proves each spec for each platform through the chain (or the cache) and packs the archives into a
     * bundle, signed when a key is given.
     *
     * @param platforms  {@code os/arch} each; empty: this machine's
     * @param signKey    an OpenPGP secret key file, unlocked with {@code passphrase}
     * @throws UsageException (exit 2) when a version came as a module-proxy zip (bundles carry official archives),
     *                        or the key is unusable
     */
    public Created create(List<String> specs, List<String> platforms, Optional<Path> signKey, Supplier<char[]> passphrase, Path output,
                          Optional<String> mirror, boolean allowMirrorChecksums, ProgressListener progress, CreateListener listener) {
        Optional<PgpSigner> signer = signKey.map(k -> PgpSigner.load(cwd.resolve(k), passphrase.get()));
        if (signer.isEmpty()) listener.unsigned();
        List<Platform> targets = platforms.isEmpty() ? List.of(thisPlatform.get()) : platforms.stream().map(Platform::parse).toList();
        RemoteInstaller from = remote.open(mirror, allowMirrorChecksums, false, progress);
        List<VerifiedArchive> archives = new ArrayList<>();
        Path written;
        try {
            for (Platform p : targets) {
                for (String s : specs) {
                    GoVersion v = from.resolve(VersionSpec.parse(s), p, false, progress);
                    VerifiedArchive e = from.obtain(v, p, false, progress);
                    if (e.layout() != ArchiveExtractor.Layout.OFFICIAL) {
                        e.close();
                        throw new UsageException("go %s for %s came as a module-proxy zip ('%s'); bundles carry official archives".formatted(v, p, e.fileName()),
                                "make the bundle from a dl mirror: --mirror official, or a [[mirror]] of type dl");
                    }
                    if (archives.stream().noneMatch(a -> a.fileName().equals(e.fileName()))) archives.add(e);
                    else e.close();
                    listener.added(Archive.of(e));
                }
            }
            written = new BundleWriter().write(archives, signer, cwd.resolve(output));
        } finally {
            archives.forEach(VerifiedArchive::close);
        }
        return new Created(written, signer.map(PgpSigner::fingerprint), archives.stream().map(Archive::of).toList());
    }

    /** What {@code import} tells while it works. */
    public interface ImportListener {
        /** An archive of the bundle was proven and added to the cache. */
        void imported(Archive archive);

        /** An archive for another platform stays in the cache only. */
        void otherPlatform(Archive archive, Platform here);

        /** An archive for this platform was installed (or was already). */
        void installed(Installation installation);
    }

    /** A bundle imported: every archive it holds, and the installs made from them. */
    public record Imported(List<Archive> archives, List<Installation> installed) {}

    /**
     * Verifies a bundle, adds its archives to the cache and, with {@code install}, installs those for this platform.
     *
     * @param bundle a bundle tar or its unpacked directory, as the user named it
     * @throws UsageException                            (exit 2) when there is no such bundle
     * @throws dev.jgvm.core.error.VerificationException (exit 4) when any check fails; nothing was imported
     */
    public Imported importBundle(Path bundle, boolean install, ProgressListener progress, ImportListener listener) {
        Path file = cwd.resolve(bundle);
        if (!Files.exists(file)) throw new UsageException("no such bundle '%s'".formatted(bundle), "give the .tar that 'jgvm bundle create' wrote");
        BundleImporter importer = new BundleImporter(store, new ArchiveCache(store.cacheDir()), localVerifier.get());
        List<VerifiedArchive> imported = importer.importBundle(file, progress);
        List<Archive> archives = new ArrayList<>();
        List<Installation> installed = new ArrayList<>();
        try {
            Platform here = thisPlatform.get();
            for (VerifiedArchive e : imported) {
                Archive a = Archive.of(e);
                archives.add(a);
                listener.imported(a);
                if (!install) continue;
                if (!e.platform().equals(here)) {
                    listener.otherPlatform(a, here);
                    continue;
                }
                Installation i = installer.get().install(e, Installer.InstallOptions.DEFAULT, progress);
                installed.add(i);
                listener.installed(i);
            }
        } finally {
            imported.forEach(VerifiedArchive::close);
        }
        return new Imported(archives, installed);
    }
}
