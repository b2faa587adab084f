package dev.jgvm.core.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The real machine: JVM properties, the kernel's machine name and the Rosetta flag. Queried lazily. */
public final class SystemMachine implements PlatformDetector.Machine {
    @Override public String osName() { return System.getProperty("os.name", ""); }

    @Override public String jvmArch() { return System.getProperty("os.arch", ""); }

    @Override public Optional<String> kernelMachine() {
        if (osName().toLowerCase(Locale.ROOT).startsWith("windows")) return Optional.empty();
        Path arch = Path.of("/proc/sys/kernel/arch"); // Linux 6.1+: uname -m without a process
        try {
            if (Files.isReadable(arch)) return Optional.of(Files.readString(arch).strip()).filter(s -> !s.isEmpty());
        } catch (IOException e) {
            // fall through to uname
        }
        return run("uname", "-m");
    }

    @Override public boolean translatedByRosetta() {
        // sysctl started from a translated JVM runs translated too and says so; an x86_64 JVM on a Mac that has arm64
        // is translated whatever sysctl.proc_translated says.
        if (!osName().toLowerCase(Locale.ROOT).startsWith("mac")) return false;
        return run("sysctl", "-n", "sysctl.proc_translated").map("1"::equals).orElse(false)
                || PlatformDetector.arch(jvmArch()).equals("amd64") && run("sysctl", "-n", "hw.optional.arm64").map("1"::equals).orElse(false);
    }

    private static Optional<String> run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) return Optional.empty();
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
