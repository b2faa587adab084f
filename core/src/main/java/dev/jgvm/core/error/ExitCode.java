package dev.jgvm.core.error;

/** The process exit codes jgvm promises (README, 'Output and exit codes'). */
public enum ExitCode {
    OK(0), FAILURE(1), USAGE(2), NOT_FOUND(3), VERIFICATION_FAILED(4), NETWORK(5), BUSY(6),
    /** A shim found no version or no command; used by the shims, listed here so both sides agree. */
    SHIM_NOT_FOUND(127),
    /** A bug: an exception jgvm did not expect. */
    INTERNAL(70);

    private final int code;

    ExitCode(int code) { this.code = code; }

    public int code() { return code; }
}
