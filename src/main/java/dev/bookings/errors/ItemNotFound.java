package dev.bookings.errors;

/**
 * 404 {@code itemNotFound}. Also what another tenant sees for data that exists: existence never leaks.
 */
public class ItemNotFound extends BookingException {

    private static final long serialVersionUID = 1L;

    public ItemNotFound(String message) {
        super(404, "itemNotFound", message);
    }
}
