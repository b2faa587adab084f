package dev.jgvm.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A staging directory under {@code tmp/} and the lock that marks it live. Closing it deletes the directory unless
 * it was published; if the process dies instead, {@link InstallStore#sweepStaging()} deletes it later.
 */
public final class Staging implements AutoCloseable {
    private final Path dir;
    private final StoreLock lock;
    private boolean published;

    Staging(Path dir, StoreLock lock) {
        this.dir = dir;
        this.lock = lock;
    }

    public Path dir() { return dir; }

    void published() { published = true; }

    @Override public void close() {
        try {
            if (!published) InstallStore.deleteTree(dir);
        } catch (IOException e) {
            // Left for the sweeper: the lock is released below, so the next sweep deletes it.
        } finally {
            lock.close();
            try {
                Files.deleteIfExists(lock.file());
            } catch (IOException e) {
                // a stale lock file is harmless
            }
        }
    }
}
