package dev.bookings.errors;

/** 413 {@code requestEntityTooLarge}: the body exceeds what the operation reads. */
public class RequestTooLarge extends BookingException {

    private static final long serialVersionUID = 1L;

    public RequestTooLarge(long maxBytes) {
        super(413, "requestEntityTooLarge", "The request body exceeds " + maxBytes + " bytes.");
    }
}
