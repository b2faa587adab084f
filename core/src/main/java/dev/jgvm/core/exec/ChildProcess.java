package dev.jgvm.core.exec;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import dev.jgvm.core.error.StoreException;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child as {@code exec} would replace the process if Java could: jgvm waits for it and exits with its status,
 * and SIGINT, SIGTERM and SIGHUP sent to jgvm are passed on to the child instead of ending jgvm first. Should jgvm end
 * anyway (any other way the JVM shuts down), the child is terminated with it, never left running. This is how
 * {@code jgvm exec} (and the Windows shims through it) run a command.
 */
public final class ChildProcess {
    private static final List<String> FORWARDED = List.of("INT", "TERM", "HUP");

    private ChildProcess() {}

    /**
     * Runs {@code command} (its first element already a path, see {@link ToolLookup#onChildPath}) with exactly the
     * environment {@code env}, in {@code cwd}, and returns its exit status.
     *
     * @param inheritIo true when jgvm runs as a real process: the child then gets jgvm's own stdin, stdout and stderr,
     *                  so its bytes pass through untouched; false in process (tests), where its output is copied into
     *                  {@code out} and {@code err} and its stdin is empty
     * @throws StoreException when the program cannot be started
     */
    public static int run(List<String> command, Map<String, String> env, Path cwd, boolean inheritIo, PrintWriter out, PrintWriter err) {
        ProcessBuilder pb = new ProcessBuilder(command);
        // ProcessBuilder takes the directory as text: a name that is not UTF-8 (kept as bytes by Env) would turn into
        // another, absent directory. Such a cwd is always this process's own, which the child inherits anyway.
        if (Files.isDirectory(Path.of(cwd.toString()))) pb.directory(cwd.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            if (inheritIo) return run(pb.inheritIO());
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            Thread errPump = pump(p.getErrorStream(), err);
            pumpInto(p.getInputStream(), out);
            errPump.join();
            return p.waitFor();
        } catch (IOException e) {
            throw new StoreException("cannot run '%s': %s".formatted(command.get(0), e.getMessage()), "check that it is an executable program");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

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

    private static Thread pump(InputStream in, PrintWriter to) {
        Thread t = new Thread(() -> pumpInto(in, to), "exec-stderr");
        t.start();
        return t;
    }

    // In process (tests) there are only writers: a decoder that keeps state across reads, so a character split
    // between two reads stays whole.
    private static void pumpInto(InputStream in, PrintWriter to) {
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            char[] buf = new char[8192];
            for (int n; (n = r.read(buf)) > 0; ) {
                synchronized (to) {
                    to.write(buf, 0, n);
                    to.flush();
                }
            }
        } catch (IOException e) {
            // the child closed its end
        }
    }
}
