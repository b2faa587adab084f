package dev.jgvm.core.spi;

import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.version.GoVersion;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One downloadable Go distribution a {@link Source} offers, and the evidence the source can point to.
 *
 * @param fileName the official file name ({@code go1.22.5.linux-amd64.tar.gz}) or the module zip's name
 * @param version  the Go version inside
 * @param platform the platform it is for
 * @param uri      where to download it ({@code https:}, {@code http:} or {@code file:})
 * @param size     its size in bytes, or -1 when unknown
 * @param layout   how the archive is laid out
 * @param evidence what could prove it genuine; core fetches and judges each (plugins supply, core decides)
 *
 * <p>Immutable; every component is non-null. What core checks after it: the bytes at {@code uri} are downloaded by
 * core (cut off past {@code size} when it is known), hashed while they stream, and accepted only when the evidence
 * core could verify meets {@code [verify] minimum}; {@code fileName} must be the official name for {@code version} and
 * {@code platform} (or the module zip's) for an official evidence lookup to match it.
 */
public record Artifact(String fileName, GoVersion version, Platform platform, URI uri, long size, Layout layout,
                       List<EvidenceSource> evidence) {
    public Artifact {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(layout, "layout");
        evidence = List.copyOf(evidence);
    }

    /** How the GOROOT sits in the archive. */
    public enum Layout {
        /** An official {@code .tar.gz} or {@code .zip} with a top-level {@code go/}. */
        OFFICIAL,
        /** A {@code golang.org/toolchain} module zip from a module proxy. */
        MODULE
    }
}
