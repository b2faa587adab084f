package dev.jgvm.core.verify.sumdb;

import dev.jgvm.core.dist.Checksum;
import dev.jgvm.core.verify.TreeHash;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;

/**
 * Go's {@code dirhash.HashZip} ({@code h1:}): the hash of a module zip's files by their names in the zip, as the checksum
 * database records it. It checks nothing; jgvm judges a downloaded zip with {@link dev.jgvm.core.archive.ModuleZip#hash},
 * which refuses what cmd/go refuses before hashing.
 */
public final class Dirhash {
    private Dirhash() {}

    public static String ofZip(Path zip) throws IOException {
        TreeHash h = new TreeHash();
        byte[] buf = new byte[1 << 16];
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                if (e.isDirectory()) continue;
                if (e.getName().contains("\n")) throw new IOException("a file name with a newline: " + e.getName());
                MessageDigest d = Checksum.newDigest();
                try (InputStream in = z.getInputStream(e)) {
                    for (int n; (n = in.read(buf)) > 0; ) d.update(buf, 0, n);
                }
                h.add(e.getName(), HexFormat.of().formatHex(d.digest()));
            }
        }
        return h.value();
    }
}
