package dev.jgvm.core.store;

import dev.jgvm.core.error.StoreException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A write to the local disk failed (full, read-only, no permission): not a broken archive and not the network.
 * Thrown by the code that writes (extraction, downloads) so that callers can tell it from a failed read, and turned
 * into a {@link StoreException} naming the path with {@link #toStoreException()}.
 */
public final class DiskWriteException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path path;

    public DiskWriteException(Path path, IOException cause) {
        super("cannot write '%s': %s".formatted(path, reason(cause)), cause);
        this.path = path;
    }

    public Path path() { return path; }

    /** The disk error somewhere in a chain of causes, if there is one. */
    public static Optional<DiskWriteException> in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DiskWriteException d) return Optional.of(d);
        }
        return Optional.empty();
    }

    /** The error a user sees (exit 1): the path, the system's reason, and what to do. */
    public StoreException toStoreException() {
        boolean full = String.valueOf(getCause().getMessage()).contains("No space left");
        return new StoreException(getMessage(), full
                ? "free space on the disk that holds it and run the command again; nothing was installed"
                : "check that it is writable and run the command again; nothing was installed", this);
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        if (m == null) return e.getClass().getSimpleName();
        // FileOutputStream says "<path> (No space left on device)"; keep the reason only.
        int open = m.lastIndexOf(" (");
        return open >= 0 && m.endsWith(")") ? m.substring(open + 2, m.length() - 1) : m;
    }
}
