package dev.jgvm.core.error;

/** A lock could not be taken within the bounded wait; the message names the lock file. */
public class BusyException extends JgvmException {
    private static final long serialVersionUID = 1L;

    public BusyException(String message, String hint) { super(message, hint); }

    public BusyException(String message, String hint, Throwable cause) { super(message, hint, cause); }

    @Override public ExitCode exitCode() { return ExitCode.BUSY; }
}
