package dev.jgvm.core.doctor;

import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.version.GoVersion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code arch}: each installed version's {@code bin/go}, read from its ELF, Mach-O or PE header, against the
 * machine's platform — an amd64 Go on an arm64 Mac runs under Rosetta, an armv6l Go on arm64 Linux is 32-bit, and
 * another system's binary does not run at all ({@link RosettaCheck} looks at the shell and the JVM).
 */
public final class ArchitectureCheck implements Check {
    @Override public List<Finding> examine(Situation s) {
        Platform machine = s.machine();
        List<String> failing = new ArrayList<>();
        List<String> translated = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        int read = 0;
        for (GoVersion v : s.store().installed()) {
            Path bin = s.store().goroot(v).resolve("bin");
            Path go = Files.isRegularFile(bin.resolve("go.exe")) ? bin.resolve("go.exe") : bin.resolve("go");
            Optional<ExecutableHeader> h = ExecutableHeader.read(go);
            if (h.isEmpty()) {
                if (!script(go)) unreadable.add(v.name());
                continue;
            }
            read++;
            ExecutableHeader e = h.get();
            if (e.os().equals(machine.os()) && e.arch().equals(machine.arch())) continue;
            String fix = "jgvm install --force --platform %s %s".formatted(machine, v.name());
            if (machine.os().equals("darwin") && e.os().equals("darwin") && machine.arch().equals("arm64") && e.arch().equals("amd64")) {
                translated.add("%s is darwin/amd64 and runs translated by Rosetta on this arm64 Mac".formatted(v.name()));
            } else {
                String what = e.arch().equals("arm") ? "linux/armv6l (32-bit ARM)" : e.toString();
                failing.add("%s's bin/go is built for %s, this machine is %s".formatted(v.name(), what, machine));
            }
            fixes.add(fix);
        }
        if (!failing.isEmpty()) {
            List<String> all = new ArrayList<>(failing);
            all.addAll(translated);
            return List.of(Finding.fail("arch", String.join("; ", all), "run '" + String.join("' and '", fixes) + "'"));
        }
        if (!translated.isEmpty()) {
            return List.of(Finding.warn("arch", String.join("; ", translated), "run '" + String.join("' and '", fixes) + "'"));
        }
        if (!unreadable.isEmpty()) {
            return List.of(Finding.warn("arch", "cannot tell what bin/go of %s is built for (not an ELF, Mach-O or PE file)".formatted(String.join(", ", unreadable)),
                    "run 'jgvm verify' and reinstall what it reports: 'jgvm install --force <version>'"));
        }
        return List.of(Finding.ok("arch", read == 0 ? "no installed Go binary to check against %s".formatted(machine)
                : "every installed bin/go is built for this machine (%s)".formatted(machine)));
    }

    private static boolean script(Path go) {
        try (var in = Files.newInputStream(go)) {
            byte[] b = in.readNBytes(2);
            return b.length == 2 && b[0] == '#' && b[1] == '!';
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
