package dev.jgvm.core.platform;

import dev.jgvm.core.error.UsageException;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides which platform's Go to install on this machine (README, 'Which version a directory uses'). {@code JGVM_PLATFORM} overrides everything.
 * Otherwise the operating system's own view wins over the JVM's: on Linux the kernel's machine name
 * ({@code uname -m}), so a 32-bit JVM on a 64-bit kernel still gets a 64-bit Go; on macOS arm64 when the JVM runs
 * translated by Rosetta; on Windows the native processor architecture even from a 32-bit (WOW64) JVM.
 */
public final class PlatformDetector {
    /** What the detector reads from the machine; tests supply their own. */
    public interface Machine {
        /** The JVM's {@code os.name}. */
        String osName();

        /** The JVM's {@code os.arch} (the JVM's own bitness, not the OS's). */
        String jvmArch();

        /** The kernel's machine name ({@code uname -m}) on Unix, if it can be read. */
        Optional<String> kernelMachine();

        /** True on macOS when this process runs translated by Rosetta 2 ({@code sysctl.proc_translated}). */
        boolean translatedByRosetta();
    }

    private final Supplier<Machine> machine;
    private final Optional<String> variable;
    private final Optional<String> processorArch;

    /**
     * @param machine       read only when the platform has to be detected
     * @param variable      {@code JGVM_PLATFORM} as written, when set
     * @param processorArch on Windows, the native processor architecture the environment names, when it does
     */
    public PlatformDetector(Supplier<Machine> machine, Optional<String> variable, Optional<String> processorArch) {
        this.machine = machine;
        this.variable = variable;
        this.processorArch = processorArch;
    }

    /**
     * The platform to use: the override ({@code --platform}), when given, else {@code JGVM_PLATFORM}, else the detected
     * one. An override must name an operating system and architecture Go knows.
     *
     * @throws UsageException (exit 2) naming {@code --platform} or {@code JGVM_PLATFORM} when its value is not one
     */
    public Platform platform(Optional<String> override) {
        if (override.isPresent()) return known(override.get(), "--platform");
        if (variable.isPresent()) return known(variable.get(), "JGVM_PLATFORM");
        return detected();
    }

    /** The machine's own platform, whatever {@code JGVM_PLATFORM} says. */
    public Platform detected() { return detect(processorArch, machine.get()); }

    // Go's ports ('go tool dist list'), with armv6l, the archive's spelling of linux/arm.
    private static final java.util.Set<String> GOOS = java.util.Set.of("aix", "android", "darwin", "dragonfly", "freebsd", "illumos",
            "ios", "js", "linux", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows");
    private static final java.util.Set<String> GOARCH = java.util.Set.of("386", "amd64", "arm", "arm64", "loong64", "mips", "mips64",
            "mips64le", "mipsle", "ppc64", "ppc64le", "riscv64", "s390x", "wasm");

    private static Platform known(String text, String where) {
        Platform p;
        try {
            p = Platform.parse(text);
        } catch (UsageException e) {
            p = null;
        }
        if (p == null || !GOOS.contains(p.os()) || !GOARCH.contains(p.arch())) {
            throw new UsageException("%s '%s' is not a platform Go supports".formatted(where, text),
                    "write it as GOOS/GOARCH, for example linux/amd64, darwin/arm64 or windows/386");
        }
        return p;
    }

    static Platform detect(Optional<String> processorArch, Machine m) {
        String name = m.osName().toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            // A 32-bit JVM on 64-bit Windows sees PROCESSOR_ARCHITECTURE=x86 and the native one in the W6432 variable.
            String arch = processorArch.orElse(m.jvmArch());
            return new Platform("windows", arch(arch));
        }
        String os = name.startsWith("mac") || name.startsWith("darwin") ? "darwin"
                : name.startsWith("linux") ? "linux"
                : name.replace(" ", "");
        String arch = arch(m.kernelMachine().orElse(m.jvmArch()));
        // An x86_64 JVM under Rosetta sees an x86_64 kernel too; the machine itself is Apple silicon.
        if (os.equals("darwin") && arch.equals("amd64") && m.translatedByRosetta()) arch = "arm64";
        try {
            return new Platform(os, arch);
        } catch (UsageException e) {
            throw new UsageException("cannot tell which Go runs on this machine ('%s', '%s')".formatted(m.osName(), arch),
                    "set JGVM_PLATFORM or pass --platform, for example --platform linux/amd64");
        }
    }

    /** Maps machine and JVM architecture names to GOARCH. */
    static String arch(String raw) {
        String a = raw.strip().toLowerCase(Locale.ROOT);
        return switch (a) {
            case "x86_64", "amd64", "x64", "em64t" -> "amd64";
            case "aarch64", "arm64", "armv8", "armv8l" -> "arm64";
            case "i386", "i486", "i586", "i686", "x86", "386", "i86pc" -> "386";
            case "armv6l", "armv7l", "armv7", "armv6", "arm", "armhf", "armel" -> "arm";
            case "ppc64le", "powerpc64le" -> "ppc64le";
            case "ppc64", "powerpc64" -> "ppc64";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            case "loongarch64", "loong64" -> "loong64";
            case "mips64" -> "mips64";
            case "mips64el", "mips64le" -> "mips64le";
            default -> a;
        };
    }
}
