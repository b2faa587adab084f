package dev.jgvm.core.install;

import dev.jgvm.core.archive.ArchiveExtractor.Layout;
import dev.jgvm.core.dist.ArchiveName;
import dev.jgvm.core.archive.StreamedExtraction;
import dev.jgvm.core.config.Settings.EvidenceLevel;
import dev.jgvm.core.download.ArchiveCache;
import dev.jgvm.core.download.Downloader;
import dev.jgvm.core.download.HttpClient;
import dev.jgvm.core.error.JgvmException;
import dev.jgvm.core.error.NetworkException;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.install.Installer.Installation;
import dev.jgvm.core.mirror.MirrorChain;
import dev.jgvm.core.mirror.MirrorChain.Attempt;
import dev.jgvm.core.mirror.ReleaseCatalog;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.spi.Artifact;
import dev.jgvm.core.spi.Release;
import dev.jgvm.core.spi.Source;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.store.StoreLock;
import dev.jgvm.core.verify.ArtifactVerifier;
import dev.jgvm.core.verify.Evidence;
import dev.jgvm.core.verify.VerifiedArchive;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Installs a version from the network: resolve the spec → find the archive in the cache or along the mirror chain →
 * gather evidence → download (hashing as it streams) → verify → cache → extract and publish. A source whose bytes
 * or evidence do not verify is reported and passed over; nothing unverified is ever cached or published: the
 * {@link ArtifactVerifier} turns bytes into a {@link VerifiedArchive}, the only thing {@link Installer} takes.
 */
public final class RemoteInstaller {
    private final Installer installer;
    private final InstallStore store;
    private final MirrorChain chain;
    private final ArtifactVerifier verifier;
    private final ArchiveCache cache;
    private final Downloader downloader;
    private final ReleaseCatalog catalog;

    /**
     * Makes the remote installer of one command: the chain ({@code mirror} pins one), the evidence minimum
     * ({@code allowMirrorChecksums} lowers it to mirror digests) and whether the network may be used.
     */
    @FunctionalInterface
    public interface Factory {
        RemoteInstaller open(Optional<String> mirror, boolean allowMirrorChecksums, boolean offline, ProgressListener progress);
    }

    /** Resolves specs from the mirrors' listings only (no official release list is asked). */
    public RemoteInstaller(Installer installer, InstallStore store, MirrorChain chain, ArtifactVerifier verifier, ArchiveCache cache, Downloader downloader) {
        this(installer, store, chain, verifier, cache, downloader, null);
    }

    /** @param catalog where {@code latest} and line specs are resolved (the official release list first) */
    public RemoteInstaller(Installer installer, InstallStore store, MirrorChain chain, ArtifactVerifier verifier, ArchiveCache cache, Downloader downloader,
                           ReleaseCatalog catalog) {
        this.installer = installer;
        this.store = store;
        this.chain = chain;
        this.verifier = verifier;
        this.cache = cache;
        this.downloader = downloader;
        this.catalog = catalog != null ? catalog : new ReleaseCatalog(null, List.of(), chain, store.cacheDir(), () -> knownVersions(store, cache));
    }

    /** The versions this machine has seen exist: installed, or cached as an archive for any platform. */
    public static List<GoVersion> knownVersions(InstallStore store, ArchiveCache cache) {
        List<GoVersion> out = new ArrayList<>(store.installed());
        cache.fileNames().stream().flatMap(n -> ArchiveName.parse(n).stream()).map(ArchiveName::version).forEach(out::add);
        return out;
    }

    /**
     * Installs the version a spec names for a platform.
     *
     * @throws VersionNotFoundException when no source has it (exit 3)
     * @throws VerificationException    when only unverifiable bytes were found (exit 4)
     * @throws NetworkException         when no source could be reached (exit 5)
     */
    public Installation install(VersionSpec spec, Platform platform, boolean force, boolean offline, ProgressListener progress) {
        GoVersion version = resolve(spec, platform, offline, progress);
        if (!force && store.isInstalled(version)) return new Installation(version, store.goroot(version), true, false);
        // Installs of one version take turns; a later one finds it installed and downloads nothing.
        Optional<StoreLock> now = store.tryLockInstall(version);
        if (now.isEmpty()) progress.step("another jgvm is installing go %s; waiting for it".formatted(version));
        try (StoreLock turn = now.orElseGet(() -> store.lockInstall(version))) {
            if (!force && store.isInstalled(version)) return new Installation(version, store.goroot(version), true, false);
            return installInTurn(version, platform, force, offline, progress);
        }
    }

