package dev.jgvm.core.doctor;

import dev.jgvm.core.platform.Platform;

import java.util.List;
import java.util.Optional;

/**
 * {@code platform}: the platform jgvm installs for ({@code JGVM_PLATFORM} when set) against the one this machine
 * reports; a leftover {@code JGVM_PLATFORM} makes every install a Go that cannot run here, or runs translated.
 */
public final class PlatformCheck implements Check {
    private final Optional<Platform> detected;

    /** @param detected the machine's own platform, when it could be told */
    public PlatformCheck(Optional<Platform> detected) { this.detected = detected; }

    @Override public List<Finding> examine(Situation s) {
        Optional<String> override = s.settings().host().platform();
        if (override.isEmpty()) return List.of(Finding.ok("platform", "jgvm installs Go for %s, this machine's platform".formatted(s.machine())));
        if (detected.isEmpty() || detected.get().equals(s.machine())) {
            return List.of(Finding.ok("platform", "JGVM_PLATFORM=%s, this machine's platform".formatted(override.get())));
        }
        return List.of(Finding.warn("platform", "JGVM_PLATFORM=%s makes jgvm install Go for %s, but this machine is %s"
                        .formatted(override.get(), s.machine(), detected.get()),
                "unset JGVM_PLATFORM (remove it from your shell start-up files) unless you install for another machine on purpose"));
    }
}
