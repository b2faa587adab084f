package dev.jgvm.core.error;

/** A plugin could not be loaded or misbehaved. */
public class PluginException extends JgvmException {
    private static final long serialVersionUID = 1L;

    public PluginException(String message, String hint) { super(message, hint); }

    public PluginException(String message, String hint, Throwable cause) { super(message, hint, cause); }

    @Override public ExitCode exitCode() { return ExitCode.FAILURE; }
}
