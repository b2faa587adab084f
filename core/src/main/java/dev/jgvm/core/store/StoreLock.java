package dev.jgvm.core.store;

import dev.jgvm.core.error.BusyException;
import dev.jgvm.core.error.StoreException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * An exclusive lock on {@code locks/<name>.lock}, held through {@link FileChannel#lock()} semantics so that the
 * operating system releases it when the process dies, even by SIGKILL. Taken with a bounded wait; close it to
 * release (try-with-resources). Not reentrant: a second lock of the same file in one process waits like any other.
 */
public final class StoreLock implements AutoCloseable {
    private static final long POLL_MILLIS = 50;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private final Runnable onClose;

    private StoreLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.onClose = null;
    }

    private StoreLock(Path file, Runnable onClose) {
        this.file = file;
        this.channel = null;
        this.lock = null;
        this.onClose = onClose;
    }

    /** A lock already held by an enclosing {@code StoreLock} of this process; closing it only runs {@code onClose}. */
    static StoreLock nested(Path file, Runnable onClose) { return new StoreLock(file, onClose); }

    /**
     * Takes the lock, waiting at most {@code wait}.
     *
     * @throws BusyException when another holder keeps it longer (exit 6), naming the file
     */
    public static StoreLock acquire(Path file, Duration wait) {
        try {
            Files.createDirectories(file.getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                FileLock l = null;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException held) {
                    // Another thread of this JVM holds it: wait as for another process.
                }
                if (l != null) return new StoreLock(file, ch, l);
                if (System.nanoTime() > deadline) {
                    ch.close();
                    throw new BusyException("another jgvm is working on the same thing; could not lock '%s' within %ds"
                            .formatted(file, Math.max(1, wait.toSeconds())),
                            "wait for the other jgvm command to finish and run this one again");
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            throw new StoreException("cannot lock '%s': %s".formatted(file, e.getMessage()), "check that JGVM_HOME is writable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException("interrupted while waiting for '%s'".formatted(file), null);
        }
    }

    /** Takes the lock only if it is free now; empty when someone holds it. */
    public static java.util.Optional<StoreLock> tryAcquire(Path file) {
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException held) {
                l = null;
            }
            if (l == null) {
                ch.close();
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new StoreLock(file, ch, l));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    public Path file() { return file; }

    @Override public void close() {
        if (onClose != null) {
            onClose.run();
            return;
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Closing the channel releases the lock in every case; nothing else to undo.
        }
    }
}
