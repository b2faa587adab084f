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
 * @param mirrorOverride {@code JGVM_MIRRORS}: the chain for this command, as mirror names or {@code type+url}
 *                       entries; empty when not set
 * @param go             what Go's own configuration says that jgvm follows ({@code GOPROXY}, {@code GOSUMDB})
 * @param host           the platform override and the machine facts only the environment tells
 */
public record Settings(boolean autoInstall, boolean readGoMod, String gotoolchain, EvidenceLevel verifyMinimum,
                       Optional<List<java.net.URI>> verifyOrigins, Network network, List<MirrorConfig> mirrors, Optional<Path> source,
                       List<String> defaultTools, Optional<List<String>> mirrorOverride, Go go, Host host) {
    /** Settings without default tools. */
    public Settings(boolean autoInstall, boolean readGoMod, String gotoolchain, EvidenceLevel verifyMinimum,
                    Optional<List<java.net.URI>> verifyOrigins, Network network, List<MirrorConfig> mirrors, Optional<Path> source) {
        this(autoInstall, readGoMod, gotoolchain, verifyMinimum, verifyOrigins, network, mirrors, source, List.of());
    }

    /** Settings that take nothing from the environment beyond the file's keys. */
    public Settings(boolean autoInstall, boolean readGoMod, String gotoolchain, EvidenceLevel verifyMinimum,
                    Optional<List<java.net.URI>> verifyOrigins, Network network, List<MirrorConfig> mirrors, Optional<Path> source,
                    List<String> defaultTools) {
        this(autoInstall, readGoMod, gotoolchain, verifyMinimum, verifyOrigins, network, mirrors, source, defaultTools,
                Optional.empty(), Go.defaults(), Host.NONE);
    }

    public Settings {
        defaultTools = List.copyOf(defaultTools);
        mirrorOverride = mirrorOverride.map(List::copyOf);
        Objects.requireNonNull(go, "go");
        Objects.requireNonNull(host, "host");
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

    /**
     * The {@code [network]} table, with what the environment adds to it.
     *
     * @param netrc          the {@code .netrc} to read ({@code NETRC}, else {@code ~/.netrc}); empty for none
     * @param sslCertFile    {@code SSL_CERT_FILE}: a PEM bundle of extra trust roots
     * @param sslCertDir     {@code SSL_CERT_DIR}: a directory of PEM trust roots
     * @param retryBackoff   the wait before the first retry, doubled after each ({@code JGVM_RETRY_BACKOFF_MS})
     * @param proxyVariables the proxy variables that are set ({@code HTTPS_PROXY}, {@code http_proxy},
     *                       {@code NO_PROXY}, …), by name; parsed, and refused, by the transport that uses them
     */
    public record Network(Duration connectTimeout, Duration readTimeout, int retries, String caFile, String proxy,
                          Optional<Path> netrc, Optional<String> sslCertFile, Optional<String> sslCertDir, Duration retryBackoff,
                          Map<String, String> proxyVariables) {
        /** The variables proxies are read from, in both spellings (curl's rules). */
        public static final List<String> PROXY_VARIABLES = List.of("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY",
                "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY");

        public Network {
            Objects.requireNonNull(netrc, "netrc");
            Objects.requireNonNull(sslCertFile, "sslCertFile");
            Objects.requireNonNull(sslCertDir, "sslCertDir");
            Objects.requireNonNull(retryBackoff, "retryBackoff");
            proxyVariables = Map.copyOf(proxyVariables);
        }

        /** The table's own keys, with nothing from the environment. */
        public Network(Duration connectTimeout, Duration readTimeout, int retries, String caFile, String proxy) {
            this(connectTimeout, readTimeout, retries, caFile, proxy, Optional.empty(), Optional.empty(), Optional.empty(),
                    DEFAULT_BACKOFF, Map.of());
        }

        private static final Duration DEFAULT_BACKOFF = Duration.ofMillis(250);

        public static Network defaults() { return new Network(Duration.ofSeconds(5), Duration.ofSeconds(30), 2, "", ""); }

        /** The same settings with other timeouts and retries (doctor's quick probes). */
        public Network withLimits(Duration connect, Duration read, int retries) {
            return new Network(connect, read, retries, caFile, proxy, netrc, sslCertFile, sslCertDir, retryBackoff, proxyVariables);
        }

        /** The same settings with another wait before retries (tests keep it short). */
        public Network withRetryBackoff(Duration backoff) {
            return new Network(connectTimeout, readTimeout, retries, caFile, proxy, netrc, sslCertFile, sslCertDir, backoff, proxyVariables);
        }

        /** The same settings with other proxy variables. */
        public Network withProxyVariables(Map<String, String> vars) {
            return new Network(connectTimeout, readTimeout, retries, caFile, proxy, netrc, sslCertFile, sslCertDir, retryBackoff, vars);
        }

        /** The same settings reading another {@code .netrc}. */
        public Network withNetrc(Path file) {
            return new Network(connectTimeout, readTimeout, retries, caFile, proxy, Optional.of(file), sslCertFile, sslCertDir, retryBackoff, proxyVariables);
        }
    }

    /**
     * What jgvm follows of Go's own configuration.
     *
     * @param goproxy     {@code GOPROXY} as Go reads it: the variable, else {@code go env -w}'s file; empty when neither sets it
     * @param goproxyFrom where {@code goproxy} came from, for {@code jgvm mirror list}
     * @param gosumdb     {@code GOSUMDB}: {@code sum.golang.org} when unset
     */
    public record Go(String goproxy, GoproxyFrom goproxyFrom, String gosumdb) {
        public Go {
            Objects.requireNonNull(goproxy, "goproxy");
            Objects.requireNonNull(goproxyFrom, "goproxyFrom");
            Objects.requireNonNull(gosumdb, "gosumdb");
        }

        public static Go defaults() { return new Go("", GoproxyFrom.NOWHERE, "sum.golang.org"); }
    }

    /**
     * How jgvm talks to the terminal (see {@link SettingsLoader#console}).
     *
     * @param noColor          {@code NO_COLOR} is set
     * @param stderrIsTerminal the launcher saw a terminal on stderr ({@code JGVM_STDERR_TTY=1})
     * @param debug            stack traces with errors ({@code JGVM_DEBUG=1})
     */
    public record Console(boolean noColor, boolean stderrIsTerminal, boolean debug) {}

    /** Where {@code GOPROXY} was set. */
    public enum GoproxyFrom { ENVIRONMENT, GO_ENV_FILE, NOWHERE }

    /**
     * The platform override and what only the environment says about the machine.
     *
     * @param platform      {@code JGVM_PLATFORM} as written; checked by {@code PlatformDetector} when a platform is
     *                      needed, so that a bad value fails only the commands that install or list for one
     * @param processorArch on Windows, the native processor architecture ({@code PROCESSOR_ARCHITEW6432}, else
     *                      {@code PROCESSOR_ARCHITECTURE})
     */
    public record Host(Optional<String> platform, Optional<String> processorArch) {
        public static final Host NONE = new Host(Optional.empty(), Optional.empty());

        public Host {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(processorArch, "processorArch");
        }
    }

    /** One {@code [[mirror]]} table: the common keys, and the whole table for the source type to read. */
    public record MirrorConfig(String name, String type, String url, Map<String, Object> table) {
        public MirrorConfig { table = Map.copyOf(table); }
    }
}
