package dev.jgvm.core.install;

import dev.jgvm.core.archive.ArchiveExtractor;
import dev.jgvm.core.archive.ArchiveExtractor.Layout;
import dev.jgvm.core.dist.ArchiveName;
import dev.jgvm.core.archive.StreamedExtraction;
import dev.jgvm.core.download.ArchiveCache;
import dev.jgvm.core.error.BusyException;
import dev.jgvm.core.download.SmallFile;
import dev.jgvm.core.error.JgvmException;
import dev.jgvm.core.error.StoreException;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.store.DiskWriteException;
import dev.jgvm.core.store.InstallMeta;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.store.Staging;
import dev.jgvm.core.store.StoreListener;
import dev.jgvm.core.store.StoreLock;
import dev.jgvm.core.verify.ArtifactVerifier;
import dev.jgvm.core.dist.Checksum;
import dev.jgvm.core.verify.Evidence;
import dev.jgvm.core.verify.TreeHash;
import dev.jgvm.core.verify.VerifiedArchive;
import dev.jgvm.core.version.GoVersion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Installs and removes Go versions: extract a {@link VerifiedArchive} into staging → publish atomically → record
 * provenance → regenerate derived files. It publishes from nothing else: proving bytes is
 * {@link ArtifactVerifier}'s alone, before they get here. A failure at any point leaves no {@code versions/<v>} and
 * no staging directory. Safe to run in several processes at once (per-version locks).
 */
public final class Installer {
    private final InstallStore store;
    private final ArchiveExtractor extractor;
    private final List<StoreListener> listeners;
    private final InstallHooks hooks;

    public Installer(InstallStore store, ArchiveExtractor extractor, List<StoreListener> listeners) {
        this(store, extractor, listeners, InstallHooks.NONE);
    }

    /** @param hooks run after every install that published a version (not when it was there already) */
    public Installer(InstallStore store, ArchiveExtractor extractor, List<StoreListener> listeners, InstallHooks hooks) {
        this.store = store;
        this.extractor = extractor;
        this.listeners = List.copyOf(listeners);
        this.hooks = hooks;
    }

    /**
     * The outcome of an install.
     *
     * @param version          the installed version
     * @param goroot           its GOROOT
     * @param alreadyInstalled true when nothing was done because it was there already
     * @param becameDefault    true when this install set the global default (the first install does)
     */
    public record Installation(GoVersion version, Path goroot, boolean alreadyInstalled, boolean becameDefault) {}

    /**
     * How to install.
     *
     * @param force reinstall over an installed version
     */
    public record InstallOptions(boolean force) {
        public static final InstallOptions DEFAULT = new InstallOptions(false);
    }

    /**
     * Installs a proven archive: the extraction made while it downloaded when there is one, else its file extracted
     * into staging; then the layout is checked (go/VERSION agrees with the version asked for, a go binary exists),
     * and the tree is published with its provenance. The caller still owns (and closes) {@code archive}.
     *
     * @throws VerificationException (exit 4) when the archive is unsafe to extract, unreadable, or not that version
     */
    public Installation install(VerifiedArchive archive, InstallOptions options, ProgressListener progress) {
        Optional<StreamedExtraction> streamed = archive.takeStreamed();
        try {
            Optional<GoVersion> asked = archive.version();
            if (!options.force() && asked.isPresent() && store.isInstalled(asked.get())) {
                return new Installation(asked.get(), store.goroot(asked.get()), true, false);
            }
            if (streamed.isPresent()) {
                Optional<ArchiveExtractor.Result> result;
                try {
                    result = streamed.get().finish();
                } catch (IOException e) {
                    throw corrupt(archive.fileName(), e);
                }
                if (result.isPresent()) return complete(streamed.get().staging(), result.get(), archive, options, progress);
                progress.step("the mirror restarted the download; extracting the finished file");
            }
            store.sweepStaging();
            try (Staging staging = store.newStaging()) {
                progress.step("extracting " + archive.fileName());
                ArchiveExtractor.Result result;
                try {
                    result = extractor.extract(archive.file(), archive.layout(), staging.dir());
                } catch (IOException e) {
                    throw corrupt(archive.fileName(), e);
                }
                return complete(staging, result, archive, options, progress);
            }
        } finally {
            streamed.ifPresent(StreamedExtraction::close);
        }
    }

