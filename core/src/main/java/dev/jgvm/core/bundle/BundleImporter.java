package dev.jgvm.core.bundle;

import dev.jgvm.core.archive.ArchiveExtractor;
import dev.jgvm.core.dist.ArchiveName;
import dev.jgvm.core.config.Settings.EvidenceLevel;
import dev.jgvm.core.download.ArchiveCache;
import dev.jgvm.core.download.SmallFile;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.store.Staging;
import dev.jgvm.core.verify.ArtifactVerifier;
import dev.jgvm.core.dist.Checksum;
import dev.jgvm.core.dist.ChecksumsFile;
import dev.jgvm.core.verify.Evidence;
import dev.jgvm.core.verify.VerifiedArchive;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Imports an offline bundle (README, 'Offline: signed bundles'), all or nothing: the tar (or directory) is unpacked into staging, refusing
 * anything but plain files with plain names; {@code signature.asc} must verify over {@code checksums.txt} with a
 * trusted key (an unsigned bundle only when {@code [verify] minimum = "mirror"}, reported); every file must be
 * accounted for; the {@link ArtifactVerifier} proves every archive (its listed digest, and its official {@code .asc}
 * with the Go key when present). Only then are the archives added to the cache. Any failure is a
 * {@link VerificationException} (exit 4) that says which check failed and how to fix it.
 */
public final class BundleImporter {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    private static final int MAX_FILES = 10_000;
    private static final Set<String> SPECIAL = Set.of("checksums.txt", "signature.asc", "index.json");
    private final InstallStore store;
    private final ArchiveCache cache;
    private final ArtifactVerifier verifier;

    public BundleImporter(InstallStore store, ArchiveCache cache, ArtifactVerifier verifier) {
        this.store = store;
        this.cache = cache;
        this.verifier = verifier;
    }

