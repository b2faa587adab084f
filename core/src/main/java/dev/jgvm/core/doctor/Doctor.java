package dev.jgvm.core.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every check of {@code jgvm doctor} in a fixed order and collects their findings. A check that breaks on
 * something unexpected becomes a {@code warn} finding of its own instead of ending the diagnosis.
 */
public final class Doctor {
    private final List<Check> checks;

    public Doctor(List<Check> checks) { this.checks = List.copyOf(checks); }

    /**
     * Every check, in the order the report lists them.
     *
     * @param detected the machine's own platform (the situation's {@code machine} is the one jgvm installs for)
     */
    public static Doctor standard(java.util.Optional<dev.jgvm.core.platform.Platform> detected) {
        return new Doctor(List.of(new PathCheck(), new GoEnvCheck(), new ToolchainCheck(), new VersionFileCheck(), new PlatformCheck(detected),
                new ArchitectureCheck(), new RosettaCheck(), new CgoCheck(), new ShimCheck(), new MirrorCheck(), new HomeCheck(), new JdkCheck()));
    }

    public List<Finding> examine(Situation s) {
        List<Finding> out = new ArrayList<>();
        for (Check c : checks) {
            try {
                out.addAll(c.examine(s));
            } catch (RuntimeException e) {
                String name = c.getClass().getSimpleName().replace("Check", "").toLowerCase(java.util.Locale.ROOT);
                out.add(Finding.warn(name, "the check could not run: " + e, "run 'jgvm doctor -v' and report it"));
            }
        }
        return out;
    }

    /** Exit 1 when anything failed, else 0 (warnings allowed). */
    public static int exitCode(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.status() == Status.FAIL) ? 1 : 0;
    }
}
