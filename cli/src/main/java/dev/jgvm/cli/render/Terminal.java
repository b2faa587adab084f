package dev.jgvm.cli.render;

import java.io.PrintWriter;

/**
 * All of jgvm's output. stdout carries only the answer (paths, versions, lists, {@code --json}); every other line
 * goes to stderr and starts with {@code info:}, {@code warn:}, {@code error:} or {@code hint:} (ARCHITECTURE.md, 'Invariants').
 * {@code --quiet} drops info lines, {@code --verbose} adds detail lines; colour only when stderr is a terminal and
 * neither {@code --no-color} nor {@code NO_COLOR} is set. With {@code --json} each stderr line is a JSON object
 * ({@code {"event":"warn","message":...}}), like the progress events.
 */
public final class Terminal {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Settings settings;

    /** The global output options. Mutable: picocli sets them while parsing, before any command runs. */
    public static final class Settings {
        public boolean json;
        public boolean quiet;
        public boolean verbose;
        public boolean noColor;
        public boolean stderrIsTerminal;
    }

    public Terminal(PrintWriter out, PrintWriter err, Settings settings) {
        this.out = out;
        this.err = err;
        this.settings = settings;
    }

    /** stdout, for the answer only. */
    public PrintWriter out() { return out; }

    /** stderr, for anything drawn directly (progress). */
    public PrintWriter err() { return err; }

    public boolean json() { return settings.json; }

    public boolean quiet() { return settings.quiet; }

    public boolean verbose() { return settings.verbose; }

    public boolean stderrIsTerminal() { return settings.stderrIsTerminal; }

    public void info(String message) { if (!settings.quiet) line("info", message, "36"); }

    /**
     * An info line that {@code --quiet} does not drop: what the user must see before jgvm acts on it, such as the keys an
     * import would trust.
     */
    public void notice(String message) { line("info", message, "36"); }

    public void warn(String message) { line("warn", message, "33"); }

    public void error(String message) { line("error", message, "31"); }

    public void hint(String message) { line("hint", message, "32"); }

    /** A detail line shown only with {@code --verbose}. */
    public void detail(String message) { if (settings.verbose) line("info", message, "2"); }

    /**
     * The text with every control character (C0 but tab, DEL, C1) written as {@code \xNN}: values that come from version files,
     * mirror listings or archive names cannot move the cursor, set the window title or clear the screen.
     */
    public static String printable(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f;
            if (control && b == null) b = new StringBuilder(s.length() + 8).append(s, 0, i);
            if (control) b.append("\\x%02x".formatted((int) c));
            else if (b != null) b.append(c);
        }
        return b == null ? s : b.toString();
    }

    private void line(String label, String message, String color) {
        if (settings.json) {
            // --json: stderr is a stream of events too, one JSON object per line.
            com.google.gson.JsonObject o = new com.google.gson.JsonObject();
            o.addProperty("event", label);
            o.addProperty("message", message);
            err.println(o);
            err.flush();
            return;
        }
        boolean colored = settings.stderrIsTerminal && !settings.noColor;
        err.println((colored ? "\u001b[" + color + "m" + label + ":\u001b[0m " : label + ": ") + printable(message));
        err.flush();
    }
}
