package dev.bookings.errors;

import jakarta.ejb.ApplicationException;

/**
 * A failure the client caused or must know about. Thrown from use cases, it rolls the transaction back and
 * reaches the client unwrapped as Graph's error body with {@link #status()} and {@link #code()}.
 */
@ApplicationException(rollback = true)
public abstract class BookingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    protected BookingException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
