package dev.jgvm.core.spi;

import dev.jgvm.core.version.GoVersion;

import java.util.List;
import java.util.Objects;

/**
 * A Go release as a source lists it.
 *
 * @param version   the release
 * @param stable    false for betas and release candidates
 * @param artifacts the archives offered for it (any platform)
 *
 * <p>Immutable; non-null. A listing is a claim: core resolves {@code latest} from the official release list when it
 * answers, and says whose listing decided when it did not.
 */
public record Release(GoVersion version, boolean stable, List<Artifact> artifacts) {
    public Release {
        Objects.requireNonNull(version, "version");
        artifacts = List.copyOf(artifacts);
    }
}
