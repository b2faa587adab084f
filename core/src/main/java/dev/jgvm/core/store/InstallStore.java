package dev.jgvm.core.store;

import dev.jgvm.core.error.StoreException;
import dev.jgvm.core.verify.TreeHash;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The on-disk layout under {@code JGVM_HOME} (README, 'Files') and its invariants: a {@code versions/<v>} directory is
 * complete or absent (staging in {@code tmp/}, then one atomic rename), single files are replaced atomically, and
 * writers hold {@code locks/} with a bounded wait. Safe to use from several processes at once; one instance is
 * not meant to be shared between threads that install the same version.
 */
public final class InstallStore {
    private final Path home;
    private final Duration lockWait;

    public InstallStore(Path home, Duration lockWait) {
        this.home = home;
        this.lockWait = lockWait;
    }

    public Path home() { return home; }

    /** How long a lock is waited for before giving up with {@code BUSY}. */
    public Duration lockWait() { return lockWait; }

    public Path versionsDir() { return home.resolve("versions"); }

    public Path aliasesDir() { return home.resolve("aliases"); }

    public Path metaDir() { return home.resolve("meta"); }

    public Path shimsDir() { return home.resolve("shims"); }

    public Path tmpDir() { return home.resolve("tmp"); }

    public Path locksDir() { return home.resolve("locks"); }

    public Path cacheDir() { return home.resolve("cache"); }

    public Path globalVersionFile() { return home.resolve("version"); }

    /** The GOROOT of a version, whether or not it is installed. */
    public Path goroot(GoVersion v) { return versionsDir().resolve(v.name()); }

    public boolean isInstalled(GoVersion v) { return Files.isDirectory(goroot(v)); }

