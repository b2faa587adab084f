package dev.jgvm.core.error;

import java.util.Optional;

/**
 * The root of every error jgvm reports to a user. Each subclass knows its {@link ExitCode}; the message is one
 * line in lower case without a final period, and the optional hint says what to do next.
 */
public abstract class JgvmException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    protected JgvmException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    protected JgvmException(String message, String hint) { this(message, hint, null); }

    public abstract ExitCode exitCode();

    public Optional<String> hint() { return Optional.ofNullable(hint); }
}
