package dev.jgvm.cli.render;

import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.JgvmException;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The one place errors become output and exit codes: {@code error: ...} and {@code hint: ...} on stderr. A stack
 * trace only with {@code JGVM_DEBUG=1} ({@code --verbose} explains the work, it does not dump traces); an exception that is not a {@link JgvmException} is a
 * bug and exits {@link ExitCode#INTERNAL}.
 */
public final class ErrorReporter {
    private final Terminal terminal;
    private final boolean debug;

    public ErrorReporter(Terminal terminal, boolean debug) {
        this.terminal = terminal;
        this.debug = debug;
    }

    public int report(Throwable t) {
        if (t instanceof JgvmException e) {
            terminal.error(e.getMessage());
            e.hint().ifPresent(terminal::hint);
            if (debug) trace(t);
            return e.exitCode().code();
        }
        terminal.error("internal error: " + t);
        terminal.hint("this is a bug in jgvm; run again with JGVM_DEBUG=1 and report the output");
        if (debug) trace(t);
        return ExitCode.INTERNAL.code();
    }

    private void trace(Throwable t) {
        StringWriter s = new StringWriter();
        t.printStackTrace(new PrintWriter(s));
        terminal.err().print(s);
        terminal.err().flush();
    }
}
