package dev.bookings.errors;

/** 400 {@code invalidRequest} (or a more specific code): the request cannot be accepted as sent. */
public class InvalidRequest extends BookingException {

    private static final long serialVersionUID = 1L;

    public InvalidRequest(String message) {
        this("invalidRequest", message);
    }

    public InvalidRequest(String code, String message) {
        super(400, code, message);
    }
}
