package dev.jgvm.core.doctor;

/** A fix safe enough for {@code jgvm doctor --fix} to apply without asking: it only rewrites what jgvm owns. */
public enum Repair {
    /** Regenerate shims and aliases ({@code jgvm rehash}), which also removes stale shims. */
    REHASH("regenerated shims and aliases (jgvm rehash)"),
    /** Create the directories of {@code JGVM_HOME} that are missing. */
    CREATE_DIRECTORIES("created the missing directories of JGVM_HOME"),
    /** Train the JVM start-up cache for the JDK the launcher uses. */
    RETRAIN("trained the start-up cache for this JDK");

    private final String done;

    Repair(String done) { this.done = done; }

    /** What was done, for the report. */
    public String done() { return done; }
}
