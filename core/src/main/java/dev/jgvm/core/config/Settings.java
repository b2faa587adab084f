package dev.jgvm.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The effective configuration: {@code config.toml} with every key overridable by an environment variable
 * (README, 'Downloads: mirrors are trusted for nothing'). Immutable; built by {@link SettingsLoader}.
 *
 * @param autoInstall    shims install a missing version before running it ({@code JGVM_AUTO_INSTALL})
 * @param readGoMod      {@code go.work}/{@code go.mod} toolchain lines select a version ({@code JGVM_READ_GO_MOD})
 * @param gotoolchain    exported as {@code GOTOOLCHAIN} by shims when not empty ({@code JGVM_GOTOOLCHAIN})
 * @param verifyMinimum  the weakest evidence accepted ({@code JGVM_VERIFY_MINIMUM})
 * @param verifyOrigins  where official digests are read ({@code <origin><file>.sha256}, HTTPS only); empty means
 *                       the official origin, an empty list means none ({@code JGVM_ORIGINS}: URLs or {@code none})
 * @param network        HTTP settings
 * @param mirrors        the configured {@code [[mirror]]} tables, in order; empty means the default chain
 * @param source         the file read, when there was one
 * @param defaultTools   {@code [hooks] default_tools}: packages {@code go install}ed with every newly installed
 *                       version ({@code JGVM_DEFAULT_TOOLS}, comma-separated)
 */
public record Settings(boolean autoInstall, boolean readGoMod, String gotoolchain, EvidenceLevel verifyMinimum,
                       Optional<List<java.net.URI>> verifyOrigins, Network network, List<MirrorConfig> mirrors, Optional<Path> source,
                       List<String> defaultTools) {
    /** Settings without default tools. */
    public Settings(boolean autoInstall, boolean readGoMod, String gotoolchain, EvidenceLevel verifyMinimum,
                    Optional<List<java.net.URI>> verifyOrigins, Network network, List<MirrorConfig> mirrors, Optional<Path> source) {
        this(autoInstall, readGoMod, gotoolchain, verifyMinimum, verifyOrigins, network, mirrors, source, List.of());
    }

    public Settings {
        defaultTools = List.copyOf(defaultTools);
        Objects.requireNonNull(gotoolchain, "gotoolchain");
        Objects.requireNonNull(verifyMinimum, "verifyMinimum");
        verifyOrigins = verifyOrigins.map(List::copyOf);
        Objects.requireNonNull(network, "network");
        mirrors = List.copyOf(mirrors);
        Objects.requireNonNull(source, "source");
    }

    /** The settings when there is no file and no variable. */
    public static Settings defaults() {
        return new Settings(true, true, "", EvidenceLevel.ORIGIN, Optional.empty(), Network.defaults(), List.of(), Optional.empty());
    }

    /** The kinds of evidence, weakest last (ARCHITECTURE.md, 'Trust'). */
    public enum EvidenceLevel {
        SIGNED, ORIGIN, MIRROR;

        /** Whether evidence of kind {@code got} satisfies this minimum. */
        public boolean acceptsEvidence(EvidenceLevel got) { return got.ordinal() <= ordinal(); }

        public String text() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** The {@code [network]} table. */
    public record Network(Duration connectTimeout, Duration readTimeout, int retries, String caFile, String proxy) {
        public static Network defaults() { return new Network(Duration.ofSeconds(5), Duration.ofSeconds(30), 2, "", ""); }
    }

    /** One {@code [[mirror]]} table: the common keys, and the whole table for the source type to read. */
    public record MirrorConfig(String name, String type, String url, Map<String, Object> table) {
        public MirrorConfig { table = Map.copyOf(table); }
    }
}
