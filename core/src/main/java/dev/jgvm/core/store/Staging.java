package dev.jgvm.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A staging directory under {@code tmp/} and the lock that marks it live. Closing it deletes the directory unless
 * it was published. If the JVM shuts down first (Ctrl-C, SIGTERM), a shutdown hook deletes it before the process
 * exits; if the process dies without one (SIGKILL), {@link InstallStore#sweepStaging()} deletes it later.
 */
public final class Staging implements AutoCloseable {
    private final Path dir;
    private final StoreLock lock;
    private boolean published;

    private final Thread onShutdown;

    Staging(Path dir, StoreLock lock) {
        this.dir = dir;
        this.lock = lock;
        this.onShutdown = new Thread(this::discardAtShutdown, "jgvm-staging-cleanup");
        Runtime.getRuntime().addShutdownHook(onShutdown);
    }

    public Path dir() { return dir; }

    void published() { published = true; }

    @Override public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) instead
        }
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

    // Other threads may still be extracting into the directory while the JVM shuts down: move it aside so nothing
    // new lands in it, delete it, and delete again whatever a writer recreated meanwhile, until it stays gone.
    private void discardAtShutdown() {
        if (published) return;
        Path parent = dir.getParent();
        for (int round = 0; round < 50; round++) {
            try {
                if (Files.exists(dir)) {
                    Path aside = parent.resolve("trash-" + dir.getFileName());
                    try {
                        Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
                        InstallStore.deleteTree(aside);
                    } catch (IOException e) {
                        InstallStore.deleteTree(dir);
                    }
                }
                Thread.sleep(20);
                if (!Files.exists(dir)) break;
            } catch (IOException e) {
                // a writer changed the tree under the walk: go round again
            } catch (InterruptedException e) {
                break;
            }
        }
        try {
            Files.deleteIfExists(lock.file());
        } catch (IOException e) {
            // the sweeper removes a lock file nobody holds
        }
    }
}