    /**
     * Starts extracting a {@code .tar.gz} download into a new staging directory while {@code partial} is still being
     * written; the download tells the returned stream as the file grows. It is published only through the
     * {@link VerifiedArchive} the verifier makes of that download; closing it discards the staging directory.
     */
    public StreamedExtraction beginStreamed(Path partial, Layout layout) {
        store.sweepStaging();
        return new StreamedExtraction(extractor, layout, partial, store.newStaging());
    }

    /**
     * Installs an official-layout archive from a local file ({@code install --from}). Its path is read once: the
     * verifier copies it under {@code JGVM_HOME} while hashing it, and everything after works on that copy.
     * Evidence, any of: {@code sha256} (the user vouches for it); the cache's record of exactly these bytes; an
     * official {@code .asc} next to the file, checked with the Go release key (README, 'Offline: signed bundles').
     *
     * @param target the platform this install is for; an archive named for another platform is refused
     * @throws VerificationException (exit 4) on a digest mismatch, an unsafe archive or missing evidence
     * @throws UsageException        (exit 2) on a missing file or an archive for another platform
     */
    public Installation installFromFile(Path file, Optional<Checksum> sha256, Platform target, boolean force, ProgressListener progress,
                                        ArtifactVerifier verifier, ArchiveCache cache) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such archive '%s'".formatted(file), "give the path of a go<version>.<os>-<arch>.tar.gz or .zip file");
        }
        String fileName = file.getFileName().toString();
        refuseModuleZip(fileName);
        Optional<ArchiveName> named = ArchiveName.parse(fileName);
        if (named.isPresent() && !named.get().platform().equals(target)) {
            throw new UsageException("'%s' is for %s, but this install is for %s".formatted(fileName, named.get().platform(), target),
                    "pass --platform %s to install it anyway, or use the archive for %s".formatted(named.get().platform(), target));
        }
        if (named.isPresent() && !force && store.isInstalled(named.get().version())) {
            return new Installation(named.get().version(), store.goroot(named.get().version()), true, false);
        }
        List<ArtifactVerifier.Expected> digests = sha256.map(c -> List.of(new ArtifactVerifier.Expected(c, Evidence.userSha256(c)))).orElse(List.of());
        // Without a digest from the user, the cache may know these bytes, or the official signature may lie beside them.
        Optional<byte[]> signature = sha256.isPresent() ? Optional.empty() : signatureBeside(file);
        ArtifactVerifier.LocalClaim claim = new ArtifactVerifier.LocalClaim(fileName, named.map(ArchiveName::version), target, Layout.OFFICIAL,
                "file:" + file.toAbsolutePath(), digests, signature,
                actual -> sha256.isPresent() || named.isEmpty() ? Optional.empty() : cache.evidenceFor(fileName, actual));
        try (VerifiedArchive proven = verifier.verifyLocal(file, claim, cache.privateCopy())) {
            proven.evidence().forEach(progress::verified);
            Installation done = install(proven, new InstallOptions(force), progress);
            if (named.isPresent()) keep(proven, cache, progress);
            return done;
        }
    }

    private static final java.util.regex.Pattern MODULE_ZIP = java.util.regex.Pattern.compile("v0\\.0\\.1-go(.+)\\.([a-z0-9]+)-([a-z0-9]+)\\.zip");

    // A module proxy's toolchain zip (the name 'curl -O' gives it) holds a real Go laid out as a module: only the goproxy
    // source type installs those, proven by the checksum database. Said as such, not as an unsafe archive after hashing.
    private static void refuseModuleZip(String fileName) {
        java.util.regex.Matcher m = MODULE_ZIP.matcher(fileName);
        if (!m.matches()) return;
        String os = m.group(2);
        String arch = m.group(3).equals("arm") ? "armv6l" : m.group(3);
        throw new UsageException("'%s' is a module proxy's toolchain zip; --from takes go.dev's archives (go%s.%s-%s.%s)"
                .formatted(fileName, m.group(1), os, arch, os.equals("windows") ? "zip" : "tar.gz"),
                "run 'jgvm install %s': it fetches that zip from a module proxy (your GOPROXY, then proxy.golang.org) and proves it with Go's checksum database"
                        .formatted(m.group(1)));
    }

    // A verified archive stays in the cache (README, 'The cache'), so a later install of the version needs neither the
    // file nor the network: the copy that was proven and installed from is what is kept, under its official name, once
    // the install succeeded. An archive of that name the cache already holds is left as it is (it was proven too, and
    // may be the mirrors'). Keeping it is a convenience: failing to is a warning, never a failed install.
    private static void keep(VerifiedArchive proven, ArchiveCache cache, ProgressListener progress) {
        if (cache.find(proven.fileName()).isPresent()) return;
        try {
            cache.put(proven);
        } catch (JgvmException e) {
            progress.warning("go was installed, but %s could not be kept in the cache: %s".formatted(proven.fileName(), e.getMessage()));
        }
    }

    private static Optional<byte[]> signatureBeside(Path file) {
        Path asc = file.resolveSibling(file.getFileName() + ".asc");
        if (!Files.isRegularFile(asc)) return Optional.empty();
        try (InputStream in = Files.newInputStream(asc)) {
            // A huge file is no signature: what fits is handed on, and fails to parse as one.
            return Optional.of(in.readNBytes((int) SmallFile.SIGNATURE + 1));
        } catch (IOException e) {
            return Optional.of(new byte[0]);
        }
    }

    /**
     * Removes installed versions and regenerates derived files once. Every lock (each version's, then the shared
     * files') is taken before anything changes, so a busy store leaves all as it was.
     *
     * @throws BusyException (exit 6) when a lock is held elsewhere; nothing was removed
     */
    public void uninstall(List<GoVersion> versions) {
        for (GoVersion v : versions) {
            if (!store.isInstalled(v)) {
                throw new VersionNotFoundException("go %s is not installed".formatted(v), "'jgvm list' shows what is installed");
            }
        }
        Deque<StoreLock> held = new ArrayDeque<>();
        try {
            try {
                for (GoVersion v : versions) held.push(store.lockVersion(v));
                held.push(store.lockShared());
            } catch (BusyException e) {
                throw new BusyException(e.getMessage() + "; nothing was removed", e.hint().orElse(null));
            }
            try {
                for (GoVersion v : versions) store.remove(v);
            } finally {
                changed();   // under the shared lock already held (re-entrant)
            }
        } finally {
            while (!held.isEmpty()) held.pop().close();
        }
    }

    /** Regenerates derived files (aliases, shims) after a change made elsewhere, such as a new global default. */
    public void changed() {
        for (StoreListener l : listeners) l.storeChanged(store);
    }

    /**
     * What {@code jgvm rehash} did.
     *
     * @param shims the commands in {@code shimsDir} now, sorted (not the Windows {@code .cmd} twins or hidden files)
     */
    public record Rehashed(Path home, Path shimsDir, List<String> shims) {
        public Rehashed { shims = List.copyOf(shims); }
    }

    /** {@code jgvm rehash}: regenerates shims and aliases ({@link #changed}) and says which shims there are now. */
    public Rehashed rehash() {
        changed();
        Path dir = store.shimsDir();
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            List<String> shims = files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") && !n.endsWith(".cmd")).sorted().toList();
            return new Rehashed(store.home(), dir, shims);
        } catch (IOException e) {
            throw new StoreException("cannot list '%s': %s".formatted(dir, e.getMessage()), "check that JGVM_HOME is readable", e);
        }
    }

    private Installation publish(Staging staging, GoVersion version, InstallMeta meta, TreeHash tree, boolean force, ProgressListener progress) {
        boolean becameDefault = false;
        try (StoreLock lock = store.lockVersion(version)) {
            if (!force && store.isInstalled(version)) {
                // Another jgvm installed it while this one was extracting.
                return new Installation(version, store.goroot(version), true, false);
            }
            // The manifest comes from the hash pass of the extraction: no second read of the tree.
            store.writeManifest(version, tree);
            store.writeMeta(meta);
            Path goroot;
            try {
                goroot = store.publish(staging, version, force);
            } catch (RuntimeException e) {
                deleteQuietly(store.metaFile(version));
                deleteQuietly(store.manifestFile(version));
                throw e;
            }
            try (StoreLock shared = store.lockShared()) {
                if (store.globalDefault().isEmpty()) {
                    store.writeGlobalDefault(version.name());
                    becameDefault = true;
                }
            }
            progress.published(version.name(), goroot);
        }
        changed();
        // After the shims: a hook may run the new go. Its failures are warnings; the install stands.
        hooks.run(version, store.goroot(version), progress);
        return new Installation(version, store.goroot(version), false, becameDefault);
    }

    // A write that failed is a disk error (naming the path), whatever stage it happened in; the rest is the archive's.
    private static RuntimeException corrupt(String fileName, IOException e) {
        Optional<DiskWriteException> disk = DiskWriteException.in(e);
        if (disk.isPresent()) return disk.get().toStoreException();
        return VerificationException.unreadable("cannot read '%s' as a Go archive: %s".formatted(fileName,
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                "nothing was installed; the file is truncated or not a .tar.gz/.zip archive", e);
    }

    // After extraction into staging: the archive must hold the version it was proven as, and a go binary.
    private Installation complete(Staging staging, ArchiveExtractor.Result result, VerifiedArchive archive, InstallOptions options,
                                  ProgressListener progress) {
        GoVersion version = versionOf(archive.fileName(), archive.version(), staging.dir());
        requireGoBinary(archive.fileName(), staging.dir());
        InstallMeta meta = new InstallMeta(version.name(), archive.platform().toString(), archive.fileName(), archive.sha256().hex(),
                archive.source(), archive.evidence(), java.time.Instant.now(), result.treeHash(), result.entries());
        return publish(staging, version, meta, result.tree(), options.force(), progress);
    }

    // The version the archive was proven as and the one in its go/VERSION; when both exist they must agree.
    private static GoVersion versionOf(String fileName, Optional<GoVersion> claimed, Path goroot) {
        Optional<GoVersion> fromFile = versionFile(goroot);
        if (claimed.isPresent() && fromFile.isPresent() && !claimed.get().equals(fromFile.get())) {
            throw VerificationException.of(VerificationException.Kind.TAMPERED,
                    "'%s' says go%s in its name but %s in go/VERSION".formatted(fileName, claimed.get(), fromFile.get().goName()),
                    "nothing was installed; the archive was renamed or altered");
        }
        return claimed.or(() -> fromFile).orElseThrow(() -> VerificationException.unreadable(
                "cannot tell which Go version '%s' holds: no version in its name and no go/VERSION".formatted(fileName),
                "name the file as Go does, for example go1.22.5.linux-amd64.tar.gz", null));
    }

    private static Optional<GoVersion> versionFile(Path goroot) {
        try (BufferedReader r = Files.newBufferedReader(goroot.resolve("VERSION"), StandardCharsets.UTF_8)) {
            String first = r.readLine();
            return first == null ? Optional.empty() : GoVersion.tryParse(first.strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read go/VERSION: " + e.getMessage(), null, e);
        }
    }

    private static void requireGoBinary(String fileName, Path goroot) {
        if (!Files.isRegularFile(goroot.resolve("bin/go")) && !Files.isRegularFile(goroot.resolve("bin/go.exe"))) {
            throw VerificationException.unreadable("'%s' is not a Go distribution: it has no go/bin/go".formatted(fileName),
                    "nothing was installed; use an archive from go.dev/dl", null);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a stray meta file without a version is ignored by every reader
        }
    }
}