    private Installation installInTurn(GoVersion version, Platform platform, boolean force, boolean offline, ProgressListener progress) {
        // A .tar.gz is extracted into staging while it downloads; it is published only once the bytes verified.
        // The copy of a cached archive is named for the version, as the download is: both are used under its lock.
        try (VerifiedArchive archive = cached(version, platform, offline, progress, cache.privateCopy(version))
                .orElseGet(() -> download(version, platform, progress, true))) {
            return installer.install(archive, new Installer.InstallOptions(force), progress);
        }
    }

    /**
     * A verified archive of a version for a platform: from the cache when its recorded evidence still meets the
     * minimum and its bytes still match, else from the first source along the chain whose bytes verify (then
     * cached). Obtained in turn with installs of the version; the caller closes it.
     */
    public VerifiedArchive obtain(GoVersion version, Platform platform, boolean offline, ProgressListener progress) {
        Optional<StoreLock> now = store.tryLockInstall(version);
        if (now.isEmpty()) progress.step("another jgvm is installing go %s; waiting for it".formatted(version));
        try (StoreLock turn = now.orElseGet(() -> store.lockInstall(version))) {
            // The caller goes on using the copy after the lock is released: its name says no version (cache clean
            // leaves such a file alone by its age).
            return cached(version, platform, offline, progress, cache.privateCopy()).orElseGet(() -> download(version, platform, progress, false));
        }
    }

    // The cached archive, proven again, when its evidence still meets the minimum; none at all is an error offline.
    private Optional<VerifiedArchive> cached(GoVersion version, Platform platform, boolean offline, ProgressListener progress, Path copy) {
        String fileName = ArchiveName.of(version, platform).fileName();
        // A version may be cached as the official archive or as the module proxy's zip.
        String moduleZip = ArchiveName.moduleVersion(version, platform) + ".zip";
        Optional<ArchiveCache.Entry> entry = cache.find(fileName).or(() -> cache.find(moduleZip));
        if (entry.isPresent() && verifier.minimum().acceptsEvidence(entry.get().evidence().get(0).kind().level())) {
            Optional<VerifiedArchive> proven = verifier.verifyCached(entry.get(), version, platform, copy);
            if (proven.isPresent()) {
                progress.step("using the cached " + entry.get().fileName());
                return proven;
            }
            progress.warning("the cached %s no longer matches its record; it was deleted".formatted(entry.get().fileName()));
            cache.forget(entry.get());
        }
        if (offline) {
            throw new VersionNotFoundException("go %s for %s is not in the cache, and --offline forbids the network".formatted(version, platform),
                    "run the install once with the network, or import a bundle that holds it");
        }
        return Optional.empty();
    }

    /** The extraction that follows one download attempt; a failed attempt's is stopped and its staging deleted. */
    private final class Streams implements AutoCloseable {
        private final ProgressListener progress;
        private StreamedExtraction current;

        Streams(ProgressListener progress) { this.progress = progress; }

        Downloader.Growth begin(Artifact artifact, Path partial) {
            discard();
            // A zip's permissions live in its central directory, at the end: it is extracted once complete.
            if (!artifact.fileName().endsWith(".tar.gz")) return Downloader.Growth.NONE;
            progress.step("extracting %s into staging as it downloads".formatted(artifact.fileName()));
            current = installer.beginStreamed(partial, layoutOf(artifact));
            return current;
        }

        /** The extraction for the verified archive to own; it stays this object's to discard until then. */
        Optional<StreamedExtraction> handOver() { return Optional.ofNullable(current); }

        /** The verified archive owns the extraction now: closing this no longer stops it. */
        void handedOver() { current = null; }

        void discard() {
            if (current != null) current.close();
            current = null;
        }

        @Override public void close() { discard(); }
    }

