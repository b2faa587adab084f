package dev.jgvm.cli;

import dev.jgvm.core.env.Env;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs jgvm in process with its own {@link Env}, capturing stdout, stderr and the exit code. */
public final class Cli {
    private final Env env;

    private Cli(Env env) { this.env = env; }

    public static Cli inProcess(Env env) { return new Cli(env); }

    public CliResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(env, new PrintWriter(out), new PrintWriter(err), args);
        return new CliResult(code, out.toString(), err.toString());
    }

    /** What one run printed and returned. */
    public record CliResult(int exitCode, String out, String err) {
        @Override public String toString() { return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err; }
    }
}
