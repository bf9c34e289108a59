package dev.bookings.errors;

/** 409 {@code conflict}: a concurrent change won; the client may retry. */
public class Conflict extends BookingException {

    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
        super(409, "conflict", message);
    }
}
