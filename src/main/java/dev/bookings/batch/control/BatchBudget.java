package dev.bookings.batch.control;

/**
 * What one {@code $batch} may take, shared by its requests: the bytes of their answers together
 * ({@code bookings.batch.max-answer-bytes}) and the time they run ({@code bookings.batch.max-seconds}). A read
 * whose answer would pass the bytes left is answered 400 {@code answerTooLarge} in its place (nothing is held beyond
 * the bound); a request after the time is up is not sent and answers 504 (a read started before gets what is left
 * of the time, a write its whole {@code bookings.batch.request-timeout-seconds}, so a change is never cut short). A
 * write's own answer always comes through (its change happened; it is small: a write's body is at most 1 MiB), and
 * counts.
 */
public final class BatchBudget {

    private final long deadline;
    private long bytesLeft;

    public BatchBudget(long maxBytes, long maxSeconds, long now) {
        this.bytesLeft = maxBytes;
        this.deadline = now + maxSeconds * 1_000_000_000L;
    }

    long bytesLeft() {
        return Math.max(0, bytesLeft);
    }

    void spend(long bytes) {
        bytesLeft -= bytes;
    }

    /** Nanoseconds left until the deadline, at {@code now}; 0 or less when it has passed. */
    long nanosLeft(long now) {
        return deadline - now;
    }
}
