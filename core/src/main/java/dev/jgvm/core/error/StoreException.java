package dev.jgvm.core.error;

/** The install store could not be read or written. */
public class StoreException extends JgvmException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, String hint) { super(message, hint); }

    public StoreException(String message, String hint, Throwable cause) { super(message, hint, cause); }

    @Override public ExitCode exitCode() { return ExitCode.FAILURE; }
}
