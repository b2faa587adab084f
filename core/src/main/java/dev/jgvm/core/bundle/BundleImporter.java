package dev.jgvm.core.bundle;

import dev.jgvm.core.download.SmallFile;
import dev.jgvm.core.archive.ArchiveExtractor;
import dev.jgvm.core.archive.ArchiveName;
import dev.jgvm.core.config.Settings.EvidenceLevel;
import dev.jgvm.core.download.ArchiveCache;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.store.Staging;
import dev.jgvm.core.verify.Checksum;
import dev.jgvm.core.verify.ChecksumsFile;
import dev.jgvm.core.verify.Evidence;
import dev.jgvm.core.verify.SignatureCheck;
import dev.jgvm.core.verify.TrustedKeys;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * trusted key (an unsigned bundle only when {@code [verify] minimum = "mirror"}, reported); every archive must be
 * listed with its exact digest, every file must be accounted for, and an official {@code .asc} that is present must
 * verify with the Go key. Only then are the archives added to the cache. Any failure is a
 * {@link VerificationException} (exit 4) that says which check failed and how to fix it.
 */
public final class BundleImporter {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    private static final int MAX_FILES = 10_000;
    private static final Set<String> SPECIAL = Set.of("checksums.txt", "signature.asc", "index.json");
    private final InstallStore store;
    private final ArchiveCache cache;
    private final TrustedKeys keys;
    private final EvidenceLevel minimum;

    public BundleImporter(InstallStore store, ArchiveCache cache, TrustedKeys keys, EvidenceLevel minimum) {
        this.store = store;
        this.cache = cache;
        this.keys = keys;
        this.minimum = minimum;
    }

    /** Verifies a bundle and adds its archives to the cache; returns them. */
    public List<ArchiveCache.Entry> importBundle(Path bundle, ProgressListener progress) {
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
                Checksum actual = Checksum.ofFile(f);
                if (!actual.equals(e.getValue())) {
                    throw refuse(VerificationException.Kind.MISMATCH, name, "holds a '%s' whose SHA-256 is %s, not the %s checksums.txt lists (a swapped or damaged archive)"
                            .formatted(e.getKey(), actual, e.getValue()), "get the bundle again from its maker");
                }
            }
            Map<String, Optional<byte[]>> officialSignatures = new LinkedHashMap<>();
            for (Map.Entry<String, Path> a : archives.entrySet()) {
                Path asc = dir.resolve(a.getKey() + ".asc");
                if (!Files.isRegularFile(asc)) {
                    officialSignatures.put(a.getKey(), Optional.empty());
                    continue;
                }
                byte[] sig = SmallFile.read(asc, SmallFile.SIGNATURE);
                SignatureCheck check = SignatureCheck.begin(sig, TrustedKeys.builtInOnly(keys), a.getKey() + ".asc in bundle '" + name + "'");
                byte[] buf = new byte[1 << 16];
                try (InputStream in = Files.newInputStream(a.getValue())) {
                    for (int n; (n = in.read(buf)) > 0; ) check.update(buf, 0, n);
                }
                check.verify(a.getKey() + ".asc in bundle '" + name + "'");
                officialSignatures.put(a.getKey(), Optional.of(sig));
            }
            // Every check passed: only now does anything reach the cache.
            List<ArchiveCache.Entry> out = new ArrayList<>();
            for (Map.Entry<String, Path> a : archives.entrySet()) {
                Path moved = cache.partial(Optional.of(sums.digest(a.getKey()).orElseThrow()));
                Files.move(a.getValue(), moved, StandardCopyOption.REPLACE_EXISTING);
                Evidence ev = new Evidence(signed.kind(), "listed in checksums.txt of bundle '%s'; %s".formatted(name, signed.detail()));
                out.add(cache.put(moved, a.getKey(), sums.digest(a.getKey()).orElseThrow(), List.of(ev), "bundle:" + name,
                        officialSignatures.get(a.getKey()), ArchiveExtractor.Layout.OFFICIAL));
            }
            return out;
        } catch (IOException e) {
            throw refuse(VerificationException.Kind.UNREADABLE, name, "cannot be read: " + e.getMessage(), "the bundle is truncated or damaged; copy it again");
        }
    }

    private Evidence signatureEvidence(Path dir, byte[] checksums, String name, ProgressListener progress) throws IOException {
        Path sig = dir.resolve("signature.asc");
        if (!Files.isRegularFile(sig)) {
            if (minimum != EvidenceLevel.MIRROR) {
                throw refuse(VerificationException.Kind.INSUFFICIENT_EVIDENCE, name, "is not signed (no signature.asc)",
                        "ask for a bundle made with 'jgvm bundle create --sign-key FILE', or set [verify] minimum = \"mirror\" to accept unsigned ones");
            }
            progress.warning("bundle '%s' is not signed; accepted because [verify] minimum is 'mirror'".formatted(name));
            return new Evidence(Evidence.Kind.MIRROR, "unsigned bundle '%s'".formatted(name));
        }
        String what = "signature.asc of bundle '%s'".formatted(name);
        SignatureCheck check = SignatureCheck.begin(SmallFile.read(sig, SmallFile.SIGNATURE), keys, what);
        check.update(checksums, 0, checksums.length);
        return check.verify(what);
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
