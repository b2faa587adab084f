package dev.jgvm.core.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The processes running from a GOROOT: its {@code bin/go}, a tool under {@code pkg/tool/}, or an interpreter given a
 * file in it. Uninstall asks before removing a tree a running {@code go} still reads from. What the operating system
 * lets this user see (on Linux, {@code /proc}); another user's processes may stay invisible. Thread-safe.
 */
public final class GorootProcesses {
    private static final long POLL_MILLIS = 100;

    private GorootProcesses() {}

    /** The live processes, other than this one, whose executable or an argument lies under {@code goroot}. */
    public static List<ProcessHandle> of(Path goroot) {
        String prefix = goroot.toAbsolutePath().normalize() + "/";
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && p.isAlive())
                .filter(p -> {
                    ProcessHandle.Info info = p.info();
                    if (info.command().filter(c -> c.startsWith(prefix)).isPresent()) return true;
                    return info.arguments().map(args -> java.util.Arrays.stream(args).anyMatch(a -> a.startsWith(prefix))).orElse(false);
                })
                .toList();
    }

    /** A short description of a process for messages: its pid and command line. */
    public static String describe(ProcessHandle p) {
        return "%d (%s)".formatted(p.pid(), p.info().commandLine().orElse(p.info().command().orElse("?")));
    }

    /**
     * Waits until no process runs from {@code goroot}, at most {@code wait}; {@code waitingFor} hears of each process
     * the first time it is waited for. Returns true when none is left.
     */
    public static boolean awaitNone(Path goroot, Duration wait, Consumer<ProcessHandle> waitingFor) throws InterruptedException {
        return awaitNone(GorootProcesses::of, goroot, wait, waitingFor);
    }

    /** {@link #awaitNone(Path, Duration, Consumer)} with {@code users} telling who runs from a GOROOT (a stand-in in tests). */
    public static boolean awaitNone(java.util.function.Function<Path, List<ProcessHandle>> users, Path goroot, Duration wait,
                                    Consumer<ProcessHandle> waitingFor) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        java.util.Set<Long> told = new java.util.HashSet<>();
        while (true) {
            List<ProcessHandle> running = users.apply(goroot);
            if (running.isEmpty()) return true;
            for (ProcessHandle p : running) if (told.add(p.pid())) waitingFor.accept(p);
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(POLL_MILLIS);
        }
    }
}