    // Along the chain until a source's bytes verify; a .tar.gz is extracted as it downloads when `stream` is set.
    private VerifiedArchive download(GoVersion version, Platform platform, ProgressListener progress, boolean stream) {
        String fileName = ArchiveName.of(version, platform).fileName();
        List<Attempt> failures = new ArrayList<>();
        for (Source source : chain.sources()) {
            try (Streams streams = new Streams(progress)) {
                Artifact artifact = source.artifact(version, platform).orElseThrow(() -> new VersionNotFoundException(
                        "it has no %s".formatted(fileName), null));
                progress.step("trying %s from '%s' (%s)".formatted(artifact.fileName(), source.name(), artifact.uri()));
                ArtifactVerifier.Plan plan = verifier.plan(artifact, source.name());
                if (!plan.canSatisfy()) {
                    // Say "not there" rather than "no evidence" when the mirror lacks the archive itself.
                    if (!downloader.exists(artifact.uri())) throw new VersionNotFoundException("it has no %s".formatted(fileName), null);
                    // Name the weaker evidence there is (a mirror's own digest), not just its absence.
                    List<Evidence> weaker = plan.digests().stream().map(ArtifactVerifier.Expected::evidence)
                            .sorted(Comparator.comparing(Evidence::kind)).toList();
                    throw verifier.insufficient(artifact, source.name(), weaker, plan.tried());
                }
                VerifiedArchive proven = fetch(artifact, source, plan, stream ? streams : null, progress);
                try {
                    proven.evidence().forEach(progress::verified);
                    if (proven.evidence().get(0).kind().level() == EvidenceLevel.MIRROR) {
                        progress.warning("go %s was accepted on a digest the mirror '%s' serves itself; nothing independent vouches for it"
                                .formatted(version, source.name()));
                    }
                    cache.put(proven);
                    return proven;
                } catch (RuntimeException e) {
                    proven.close();
                    throw e;
                }
            } catch (VerificationException e) {
                if (e.kind().isSecurity()) progress.rejected(source.name(), e.getMessage());
                else progress.skipped(source.name(), e.getMessage());
                failures.add(new Attempt(source.name(), e));
            } catch (VersionNotFoundException | NetworkException e) {
                progress.skipped(source.name(), e.getMessage());
                failures.add(new Attempt(source.name(), e));
                if (chain.stopsAfter(source, e)) break;
            }
        }
        throw unavailable(version, platform, failures);
    }

    /**
     * The error for a version no source served. An exact version is not looked up before its download (that would
     * cost every install a request), so when mirrors answered "not there" or 403 — which is how a storage bucket
     * answers a name it does not hold — the release list decides afterwards whether the version exists at all (read
     * once per command: a line spec already read it). The official list alone can say that it does not (exit 3);
     * with none readable, a 403 leaves both readings open and the hint says both. A 401 asks for credentials whatever
     * was asked for, a verification failure or an unreachable chain says nothing about the version: those stay as
     * the chain reports them.
     */
    private JgvmException unavailable(GoVersion version, Platform platform, List<Attempt> failures) {
        JgvmException verdict = MirrorChain.allFailed("download go %s for %s".formatted(version, platform), failures);
        if (verdict instanceof VerificationException || failures.stream().anyMatch(a -> refusedWith(a, 401))) return verdict;
        boolean forbidden = failures.stream().anyMatch(a -> refusedWith(a, 403));
        if (!forbidden && failures.stream().noneMatch(a -> a.failure() instanceof VersionNotFoundException)) return verdict;
        Optional<ReleaseCatalog.Listing> official = officialListing();
        if (official.isPresent()) {
            ReleaseCatalog.Listing l = official.get();
            Optional<Release> release = l.releases().stream().filter(r -> r.version().equals(version)).findFirst();
            if (release.isEmpty()) {
                return new VersionNotFoundException("go %s is not a Go release: %s does not list it".formatted(version, l.whose()),
                        "'jgvm list-remote --all' lists the releases");
            }
            List<Artifact> files = release.get().artifacts();
            if (!files.isEmpty() && files.stream().noneMatch(a -> a.platform().equals(platform))) {
                return new VersionNotFoundException("go %s has no archive for %s: %s lists none".formatted(version, platform, l.whose()),
                        "install it for another platform with --platform, or pick another version ('jgvm list-remote --all')");
            }
            // The release exists: a mirror that refused it is the problem to fix.
            return forbidden ? new NetworkException(verdict.getMessage(), HttpClient.CREDENTIALS_HINT, false, null) : verdict;
        }
        if (!forbidden) return verdict;
        return new NetworkException(verdict.getMessage(), "go %s may not exist ('jgvm list-remote --all' lists the releases); if it does, %s"
                .formatted(version, HttpClient.CREDENTIALS_HINT), false, null);
    }

    private static boolean refusedWith(Attempt a, int status) {
        return a.failure() instanceof NetworkException n && n.refusedWith().orElse(0) == status;
    }

