package dev.jgvm.core.spi;

import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.version.GoVersion;

import java.util.List;
import java.util.Optional;

/**
 * One configured mirror: lists releases and points at artifacts and evidence. Implementations are written against
 * this SPI only and do no cryptography: core verifies (ARCHITECTURE.md, 'Code map').
 *
 * <p>Errors: a {@link dev.jgvm.core.error.VersionNotFoundException} when the source answers but lacks what was asked
 * (404/410), a {@link dev.jgvm.core.error.NetworkException} when it cannot be reached or fails (5xx, timeouts, a
 * body that is not what was asked); the mirror chain moves on to the next source on either.
 * Calls may be repeated; a source may cache within one command.
 *
 * <p>Used by one thread at a time. Nothing returned is null. What core checks after it: a listing is a claim (core
 * says whose listing decided {@code latest} when the official one did not answer); an {@link Artifact} is downloaded by
 * core, its size capped by what was announced, and proven by the evidence core itself verifies.
 */
public interface Source {
    /** The name shown to users and used by {@code --mirror}. */
    String name();

    /** Every release this source lists, any order. */
    List<Release> releases();

    /** The artifact for a version and platform, if this source has one. The default looks it up in {@link #releases()}. */
    default Optional<Artifact> artifact(GoVersion version, Platform platform) {
        return releases().stream().filter(r -> r.version().equals(version))
                .flatMap(r -> r.artifacts().stream()).filter(a -> a.platform().equals(platform)).findFirst();
    }
}