    /** Installed versions, oldest first. Directories whose names are not Go versions are ignored. */
    public List<GoVersion> installed() {
        List<GoVersion> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(versionsDir())) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (!Files.isDirectory(p)) continue;
                GoVersion.tryParse(name).filter(v -> v.name().equals(name)).ifPresent(out::add);
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new StoreException("cannot list '%s': %s".formatted(versionsDir(), e.getMessage()), "check that JGVM_HOME is readable", e);
        }
        out.sort(null);
        return out;
    }

    /**
     * The installed version a spec token names: the exact release, or the newest installed match of a line or
     * {@code latest}. The shims get the same answer from {@code aliases/}, which {@code AliasWriter} derives from
     * the same rule. Empty for {@code system}, for a malformed token and when none matches.
     */
    public Optional<GoVersion> find(String token) {
        VersionSpec spec;
        try {
            spec = VersionSpec.parse(token);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return spec.select(installed());
    }

    /** The global default spec ({@code JGVM_HOME/version}), when set. */
    public Optional<String> globalDefault() {
        try {
            String s = Files.readString(globalVersionFile(), StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read '%s': %s".formatted(globalVersionFile(), e.getMessage()), null, e);
        }
    }

    public void writeGlobalDefault(String spec) { writeAtomically(globalVersionFile(), spec + "\n"); }

    /** Locks one version for installing or removing it. */
    public StoreLock lockVersion(GoVersion v) { return StoreLock.acquire(locksDir().resolve(v.name() + ".lock"), lockWait); }

    /**
     * The turn to install one version: held from before the download until the version is published, so installs
     * of the same version at once (eight shims of a fresh checkout) download it once and the later ones find it
     * installed. Separate from {@link #lockVersion}, which publishing takes inside it.
     */
    public StoreLock lockInstall(GoVersion v) { return StoreLock.acquire(locksDir().resolve("install-" + v.name() + ".lock"), lockWait); }

    /** Like {@link #lockInstall} but only if no other install of the version holds it now. */
    public Optional<StoreLock> tryLockInstall(GoVersion v) {
        try {
            Files.createDirectories(locksDir());
        } catch (IOException e) {
            return Optional.empty();
        }
        return StoreLock.tryAcquire(locksDir().resolve("install-" + v.name() + ".lock"));
    }

    /**
     * Locks the shared files (aliases, shims, the global default) while they are regenerated. Re-entrant within this
     * store: while it is held, a nested call returns at once, so a change and the regeneration after it can happen
     * under one lock (an uninstall must not remove a tree and then fail to rewrite the aliases that name it).
     */
    public synchronized StoreLock lockShared() {
        Path file = locksDir().resolve("shared.lock");
        if (sharedDepth > 0) {
            sharedDepth++;
            return StoreLock.nested(file, this::releaseShared);
        }
        shared = StoreLock.acquire(file, lockWait);
        sharedDepth = 1;
        return StoreLock.nested(file, this::releaseShared);
    }

    private StoreLock shared;
    private int sharedDepth;

    private synchronized void releaseShared() {
        if (--sharedDepth == 0) {
            shared.close();
            shared = null;
        }
    }

    /** A new, empty staging directory on the same file system as {@code versions/}. */
    public Staging newStaging() {
        try {
            Files.createDirectories(tmpDir());
            String id = "staging-" + UUID.randomUUID();
            // The staging lock is held while the directory is in use, so the sweeper can tell live from stale.
            StoreLock lock = StoreLock.tryAcquire(tmpDir().resolve(id + ".lock"))
                    .orElseThrow(() -> new StoreException("cannot lock a new staging directory", null));
            Path dir = Files.createDirectory(tmpDir().resolve(id));
            return new Staging(dir, lock);
        } catch (IOException e) {
            throw new StoreException("cannot create a staging directory in '%s': %s".formatted(tmpDir(), e.getMessage()),
                    "check that JGVM_HOME is writable and the disk is not full", e);
        }
    }

    /**
     * Removes what interrupted installs left: staging directories whose owner no longer holds their lock (it died,
     * even by SIGKILL), and trees set aside for deletion. Safe while other installs run.
     */
    public void sweepStaging() {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmpDir())) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.startsWith("staging-") && !name.endsWith(".lock")) {
                    Optional<StoreLock> free = StoreLock.tryAcquire(tmpDir().resolve(name + ".lock"));
                    if (free.isPresent()) {
                        try (StoreLock l = free.get()) {
                            deleteTree(p);
                        }
                        Files.deleteIfExists(tmpDir().resolve(name + ".lock"));
                    }
                } else if (name.startsWith("trash-")) {
                    deleteTree(p);
                }
            }
        } catch (NoSuchFileException e) {
            // nothing staged yet
        } catch (IOException e) {
            // Sweeping is housekeeping: a failure must not stop the command that triggered it.
        }
    }

    /**
     * Publishes a staged GOROOT as {@code versions/<v>} with one atomic rename. With {@code replace}, an existing
     * install is first moved aside (so the version is briefly absent, never half-written) and then deleted.
     *
     * @throws StoreException when the version exists and {@code replace} is false, or the rename fails
     */
    public Path publish(Staging staging, GoVersion v, boolean replace) {
        Path target = goroot(v);
        try {
            Files.createDirectories(versionsDir());
            Path trash = null;
            if (Files.exists(target)) {
                if (!replace) throw new StoreException("'%s' is already installed".formatted(v), "use --force to reinstall it");
                trash = tmpDir().resolve("trash-" + UUID.randomUUID());
                Files.move(target, trash, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging.dir(), target, StandardCopyOption.ATOMIC_MOVE);
            staging.published();
            if (trash != null) deleteTree(trash);
            return target;
        } catch (AtomicMoveNotSupportedException e) {
            throw new StoreException("cannot publish '%s' atomically: tmp/ and versions/ are on different file systems".formatted(v),
                    "keep all of JGVM_HOME on one file system", e);
        } catch (IOException e) {
            throw new StoreException("cannot publish '%s': %s".formatted(v, e.getMessage()), "check that JGVM_HOME is writable", e);
        }
    }

    /** Removes an installed tree and its meta; the tree disappears at once (renamed aside, then deleted). */
    public void remove(GoVersion v) {
        Path target = goroot(v);
        try {
            Files.createDirectories(tmpDir());
            if (Files.exists(target)) {
                Path trash = tmpDir().resolve("trash-" + UUID.randomUUID());
                Files.move(target, trash, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(trash);
            }
            Files.deleteIfExists(metaFile(v));
            Files.deleteIfExists(manifestFile(v));
        } catch (IOException e) {
            throw new StoreException("cannot remove '%s': %s".formatted(target, e.getMessage()), "check the permissions under JGVM_HOME", e);
        }
    }

    public Path metaFile(GoVersion v) { return metaDir().resolve(v.name() + ".json"); }

    public void writeMeta(InstallMeta meta) {
        writeAtomically(metaDir().resolve(meta.version() + ".json"), meta.toJson());
    }

    /** {@code meta/<v>.files}: every file of the installed tree with its SHA-256, as {@link TreeHash#manifest()} writes it. */
    public Path manifestFile(GoVersion v) { return metaDir().resolve(v.name() + ".files"); }

    /** Records the per-file manifest of a version's tree (written with its meta, before the tree is published). */
    public void writeManifest(GoVersion v, TreeHash tree) { writeAtomically(manifestFile(v), tree.manifest()); }

    /**
     * The per-file manifest recorded at install; empty when none was (an install by an older jgvm) or it is not
     * readable as one. Callers check it against the tree hash in the meta before they believe it.
     */
    public Optional<TreeHash> manifest(GoVersion v) {
        try {
            return TreeHash.parseManifest(Files.readString(manifestFile(v), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read '%s': %s".formatted(manifestFile(v), e.getMessage()), "check the permissions under JGVM_HOME", e);
        }
    }

    public Optional<InstallMeta> meta(GoVersion v) {
        try {
            return Optional.of(InstallMeta.fromJson(Files.readString(metaFile(v), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new StoreException("cannot read '%s': %s".formatted(metaFile(v), e.getMessage()), "reinstall the version with --force", e);
        }
    }

    /** Writes a small file by writing a temporary file beside it and renaming it over the target. */
    public static void writeAtomically(Path target, String content) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new StoreException("cannot write '%s': %s".formatted(target, e.getMessage()), "check that the directory is writable", e);
        }
    }

    /** Deletes a tree without following links; missing files are fine. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
                throw exc;
            }

            @Override public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null && !(exc instanceof NoSuchFileException)) throw exc;
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
