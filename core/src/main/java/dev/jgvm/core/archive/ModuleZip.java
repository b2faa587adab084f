package dev.jgvm.core.archive;

import dev.jgvm.core.dist.ArchiveName;

import dev.jgvm.core.archive.ArchiveExtractor.Limits;
import dev.jgvm.core.error.VerificationException;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.dist.Checksum;
import dev.jgvm.core.verify.TreeHash;
import dev.jgvm.core.version.GoVersion;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules a {@code golang.org/toolchain} module zip must follow before a byte of it is hashed or extracted
 * (README, 'Downloads'), and its {@code h1:} over exactly the entries that pass them.
 *
 * <p>A zip has two indexes of its entries: the local headers, in file order, and the central directory at its end.
 * Readers differ in which they trust and in which of two equal names wins, so a zip with a name twice can show a
 * hash one tree and an extractor another. Hence, as cmd/go's {@code modzip} does: every entry lies under the one
 * {@code golang.org/toolchain@v0.0.1-go<v>.<os>-<arch>/} prefix; every name is a clean relative path; no two names
 * are equal once case is folded (cmd/go's rule, so a case-insensitive disk cannot merge them either); only regular
 * files and directories are allowed. The extractor's {@link Limits} apply to the sizes the central directory
 * declares (a bomb is refused before it is inflated) and again to the bytes actually inflated.
 *
 * <p>Everything here reads the central directory through {@link ZipFile}, as {@link ArchiveExtractor} does, so the
 * entries hashed are the entries extracted. Stateless and thread-safe.
 */
public final class ModuleZip {
    private static final Pattern PREFIX = Pattern.compile("golang\\.org/toolchain@v0\\.0\\.1-go[^/]+/");

    private ModuleZip() {}

    /** {@code golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64/}: where every entry of that version's zip lies. */
    public static String prefix(GoVersion version, Platform platform) {
        return "golang.org/toolchain@" + ArchiveName.moduleVersion(version, platform) + "/";
    }

    /**
     * Go's {@code dirhash.HashZip} of a module zip, over the entries that pass the rules above and no others.
     *
     * @param prefix the exact prefix every entry must have
     * @throws VerificationException (unsafe archive) when a rule or limit is broken
     * @throws IOException           when the file is not a readable zip
     */
    public static String hash(Path zip, String fileName, String prefix, Limits limits) throws IOException {
        TreeHash h = new TreeHash();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        // Names read as the extractor reads them (UTF-8), so the names hashed are the names written.
        try (ZipFile z = ZipFile.builder().setPath(zip).setCharset(java.nio.charset.StandardCharsets.UTF_8).get()) {
            for (ZipArchiveEntry e : entries(z, fileName, Optional.of(prefix), limits, Files.size(zip))) {
                if (e.isDirectory()) continue;
                MessageDigest d = Checksum.newDigest();
                try (InputStream in = z.getInputStream(e)) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        total += n;
                        // The declared sizes may lie: the bytes inflated count against the same limits.
                        if (total > limits.maxBytes() || total > limits.ratioFloor() && total > Files.size(zip) * (long) limits.maxRatio()) {
                            throw refuse(fileName, "inflates past the limits for a Go toolchain (an archive bomb)");
                        }
                        d.update(buf, 0, n);
                    }
                }
                h.add(e.getName(), HexFormat.of().formatHex(d.digest()));
            }
        }
        return h.value();
    }

    /**
     * The entries of a module zip in central-directory order, after checking every rule and the declared sizes.
     *
     * @param prefix the exact prefix; when empty, the first entry's {@code golang.org/toolchain@.../} is required of all
     */
    public static List<ZipArchiveEntry> entries(ZipFile zip, String fileName, Optional<String> prefix, Limits limits, long archiveBytes) {
        List<ZipArchiveEntry> all = Collections.list(zip.getEntries());
        if (all.size() > limits.maxEntries()) throw refuse(fileName, "holds more than %d entries".formatted(limits.maxEntries()));
        String top = prefix.orElse(null);
        Map<String, String> seen = new HashMap<>();
        long declared = 0;
        for (ZipArchiveEntry e : all) {
            String name = e.getName();
            if (top == null) {
                java.util.regex.Matcher m = PREFIX.matcher(name);
                if (!m.lookingAt()) throw refuse(fileName, "holds '%s', outside any golang.org/toolchain@<version>/ directory".formatted(name));
                top = m.group();
            }
            if (!name.startsWith(top)) throw refuse(fileName, "holds '%s', outside its %s directory".formatted(name, top));
            String rest = name.substring(top.length());
            boolean dir = rest.endsWith("/");
            if (dir) rest = rest.substring(0, rest.length() - 1);
            if (rest.isEmpty()) {
                if (!dir) throw refuse(fileName, "holds '%s', a file in place of its top directory".formatted(name));
                continue;
            }
            if (!clean(rest)) throw refuse(fileName, "holds '%s', which is not a clean relative path".formatted(name));
            int type = e.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX ? e.getUnixMode() & 0170000 : 0;
            if (e.isUnixSymlink() || type != 0 && type != (dir ? 0040000 : 0100000)) {
                throw refuse(fileName, "holds '%s', which is neither a regular file nor a directory".formatted(name));
            }
            // cmd/go refuses names that differ only in case; the fold also catches exact repeats.
            String earlier = seen.putIfAbsent(rest.toLowerCase(Locale.ROOT), name);
            if (earlier != null) {
                throw refuse(fileName, earlier.equals(name) ? "holds '%s' twice".formatted(name)
                        : "holds '%s' and '%s', which differ only in case".formatted(earlier, name));
            }
            if (!dir) {
                long size = e.getSize();
                if (size < 0) throw refuse(fileName, "does not declare the size of '%s'".formatted(name));
                declared += size;
                if (declared > limits.maxBytes()) throw refuse(fileName, "declares more than %d bytes unpacked".formatted(limits.maxBytes()));
            }
        }
        if (declared > limits.ratioFloor() && declared > archiveBytes * (long) limits.maxRatio()) {
            throw refuse(fileName, "declares %d bytes unpacked from %d: more than %d times (an archive bomb)".formatted(declared, archiveBytes, limits.maxRatio()));
        }
        return all;
    }

    private static boolean clean(String path) {
        if (path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0 || path.startsWith("/")) return false;
        for (String p : path.split("/", -1)) {
            if (p.isEmpty() || p.equals(".") || p.equals("..")) return false;
        }
        return true;
    }

    private static VerificationException refuse(String fileName, String why) {
        return VerificationException.unsafeArchive(fileName, why, "nothing was installed; the proxy serves a zip cmd/go would refuse too");
    }
}
