package dev.jgvm.core.doctor;

import java.util.List;

/** One part of {@code jgvm doctor}. Implementations only read; they never change anything. */
public interface Check {
    /** The findings for this situation, one per stable id this check owns. */
    List<Finding> examine(Situation s);
}
