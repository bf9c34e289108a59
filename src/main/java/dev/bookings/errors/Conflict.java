package dev.bookings.errors;

/** 409: the request conflicts with the state of another entity; nothing changed. */
public class Conflict extends BookingException {

    private static final long serialVersionUID = 1L;

    public Conflict(String code, String message) {
        super(409, code, message);
    }
}
