package dev.jgvm.core.doctor;

import java.util.Locale;

/** How a check came out: {@code ok}, {@code warn} (works, but likely not as meant) or {@code fail} (broken). */
public enum Status {
    OK, WARN, FAIL;

    /** The lower-case word printed and put in {@code --json}. */
    public String text() { return name().toLowerCase(Locale.ROOT); }

    /** The worse of two statuses. */
    public Status worst(Status other) { return other.ordinal() > ordinal() ? other : this; }
}
