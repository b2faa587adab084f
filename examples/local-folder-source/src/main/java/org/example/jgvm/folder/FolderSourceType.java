package org.example.jgvm.folder;

import dev.jgvm.core.error.ConfigException;
import dev.jgvm.core.spi.MirrorTable;
import dev.jgvm.core.spi.PluginContext;
import dev.jgvm.core.spi.Source;
import dev.jgvm.core.spi.SourceType;
import dev.jgvm.core.spi.SpiVersion;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code type = "folder"}: a local folder (a USB stick, a network share) of Go archives under their official names
 * ({@code go1.22.5.linux-amd64.tar.gz}), used as a mirror.
 *
 * <pre>
 * [[mirror]]
 * name = "usb"
 * type = "folder"
 * url = "/media/usb/go"          # a path or a file: URI
 * checksums = "SHA256SUMS"       # optional, relative to url; this is the default
 * signature = "SHA256SUMS.asc"   # optional; default: the checksums file's name + ".asc"
 * </pre>
 *
 * Like every source type it only points: it lists what the folder holds and offers the evidence it finds there (a
 * signed {@code SHA256SUMS}, the digest that file lists, official {@code .asc} signatures). jgvm reads and verifies
 * each piece itself and decides whether that is enough.
 *
 * <p>Stateless and thread-safe, as {@link SourceType} asks: everything per mirror lives in {@link FolderSource}.
 */
public final class FolderSourceType implements SourceType {
    /** The checksums file looked for when the table names none. */
    static final String DEFAULT_CHECKSUMS = "SHA256SUMS";

    public FolderSourceType() {}

    // The constant is compiled into this class: jgvm refuses the jar if it was built for another major SPI.
    @Override public int spiVersion() { return SpiVersion.MAJOR; }

    @Override public String type() { return "folder"; }

    // The keys of its own a [[mirror]] table of this type may have; jgvm refuses any other (name, url and the like are
    // every table's).
    @Override public Set<String> keys() { return Set.of("checksums", "signature"); }

    @Override public Source create(MirrorTable mirror, PluginContext context) {
        if (mirror.url().isEmpty()) {
            throw new ConfigException("[[mirror]] '%s' of type folder needs url = \"<folder of Go archives>\"".formatted(mirror.name()),
                    "point it at the folder that holds the go<version>.<os>-<arch>.tar.gz files");
        }
        Path folder;
        try {
            folder = mirror.url().startsWith("file:") ? Path.of(URI.create(mirror.url())) : Path.of(mirror.url());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("[[mirror]] '%s' has an unusable url '%s'".formatted(mirror.name(), mirror.url()),
                    "write it as a path (/media/usb/go) or a file: URI (file:///media/usb/go/)");
        }
        String checksums = mirror.string("checksums").orElse(DEFAULT_CHECKSUMS);
        String signature = mirror.string("signature").orElse(checksums + ".asc");
        return new FolderSource(mirror.name(), folder.toAbsolutePath().normalize(), checksums, signature, context.http());
    }
}
