package dev.jgvm.cli.render;

/** A one-line download bar on stderr, drawn only when stderr is a terminal and --quiet is off (ARCHITECTURE.md, 'Invariants'). */
final class ProgressBar {
    private final Terminal t;
    private long lastDraw;
    private boolean drawn;

    ProgressBar(Terminal t) { this.t = t; }

    void update(long soFar, long total) {
        if (!t.stderrIsTerminal() || t.quiet()) return;
        long now = System.nanoTime();
        if (drawn && now - lastDraw < 100_000_000L && soFar != total) return;
        lastDraw = now;
        drawn = true;
        String size = "%.1f MiB".formatted(soFar / 1048576.0);
        if (total > 0) {
            int pct = (int) Math.min(100, soFar * 100 / total);
            int width = 30;
            int filled = pct * width / 100;
            t.err().print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + pct + "% " + size + "   ");
        } else {
            t.err().print("\r" + size + "   ");
        }
        t.err().flush();
    }

    void finish() {
        if (!drawn) return;
        drawn = false;
        t.err().print("\r" + " ".repeat(60) + "\r");
        t.err().flush();
    }
}
