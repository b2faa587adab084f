package dev.jgvm.core.dist;

import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.version.GoVersion;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An official archive file name, {@code go<version>.<os>-<arch>.<tar.gz|zip>} (for example
 * {@code go1.22.5.linux-amd64.tar.gz}, {@code go1.21rc2.linux-armv6l.tar.gz}).
 */
public record ArchiveName(GoVersion version, Platform platform, String extension) {
    private static final Pattern NAME = Pattern.compile("go(.+?)\\.([a-z0-9]+)-([a-z0-9]+)\\.(tar\\.gz|zip)");

    /** Parses a file name; empty when it is not an official archive name. */
    public static Optional<ArchiveName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) return Optional.empty();
        Optional<GoVersion> v = GoVersion.tryParse(m.group(1));
        if (v.isEmpty()) return Optional.empty();
        try {
            return Optional.of(new ArchiveName(v.get(), Platform.parse(m.group(2) + "/" + m.group(3)), "." + m.group(4)));
        } catch (RuntimeException notAPlatform) {
            return Optional.empty();
        }
    }

    /** The official name for a version and platform. */
    public static ArchiveName of(GoVersion v, Platform p) { return new ArchiveName(v, p, p.archiveExtension()); }

    /**
     * The {@code golang.org/toolchain} module version of a release for a platform, as module proxies and the checksum
     * database name it: {@code v0.0.1-go1.22.5.linux-amd64}.
     */
    public static String moduleVersion(GoVersion v, Platform p) { return "v0.0.1-" + v.goName() + "." + p.moduleSuffix(); }

    public String fileName() { return version.goName() + "." + platform.archiveSuffix() + extension; }

    @Override public String toString() { return fileName(); }
}
