package dev.bookings.appointments.entity;

import dev.bookings.businesses.entity.BookingBusiness;
import java.time.OffsetDateTime;

/**
 * A domain event: an appointment was booked, updated, cancelled or deleted. The use cases fire it synchronously
 * inside their transaction, after the change and (for a delete) before the row goes, so that what observers
 * record (mails, change notifications) commits or rolls back with the change itself. Observers must not keep
 * the entity beyond the transaction.
 *
 * @param before what the appointment was before an update; null for the other kinds
 */
public record AppointmentChange(Kind kind, Appointment appointment, BookingBusiness business, OffsetDateTime at,
        AppointmentState before) {

    public enum Kind {
        BOOKED, UPDATED, CANCELLED, DELETED
    }

    public AppointmentChange(Kind kind, Appointment appointment, BookingBusiness business, OffsetDateTime at) {
        this(kind, appointment, business, at, null);
    }
}
