package dev.jgvm.core.error;

/** A malformed configuration file or setting (exit 2, naming the file, line and key). */
public class ConfigException extends JgvmException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message, String hint) { super(message, hint); }

    public ConfigException(String message, String hint, Throwable cause) { super(message, hint, cause); }

    @Override public ExitCode exitCode() { return ExitCode.USAGE; }
}
