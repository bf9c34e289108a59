package dev.bookings.errors;

/** 412 {@code preconditionFailed}: the entity no longer matches the client's {@code If-Match}. Nothing changed. */
public class PreconditionFailed extends BookingException {

    private static final long serialVersionUID = 1L;

    public PreconditionFailed(String message) {
        super(412, "preconditionFailed", message);
    }
}
