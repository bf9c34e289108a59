package dev.bookings.security;

/**
 * The Graph permissions this service knows, as they appear in {@code scp} (delegated) and {@code roles}
 * (application). Each constant lists the permissions, least privileged first, that allow an operation.
 */
public final class Scopes {

    public static final String BOOKINGS_READ_ALL = "Bookings.Read.All";
    public static final String APPOINTMENT_READ_WRITE_ALL = "BookingsAppointment.ReadWrite.All";
    public static final String BOOKINGS_READ_WRITE_ALL = "Bookings.ReadWrite.All";
    public static final String BOOKINGS_MANAGE_ALL = "Bookings.Manage.All";

    private Scopes() {
    }
}
