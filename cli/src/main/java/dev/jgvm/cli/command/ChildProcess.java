package dev.jgvm.cli.command;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child as {@code exec} would replace the process if Java could: jgvm waits for it and exits with its status,
 * and SIGINT, SIGTERM and SIGHUP sent to jgvm are passed on to the child instead of ending jgvm first. Should jgvm end
 * anyway (any other way the JVM shuts down), the child is terminated with it, never left running.
 */
final class ChildProcess {
    private static final List<String> FORWARDED = List.of("INT", "TERM", "HUP");

    private ChildProcess() {}

    /** Starts the child and returns its exit status (128 + the signal's number when a signal ended it). */
    static int run(ProcessBuilder pb) throws IOException, InterruptedException {
        // The handlers are in place before the child starts: a signal that comes meanwhile is passed on once it runs.
        Object lock = new Object();
        Process[] started = new Process[1];
        List<String> pending = new ArrayList<>();
        List<Restore> restore = new ArrayList<>();
        for (String name : FORWARDED) {
            try {
                Signal sig = new Signal(name);
                restore.add(new Restore(sig, Signal.handle(sig, s -> {
                    synchronized (lock) {
                        if (started[0] == null) pending.add(name); else forward(started[0], name);
                    }
                })));
            } catch (IllegalArgumentException unsupported) {
                // a signal this platform does not have (Windows): the JVM's default stays
            }
        }
        Thread reaper = null;
        try {
            Process child = pb.start();
            reaper = new Thread(() -> stop(child), "exec-child-reaper");
            Runtime.getRuntime().addShutdownHook(reaper);
            synchronized (lock) {
                started[0] = child;
                for (String name : pending) forward(child, name);
            }
            return child.waitFor();
        } finally {
            for (Restore r : restore) Signal.handle(r.signal(), r.previous());
            if (reaper != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(reaper);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or has run
                }
            }
        }
    }

    private record Restore(Signal signal, SignalHandler previous) {}

    // A terminal's Ctrl-C reaches the child directly too (same process group); a signal sent to jgvm alone must be
    // passed on, or the child would outlive it.
    private static void forward(Process child, String name) {
        if (!child.isAlive()) return;
        if (name.equals("TERM")) {
            child.destroy();
            return;
        }
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(child.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            child.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(Process child) {
        if (!child.isAlive()) return;
        child.destroy();
        try {
            if (!child.waitFor(5, TimeUnit.SECONDS)) child.destroyForcibly();
        } catch (InterruptedException e) {
            child.destroyForcibly();
        }
    }
}