    /** Verifies a bundle and adds its archives to the cache; returns them, proven (the caller closes them). */
    public List<VerifiedArchive> importBundle(Path bundle, ProgressListener progress) {
        String name = bundle.getFileName().toString();
        try (Staging staging = store.newStaging()) {
            Path dir = staging.dir();
            if (Files.isDirectory(bundle)) copyDirectory(bundle, dir, name);
            else unpack(bundle, dir, name);

            Path checksumsFile = dir.resolve("checksums.txt");
            if (!Files.isRegularFile(checksumsFile)) throw refuse(name, "has no checksums.txt", "make bundles with 'jgvm bundle create'");
            byte[] checksumsBytes = SmallFile.read(checksumsFile, SmallFile.CHECKSUMS);
            ChecksumsFile sums = ChecksumsFile.parse(new String(checksumsBytes, StandardCharsets.UTF_8))
                    .orElseThrow(() -> refuse(name, "has a checksums.txt that is not in sha256sum's format", "make bundles with 'jgvm bundle create'"));
            Evidence signed = signatureEvidence(dir, checksumsBytes, name, progress);

            Map<String, Path> archives = new LinkedHashMap<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    String n = f.getFileName().toString();
                    if (SPECIAL.contains(n)) continue;
                    if (n.endsWith(".asc")) {
                        if (sums.digest(n.substring(0, n.length() - 4)).isEmpty()) {
                            throw refuse(name, "holds '%s', a signature for a file it does not list".formatted(n), "rebuild the bundle");
                        }
                        continue;
                    }
                    if (sums.digest(n).isEmpty()) {
                        throw refuse(name, "holds '%s', which checksums.txt does not list".formatted(n),
                                "remove the extra file, or rebuild the bundle with 'jgvm bundle create'");
                    }
                    archives.put(n, f);
                }
            }
            for (Map.Entry<String, Checksum> e : sums.entries().entrySet()) {
                Path f = archives.get(e.getKey());
                if (f == null) throw refuse(name, "lists '%s' but does not hold it".formatted(e.getKey()), "rebuild the bundle");
                if (ArchiveName.parse(e.getKey()).isEmpty()) {
                    throw refuse(name, "holds '%s', which is not an official Go archive name".formatted(e.getKey()), "bundles carry go<version>.<os>-<arch> archives only");
                }
            }
            // Each archive is proven by the verifier (its listed digest, its official .asc when present) on a copy
            // made while hashing; every check passes before anything reaches the cache.
            List<VerifiedArchive> proven = new ArrayList<>();
            try {
                for (Map.Entry<String, Path> a : archives.entrySet()) {
                    ArchiveName n = ArchiveName.parse(a.getKey()).orElseThrow();
                    Evidence listed = new Evidence(signed.kind(), "listed in checksums.txt of bundle '%s'; %s".formatted(name, signed.detail()));
                    Path asc = dir.resolve(a.getKey() + ".asc");
                    ArtifactVerifier.LocalClaim claim = new ArtifactVerifier.LocalClaim(a.getKey(), Optional.of(n.version()), n.platform(),
                            ArchiveExtractor.Layout.OFFICIAL, "bundle:" + name, List.of(new ArtifactVerifier.Expected(sums.digest(a.getKey()).orElseThrow(), listed)),
                            Files.isRegularFile(asc) ? Optional.of(SmallFile.read(asc, SmallFile.SIGNATURE)) : Optional.empty(), bytes -> Optional.empty());
                    try {
                        proven.add(verifier.verifyLocal(a.getValue(), claim, cache.privateCopy()));
                    } catch (VerificationException e) {
                        if (e.kind() != VerificationException.Kind.MISMATCH) throw e;
                        throw refuse(VerificationException.Kind.MISMATCH, name, "holds a '%s' whose SHA-256 is not the %s checksums.txt lists (a swapped or damaged archive)"
                                .formatted(a.getKey(), sums.digest(a.getKey()).orElseThrow()), "get the bundle again from its maker");
                    }
                }
                for (VerifiedArchive v : proven) cache.put(v);
                return proven;
            } catch (RuntimeException e) {
                proven.forEach(VerifiedArchive::close);
                throw e;
            }
        } catch (IOException e) {
            throw refuse(VerificationException.Kind.UNREADABLE, name, "cannot be read: " + e.getMessage(), "the bundle is truncated or damaged; copy it again");
        }
    }

    private Evidence signatureEvidence(Path dir, byte[] checksums, String name, ProgressListener progress) throws IOException {
        Path sig = dir.resolve("signature.asc");
        if (!Files.isRegularFile(sig)) {
            if (!verifier.minimum().acceptsEvidence(EvidenceLevel.MIRROR)) {
                throw refuse(VerificationException.Kind.INSUFFICIENT_EVIDENCE, name, "is not signed (no signature.asc)",
                        "ask for a bundle made with 'jgvm bundle create --sign-key FILE', or set [verify] minimum = \"mirror\" to accept unsigned ones");
            }
            progress.warning("bundle '%s' is not signed; accepted because [verify] minimum is 'mirror'".formatted(name));
            return new Evidence(Evidence.Kind.MIRROR, "unsigned bundle '%s'".formatted(name));
        }
        return verifier.proveChecksumsFile(checksums, SmallFile.read(sig, SmallFile.SIGNATURE), "signature.asc of bundle '%s'".formatted(name));
    }

    private static void unpack(Path tarFile, Path dir, String name) throws IOException {
        int count = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tarFile), 1 << 16))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                String n = e.getName();
                if (!e.isFile() || !PLAIN.matcher(n).matches() || n.equals(".") || n.equals("..")) {
                    throw refuse(name, "holds '%s', which is not a plain file at its top level".formatted(n), "bundles are flat tars of files; rebuild it");
                }
                if (++count > MAX_FILES) throw refuse(name, "holds more than %d files".formatted(MAX_FILES), "rebuild the bundle");
                Path target = dir.resolve(n);
                if (Files.exists(target)) throw refuse(name, "holds '%s' twice".formatted(n), "rebuild the bundle");
                Files.copy(tar, target);
                if (Files.size(target) != e.getSize()) throw new IOException("'%s' is truncated".formatted(n));
            }
        }
        if (count == 0) throw refuse(VerificationException.Kind.UNREADABLE, name, "is empty or not a tar", "give the .tar that 'jgvm bundle create' wrote");
    }

    private static void copyDirectory(Path from, Path dir, String name) throws IOException {
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (!Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !PLAIN.matcher(n).matches()) {
                    throw refuse(name, "holds '%s', which is not a plain file".formatted(n), "a bundle directory holds only the bundle's files");
                }
                Files.copy(p, dir.resolve(n));
            }
        }
    }

    private static VerificationException refuse(String bundle, String why, String hint) {
        return refuse(VerificationException.Kind.TAMPERED, bundle, why, hint);
    }

    private static VerificationException refuse(VerificationException.Kind kind, String bundle, String why, String hint) {
        return VerificationException.of(kind, "bundle '%s' %s; nothing was imported".formatted(bundle, why), hint);
    }
}
