package dev.jgvm.core.install;

import dev.jgvm.core.download.SmallFile;
import dev.jgvm.core.archive.ArchiveExtractor;
import dev.jgvm.core.archive.ArchiveExtractor.Format;
import dev.jgvm.core.archive.ArchiveExtractor.Layout;
import dev.jgvm.core.archive.ArchiveName;
import dev.jgvm.core.download.ArchiveCache;
import dev.jgvm.core.error.BusyException;
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
import dev.jgvm.core.verify.Checksum;
import dev.jgvm.core.verify.Evidence;
import dev.jgvm.core.verify.SignatureCheck;
import dev.jgvm.core.verify.TreeHash;
import dev.jgvm.core.verify.TrustedKeys;
import dev.jgvm.core.version.GoVersion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Installs and removes Go versions: verify → extract into staging → publish atomically → record provenance →
 * regenerate derived files. Evidence is checked before anything is published; a failure at any point leaves no
 * {@code versions/<v>} and no staging directory. Safe to run in several processes at once (per-version locks).
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
     * Installs an official-layout archive from a local file ({@code install --from}).
     *
     * @param expected the SHA-256 the user vouches for; required for now (later: cache, bundle or {@code .asc})
     * @param target   the platform this install is for; an archive named for another platform is refused
     * @throws VerificationException (exit 4) on a digest mismatch, an unsafe archive or missing evidence
     * @throws UsageException        (exit 2) on a missing file or an archive for another platform
     */
    public Installation installFromFile(Path file, Optional<Checksum> expected, Platform target, boolean force,
                                        ProgressListener progress) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such archive '%s'".formatted(file), "give the path of a go<version>.<os>-<arch>.tar.gz or .zip file");
        }
        String fileName = file.getFileName().toString();
        Optional<ArchiveName> named = ArchiveName.parse(fileName);
        if (expected.isEmpty()) {
            throw VerificationException.insufficientEvidence("no evidence that '%s' is genuine".formatted(fileName),
                    "pass --sha256 with the digest published for it (go.dev/dl lists every file's SHA-256), put its official .asc next to it, or import a bundle that holds it");
        }
        requirePlatform(fileName, named, target);
        store.sweepStaging();
        if (named.isPresent() && !force && store.isInstalled(named.get().version())) {
            return new Installation(named.get().version(), store.goroot(named.get().version()), true, false);
        }
        Evidence evidence = Evidence.userSha256(expected.get());
        try (Staging staging = store.newStaging()) {
            progress.step("extracting " + fileName);
            ArchiveExtractor.Result result = extractVerified(file, expected.get(), staging.dir());
            progress.verified(evidence);
            GoVersion version = versionOf(fileName, named, staging.dir());
            requireGoBinary(fileName, staging.dir());
            InstallMeta meta = new InstallMeta(version.name(), target.toString(), fileName, expected.get().hex(),
                    "file:" + file.toAbsolutePath(), List.of(evidence), java.time.Instant.now(), result.treeHash(), result.entries());
            return publish(staging, version, meta, result.tree(), force, progress);
        }
    }

    /**
     * Installs an archive whose bytes were already proven by {@code evidence} (a verified download or a cache entry):
     * extract into staging, check the layout, publish, record provenance, regenerate.
     */
    public Installation installVerified(Path file, String fileName, GoVersion version, Checksum sha256, Layout layout, Platform target,
                                        List<Evidence> evidence, String source, boolean force, ProgressListener progress) {
        store.sweepStaging();
        if (!force && store.isInstalled(version)) return new Installation(version, store.goroot(version), true, false);
        try (Staging staging = store.newStaging()) {
            progress.step("extracting " + fileName);
            ArchiveExtractor.Result result;
            try {
                // The bytes were hashed when they were proven (download or cache lookup): no second digest pass.
                result = extractor.extract(file, layout, staging.dir());
            } catch (IOException e) {
                throw corrupt(fileName, e);
            }
            return complete(staging, result, fileName, version, sha256, target, evidence, source, force, progress);
        }
    }

    /**
     * Starts extracting a {@code .tar.gz} download into a new staging directory while {@code partial} is still being
     * written; the download tells the returned stream as the file grows. Nothing is published until
     * {@link #installStreamed} is called after the bytes verified; closing the stream discards the staging directory.
     */
    public StreamedExtraction beginStreamed(Path partial, Layout layout) {
        store.sweepStaging();
        return new StreamedExtraction(extractor, layout, partial, store.newStaging());
    }

    /**
     * Completes an install whose archive was extracted while it downloaded and has since been proven by
     * {@code evidence}: waits for the extraction, checks the layout, publishes, records provenance.
     *
     * @return empty when the stream was abandoned (the server restarted the body): install from the file instead
     */
    public Optional<Installation> installStreamed(StreamedExtraction streamed, String fileName, GoVersion version, Checksum sha256,
                                                  Platform target, List<Evidence> evidence, String source, boolean force, ProgressListener progress) {
        Optional<ArchiveExtractor.Result> result;
        try {
            result = streamed.finish();
        } catch (IOException e) {
            throw corrupt(fileName, e);
        }
        if (result.isEmpty()) return Optional.empty();
        return Optional.of(complete(streamed.staging(), result.get(), fileName, version, sha256, target, evidence, source, force, progress));
    }

    // After extraction into staging: the archive must hold this version and a go binary; then publish with its meta.
    private Installation complete(Staging staging, ArchiveExtractor.Result result, String fileName, GoVersion version, Checksum sha256,
                                  Platform target, List<Evidence> evidence, String source, boolean force, ProgressListener progress) {
        Optional<GoVersion> inside = versionFile(staging.dir());
        if (inside.isPresent() && !inside.get().equals(version)) {
            throw VerificationException.tampered("'%s' from '%s' holds %s, not go%s".formatted(fileName, source, inside.get().goName(), version),
                    "nothing was installed; the mirror serves the wrong file under this name");
        }
        requireGoBinary(fileName, staging.dir());
        InstallMeta meta = new InstallMeta(version.name(), target.toString(), fileName, sha256.hex(), source, evidence,
                java.time.Instant.now(), result.treeHash(), result.entries());
        return publish(staging, version, meta, result.tree(), force, progress);
    }

    /**
     * Installs a local archive without a digest from the user, when other evidence exists (README, 'Offline: signed bundles'): the cache or an
     * imported bundle already proved these exact bytes, or an official {@code .asc} lies next to the file and verifies
     * with the Go release key. Without such evidence it is refused as {@link #installFromFile} refuses.
     */
    public Installation installFromFile(Path file, Platform target, boolean force, ProgressListener progress,
                                        ArchiveCache cache, TrustedKeys keys) {
        if (!Files.isRegularFile(file)) return installFromFile(file, Optional.empty(), target, force, progress);
        String fileName = file.getFileName().toString();
        Optional<ArchiveName> named = ArchiveName.parse(fileName);
        if (named.isEmpty()) return installFromFile(file, Optional.empty(), target, force, progress);
        requirePlatform(fileName, named, target);
        Path asc = file.resolveSibling(fileName + ".asc");
        String what = fileName + ".asc";
        SignatureCheck check = null;
        VerificationException badSignature = null;   // counts only if the cache does not know these bytes
        Checksum actual;
        try {
            if (Files.isRegularFile(asc)) {
                try {
                    check = SignatureCheck.begin(SmallFile.read(asc, SmallFile.SIGNATURE), TrustedKeys.builtInOnly(keys), what);
                } catch (VerificationException e) {
                    badSignature = e;
                }
            }
            // One read of the archive: its digest, and the signature's data when there is one.
            MessageDigest digest = Checksum.newDigest();
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    digest.update(buf, 0, n);
                    if (check != null) check.update(buf, 0, n);
                }
            }
            actual = Checksum.of(digest);
        } catch (IOException e) {
            throw corrupt(fileName, e);
        }
        String source = "file:" + file.toAbsolutePath();
        Optional<List<Evidence>> known = cache.evidenceFor(fileName, actual);
        if (known.isPresent()) {
            progress.step("the cache already proved these bytes (%s)".formatted(known.get().get(0).detail()));
            return installVerified(file, fileName, named.get().version(), actual, Layout.OFFICIAL, target, known.get(), source, force, progress);
        }
        if (badSignature != null) throw badSignature;
        if (check != null) {
            Evidence signed = check.verify(what);
            progress.verified(signed);
            return installVerified(file, fileName, named.get().version(), actual, Layout.OFFICIAL, target, List.of(signed), source, force, progress);
        }
        return installFromFile(file, Optional.empty(), target, force, progress);
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

    // Extracts with the digest computed in the same read; on any failure the digest decides the message.
    private ArchiveExtractor.Result extractVerified(Path file, Checksum expected, Path dir) {
        try {
            if (Format.sniff(file) == Format.ZIP) {
                requireDigest(file, expected, Checksum.ofFile(file));
                return extractor.extractZip(file, Layout.OFFICIAL, dir);
            }
            MessageDigest digest = Checksum.newDigest();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                ArchiveExtractor.Result r;
                try {
                    r = extractor.extractTarGz(in, Layout.OFFICIAL, dir);
                } catch (IOException | RuntimeException e) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                    requireDigest(file, expected, Checksum.of(digest));
                    if (e instanceof IOException io) throw corrupt(file.getFileName().toString(), io);
                    throw (RuntimeException) e;
                }
                in.transferTo(java.io.OutputStream.nullOutputStream());
                requireDigest(file, expected, Checksum.of(digest));
                return r;
            }
        } catch (IOException e) {
            throw corrupt(file.getFileName().toString(), e);
        }
    }

    private static void requirePlatform(String fileName, Optional<ArchiveName> named, Platform target) {
        if (named.isPresent() && !named.get().platform().equals(target)) {
            throw new UsageException("'%s' is for %s, but this install is for %s".formatted(fileName, named.get().platform(), target),
                    "pass --platform %s to install it anyway, or use the archive for %s".formatted(named.get().platform(), target));
        }
    }

    private static void requireDigest(Path file, Checksum expected, Checksum actual) {
        if (!expected.equals(actual)) {
            throw VerificationException.checksumMismatch(file.getFileName().toString(), expected, actual);
        }
    }

    // A write that failed is a disk error (naming the path), whatever stage it happened in; the rest is the archive's.
    private static RuntimeException corrupt(String fileName, IOException e) {
        Optional<DiskWriteException> disk = DiskWriteException.in(e);
        if (disk.isPresent()) return disk.get().toStoreException();
        return VerificationException.unreadable("cannot read '%s' as a Go archive: %s".formatted(fileName,
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                "nothing was installed; the file is truncated or not a .tar.gz/.zip archive", e);
    }

    // The version from the archive's name and from go/VERSION; when both exist they must agree.
    private static GoVersion versionOf(String fileName, Optional<ArchiveName> named, Path goroot) {
        Optional<GoVersion> fromFile = versionFile(goroot);
        if (named.isPresent() && fromFile.isPresent() && !named.get().version().equals(fromFile.get())) {
            throw VerificationException.of(VerificationException.Kind.TAMPERED,
                    "'%s' says go%s in its name but %s in go/VERSION".formatted(fileName, named.get().version(), fromFile.get().goName()),
                    "nothing was installed; the archive was renamed or altered");
        }
        return named.map(ArchiveName::version).or(() -> fromFile).orElseThrow(() -> VerificationException.unreadable(
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
