package dev.jgvm.core.transport;

import java.time.Duration;

/**
 * How often an idempotent request is asked again, and how long to wait in between: jgvm's only retry rule (a
 * failing URL is asked {@code retries + 1} times in all, however many layers sit above the transport). What may
 * succeed when repeated is {@link TransportException#retryable()}: no answer, or a 5xx. Waits double from
 * {@code backoff}.
 */
public record RetryPolicy(int retries, Duration backoff) {
    public RetryPolicy {
        if (retries < 0) throw new IllegalArgumentException("retries must not be negative");
    }

    public static RetryPolicy none() { return new RetryPolicy(0, Duration.ZERO); }

    /** Whether attempt {@code attempt} (0 the first) may be followed by another after this failure. */
    public boolean again(int attempt, TransportException failure) { return attempt < retries && failure.retryable(); }

    /** Waits before attempt {@code attempt} (1 the first retry); returns false when interrupted. */
    public boolean pause(int attempt) {
        long millis = backoff.toMillis() << Math.min(20, attempt - 1);
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
