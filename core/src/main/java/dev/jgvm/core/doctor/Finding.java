package dev.jgvm.core.doctor;

import java.util.Objects;
import java.util.Optional;

/**
 * One result of a check.
 *
 * @param id      stable identifier ({@code path}, {@code goroot}, {@code gotoolchain}, ...), for {@code --json} and scripts
 * @param status  ok, warn or fail
 * @param finding one line: what was found
 * @param fix     one line: the concrete fix (a command or a config line); empty when there is nothing to do
 * @param repair  the safe fix {@code --fix} applies, when there is one
 */
public record Finding(String id, Status status, String finding, String fix, Optional<Repair> repair) {
    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(repair, "repair");
    }

    public static Finding ok(String id, String finding) { return new Finding(id, Status.OK, finding, "", Optional.empty()); }

    public static Finding warn(String id, String finding, String fix) { return new Finding(id, Status.WARN, finding, fix, Optional.empty()); }

    public static Finding fail(String id, String finding, String fix) { return new Finding(id, Status.FAIL, finding, fix, Optional.empty()); }

    /** The same finding, with a safe fix {@code --fix} can apply. */
    public Finding repairedBy(Repair r) { return new Finding(id, status, finding, fix, Optional.of(r)); }
}
