package dev.jgvm.core.event;

import dev.jgvm.core.verify.Evidence;

import java.nio.file.Path;

/**
 * How core reports progress; core never prints. Every method has a no-op default, so a listener implements only
 * what it shows. Called on the thread doing the work; implementations must be quick.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {};

    /** A step begins: a short lower-case phrase such as "extracting go1.22.5.linux-amd64.tar.gz". */
    default void step(String what) {}

    /** Bytes of {@code total} (or -1 when unknown) have been read so far. */
    default void bytesReceived(long soFar, long total) {}

    /** The archive was proven genuine by this evidence. */
    default void verified(Evidence evidence) {}

    /** A fact the user should see without {@code --verbose}, such as whose listing decided a version ({@code info:} lines). */
    default void notice(String message) {}

    /** Something the user should know but that does not stop the work ({@code warn:} lines). */
    default void warning(String message) {}

    /**
     * A source's bytes or evidence were refused; a security failure is never hidden, even when the chain goes on to
     * the next source ({@code error:} lines).
     */
    default void rejected(String source, String message) {}

    /** A source could not serve the request (not there, unreachable); the chain goes on ({@code --verbose} lines). */
    default void skipped(String source, String message) {}

    /** A version was published at {@code goroot}. */
    default void published(String version, Path goroot) {}
}
