package dev.bookings.errors;

/** 429 {@code TooManyRequests} with {@code Retry-After}: nothing was done; the client may retry after the wait. */
public class TooManyRequests extends BookingException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TooManyRequests(String message, long retryAfterSeconds) {
        super(429, "TooManyRequests", message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
