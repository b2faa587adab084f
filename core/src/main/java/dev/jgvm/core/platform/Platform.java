package dev.jgvm.core.platform;

import dev.jgvm.core.error.UsageException;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A target platform spelled as Go spells it: {@code os} is a GOOS ({@code linux}, {@code darwin}, {@code windows},
 * ...) and {@code arch} a GOARCH ({@code amd64}, {@code arm64}, {@code 386}, {@code arm}, ...). Go's download
 * archives name 32-bit ARM Linux {@code armv6l}; {@link #archiveArch()} gives that spelling and {@link #parse}
 * accepts it. Immutable.
 */
public record Platform(String os, String arch) {
    private static final Set<String> OSES = Set.of("linux", "darwin", "windows", "freebsd", "netbsd", "openbsd",
            "dragonfly", "illumos", "solaris", "aix", "plan9", "android", "ios", "js", "wasip1");
    private static final Set<String> ARCHES = Set.of("amd64", "arm64", "386", "arm", "ppc64le", "ppc64", "s390x",
            "riscv64", "loong64", "mips", "mipsle", "mips64", "mips64le", "wasm");

    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
        if (!OSES.contains(os) || !ARCHES.contains(arch)) {
            throw new UsageException("'%s/%s' is not a Go platform".formatted(os, arch),
                    "write it as GOOS/GOARCH, for example linux/amd64, darwin/arm64 or windows/386");
        }
    }

    /** Parses {@code os/arch} or {@code os-arch}, accepting the archive spelling {@code armv6l} for {@code arm}. */
    public static Platform parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        int sep = t.indexOf('/');
        if (sep < 0) sep = t.indexOf('-');
        if (sep <= 0 || sep == t.length() - 1) {
            throw new UsageException("'%s' is not a platform".formatted(text),
                    "write it as GOOS/GOARCH, for example linux/amd64, darwin/arm64 or windows/386");
        }
        return new Platform(t.substring(0, sep), goArch(t.substring(sep + 1)));
    }

    /** Maps the archive spelling back to GOARCH; other names are returned unchanged. */
    static String goArch(String arch) { return arch.equals("armv6l") ? "arm" : arch; }

    /** The architecture as it appears in official archive names ({@code armv6l} for linux/arm). */
    public String archiveArch() { return arch.equals("arm") && os.equals("linux") ? "armv6l" : arch; }

    /** {@code linux-amd64}, {@code linux-armv6l}: the suffix of official archive names. */
    public String archiveSuffix() { return os + "-" + archiveArch(); }

    /** {@code linux-arm}: the suffix of {@code golang.org/toolchain} module versions. */
    public String moduleSuffix() { return os + "-" + arch; }

    /** The archive extension Go publishes for this platform. */
    public String archiveExtension() { return os.equals("windows") ? ".zip" : ".tar.gz"; }

    @Override public String toString() { return os + "/" + arch; }
}