    // The official release list, if one answers; a mirror's listing cannot tell that a release does not exist.
    private Optional<ReleaseCatalog.Listing> officialListing() {
        try {
            return Optional.of(catalog.list()).filter(ReleaseCatalog.Listing::official);
        } catch (JgvmException e) {
            return Optional.empty();   // then the chain's own verdict stands
        }
    }

    /**
     * Downloads one artifact from one source and judges it. The .partial is this source's and URL's alone, so what
     * another mirror left behind is never completed here. When bytes that were resumed do not verify, the earlier
     * transfer may be what was bad: the download starts once more from zero before this source is blamed.
     */
    private VerifiedArchive fetch(Artifact artifact, Source source, ArtifactVerifier.Plan plan, Streams streams, ProgressListener progress) {
        Path partial = cache.partial(artifact.version(), plan.expected(), source.name(), artifact.uri());
        for (int pass = 0; ; pass++) {
            Downloader.Growth growth = streams == null ? Downloader.Growth.NONE : streams.begin(artifact, partial);
            Downloader.Result got;
            try {
                got = downloader.fetch(artifact.uri(), partial, artifact.size(), plan::newSignatureCheck, growth, progress);
            } catch (VerificationException e) {
                deleteQuietly(partial);   // cut off: too long
                throw e;
            }
            try {
                VerifiedArchive proven = plan.conclude(got, streams == null ? Optional.empty() : streams.handOver());
                if (streams != null) streams.handedOver();
                return proven;
            } catch (VerificationException e) {
                if (streams != null) streams.discard();
                deleteQuietly(partial);
                if (pass > 0 || !got.resumed() || e.kind() == VerificationException.Kind.INSUFFICIENT_EVIDENCE) throw e;
                progress.step("the resumed download of %s did not verify; downloading it again from the start".formatted(artifact.fileName()));
            }
        }
    }

    private static Layout layoutOf(Artifact artifact) {
        return artifact.layout() == Artifact.Layout.MODULE ? Layout.MODULE : Layout.OFFICIAL;
    }

    /** The version a spec means: itself when exact, else the newest matching release (see {@link #resolve(VersionSpec, Platform, boolean, ProgressListener)}). */
    public GoVersion resolve(VersionSpec spec, Platform platform, boolean offline) {
        return resolve(spec, platform, offline, ProgressListener.NONE);
    }

    /**
     * The version a spec means: itself when exact, else the newest matching release for the platform by the official
     * release list, or, when that cannot be read, by the first mirror listing (said as a notice, with a warning when
     * jgvm has seen a newer release in that line); offline, or when nothing answers, by the archive cache.
     */
    public GoVersion resolve(VersionSpec spec, Platform platform, boolean offline, ProgressListener progress) {
        if (spec instanceof VersionSpec.Exact e) {
            spec.installable();
            return e.version();
        }
        if (spec instanceof VersionSpec.System) {
            throw new UsageException("'system' is the Go on your PATH; jgvm does not install it", "install a version such as 1.22.5, 1.22 or latest");
        }
        if (offline) return fromCache(spec, platform).orElseThrow(() -> new VersionNotFoundException(
                "no cached archive of go %s for %s, and --offline forbids asking the mirrors".formatted(spec.text(), platform),
                "name an exact version that is cached, import a bundle, or run without --offline"));
        ReleaseCatalog.Resolution r;
        try {
            r = catalog.resolve(spec, platform);
        } catch (NetworkException | VersionNotFoundException e) {
            // No mirror answers: what the cache holds (earlier downloads, imported bundles) still counts.
            Optional<GoVersion> cached = fromCache(spec, platform);
            if (cached.isPresent()) {
                progress.notice("go %s is %s by the archive cache: no release list could be read (%s)".formatted(spec.text(), cached.get(), e.getMessage()));
                return cached.get();
            }
            throw e;
        }
        if (r.listing().official()) progress.step("go %s is %s by the official release list '%s'".formatted(spec.text(), r.version(), r.listing().source()));
        r.notice(spec).ifPresent(progress::notice);
        r.warning(spec).ifPresent(progress::warning);
        return r.version();
    }

    private Optional<GoVersion> fromCache(VersionSpec spec, Platform platform) {
        return cache.fileNames().stream().flatMap(n -> ArchiveName.parse(n).stream()).filter(a -> a.platform().equals(platform))
                .map(ArchiveName::version).filter(spec::matches).max(Comparator.naturalOrder());
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a stray .partial is resumed or overwritten later
        }
    }

}
