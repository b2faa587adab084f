package dev.jgvm.core.archive;

import dev.jgvm.core.download.Downloader;
import dev.jgvm.core.store.Staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Extracts a {@code .tar.gz} into a staging directory while it is still being downloaded (ARCHITECTURE.md, 'Invariants'): a thread
 * follows the {@code .partial} file as the {@link Downloader} announces its growth, so downloading, hashing,
 * inflating and writing files overlap. Nothing here decides trust: the caller publishes the staging directory only
 * after the whole download verified, and closes it (deleting everything extracted) otherwise.
 *
 * <p>When the server restarts the body from zero, what was extracted no longer matches the file, so the stream is
 * abandoned and {@link #finish} returns empty; the caller then extracts the finished file the ordinary way.
 */
public final class StreamedExtraction implements Downloader.Growth, AutoCloseable {
    private final Staging staging;
    private final Follower follower;
    private final Thread thread;
    private volatile ArchiveExtractor.Result result;
    private volatile Throwable failure;
    private boolean abandoned;

    public StreamedExtraction(ArchiveExtractor extractor, ArchiveExtractor.Layout layout, Path partial, Staging staging) {
        this.staging = staging;
        this.follower = new Follower(partial);
        this.thread = new Thread(() -> {
            try (Follower in = follower) {
                result = extractor.extractTarGz(in, layout, staging.dir());
            } catch (Throwable t) {
                failure = t;
            }
        }, "jgvm-extract");
        thread.setDaemon(true);
        thread.start();
    }

    /** The staging directory the archive is extracted into. */
    public Staging staging() { return staging; }

    @Override public void grew(long length) { follower.grew(length); }

    @Override public void restarted() {
        abandoned = true;
        stop();
    }

    /**
     * After the download finished: lets the extraction read to the end and waits for it.
     *
     * @return what was extracted; empty when the stream was abandoned (extract the file instead)
     * @throws IOException when the archive is not a readable tar.gz
     */
    public Optional<ArchiveExtractor.Result> finish() throws IOException {
        if (abandoned) return Optional.empty();
        follower.end();
        join();
        Throwable t = failure;
        if (t instanceof IOException e) throw e;
        if (t instanceof RuntimeException e) throw e;
        if (t instanceof Error e) throw e;
        return Optional.of(result);
    }

    /** Stops the extraction if it still runs and deletes the staging directory unless it was published. */
    @Override public void close() {
        stop();
        staging.close();
    }

    private void stop() {
        follower.cancel();
        thread.interrupt();
        join();
    }

    private void join() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Reads a file up to the length announced so far, waiting for more until the end is announced. */
    private static final class Follower extends InputStream {
        private final Path file;
        private FileChannel channel;  // guarded by this until the first read
        private IOException failure;  // guarded by this
        private long position;
        private long available;     // guarded by this
        private boolean ended;      // guarded by this
        private boolean cancelled;  // guarded by this

        Follower(Path file) { this.file = file; }

        synchronized void grew(long length) {
            if (length <= available || cancelled) return;
            if (channel == null) {
                // Opened here, on the downloading thread, while the file surely has this name: once verified it is
                // renamed into the cache, possibly before the extraction reads its first byte.
                try {
                    channel = FileChannel.open(file, StandardOpenOption.READ);
                } catch (IOException e) {
                    failure = e;
                }
            }
            available = length;
            notifyAll();
        }

        synchronized void end() {
            ended = true;
            notifyAll();
        }

        synchronized void cancel() {
            cancelled = true;
            notifyAll();
        }

        @Override public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            long limit;
            synchronized (this) {
                while (position >= available && !ended && !cancelled) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("the extraction was stopped");
                    }
                }
                if (cancelled) throw new InterruptedIOException("the extraction was stopped");
                if (failure != null) throw new IOException("cannot read '%s': %s".formatted(file.getFileName(), failure.getMessage()), failure);
                limit = available;
            }
            if (position >= limit) return -1;   // ended, and everything announced was read
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, limit - position)), position);
            if (n < 0) throw new IOException("'%s' is shorter than announced".formatted(file.getFileName()));
            position += n;
            return n;
        }

        @Override public void close() throws IOException {
            FileChannel c;
            synchronized (this) {
                c = channel;
            }
            if (c != null) c.close();
        }
    }
}
