package dev.jgvm.core.doctor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code rosetta} (macOS only): on an Apple silicon Mac ({@code sysctl -n hw.optional.arm64} is 1), whether the shell
 * jgvm was started from, or jgvm's own JVM, runs translated by Rosetta 2. The launcher asks {@code sysctl -n
 * sysctl.proc_translated} from the shell's side before it starts Java (a program started from a translated process runs
 * translated too, so sysctl answers for that shell) and passes the answer in {@link #SHELL_VARIABLE}; the JVM is
 * translated when its {@code os.arch} is x86_64 on that Mac, or when sysctl answers 1 from the JVM's side. Both run
 * through PATH, as every program doctor starts, so a test can stand in for them.
 */
public final class RosettaCheck implements Check {
    /** Set by the launcher for {@code doctor}: what {@code sysctl -n sysctl.proc_translated} printed in the user's shell. */
    public static final String SHELL_VARIABLE = "_JGVM_SHELL_ROSETTA";

    @Override public List<Finding> examine(Situation s) {
        if (!s.machine().os().equals("darwin")) return List.of();
        Optional<String> arm64 = sysctl(s, "hw.optional.arm64");
        if (arm64.isEmpty()) {
            return List.of(Finding.warn("rosetta", "cannot tell whether this Mac is Apple silicon: 'sysctl -n hw.optional.arm64' did not answer",
                    "put /usr/sbin on PATH (sysctl lives there) and run 'jgvm doctor' again"));
        }
        if (!arm64.get().equals("1")) return List.of(Finding.ok("rosetta", "an Intel Mac: nothing runs translated by Rosetta"));
        boolean shell = s.env().get(SHELL_VARIABLE).filter("1"::equals).isPresent();
        String arch = s.jdk().arch();
        boolean jvm = arch.equals("x86_64") || arch.equals("amd64") || sysctl(s, "sysctl.proc_translated").filter("1"::equals).isPresent();
        List<String> found = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        if (shell) {
            found.add("the shell that started jgvm runs translated by Rosetta (as x86_64) on this arm64 Mac, so the universal"
                    + " programs it starts run as x86_64 too (clang for cgo, make, git)");
            fixes.add("open a terminal that does not use Rosetta (the terminal app's Get Info: untick 'Open using Rosetta'),"
                    + " or start a native shell with 'arch -arm64 /bin/zsh -l'");
        }
        if (jvm) {
            found.add("jgvm's JVM ('%s', os.arch %s) runs translated by Rosetta on this arm64 Mac, so every jgvm command that starts Java is slower"
                    .formatted(s.jdk().home(), arch));
            fixes.add("install an arm64 JDK 17+ (for example 'brew install openjdk@21' with Homebrew in /opt/homebrew) and point JAVA_HOME at it");
        }
        if (found.isEmpty()) {
            return List.of(Finding.ok("rosetta", "neither the shell that started jgvm nor jgvm's JVM runs translated by Rosetta on this arm64 Mac"));
        }
        return List.of(Finding.warn("rosetta", String.join("; ", found), String.join("; ", fixes)));
    }

    // sysctl from PATH (macOS keeps it in /usr/sbin, which a trimmed PATH may lack); empty when it does not answer.
    private static Optional<String> sysctl(Situation s, String name) {
        Optional<Path> program = s.onPath("sysctl").or(() -> s.onPath("/usr/sbin/sysctl"));
        if (program.isEmpty()) return Optional.empty();
        return Programs.run(s.env(), Duration.ofSeconds(5), List.of(program.get().toString(), "-n", name))
                .filter(r -> r.exit() == 0).map(r -> r.output().strip()).filter(o -> !o.isEmpty());
    }
}
