package dev.bookings.appointments.boundary;

import dev.bookings.platform.WritesThrough;
import dev.bookings.platform.Preconditions;
import dev.bookings.appointments.control.AppointmentStore;
import dev.bookings.appointments.entity.Appointment;
import dev.bookings.appointments.entity.AppointmentChange;
import dev.bookings.businesses.control.BusinessStore;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.errors.InvalidRequest;
import dev.bookings.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Cancels an appointment in one JTA transaction. The row is locked first ({@code SELECT … FOR UPDATE}), so
 * concurrent cancels of one appointment serialise: the first changes it, the others find it cancelled and
 * change nothing. Rules, in order:
 * <ol>
 * <li>unknown business or appointment (or another tenant's): 404 {@code itemNotFound};</li>
 * <li>already cancelled: nothing happens, the first cancellation stands (the caller answers 204);</li>
 * <li>ended (its end is not after now): 400 {@code appointmentAlreadyEnded};</li>
 * <li>an application caller inside the business's {@code minimumLeadTime} before the start: 400
 * {@code minimumLeadTimeNotMet}; delegated callers (users) may still cancel;</li>
 * <li>otherwise the appointment becomes cancelled with when, who and the message, and an
 * {@link AppointmentChange} is fired in the same transaction: its observers record the notices to recipients and
 * the change notifications to subscribers, committed or rolled back with the cancel. Nothing is deleted.</li>
 * </ol>
 */
@Stateless
@WritesThrough
public class AppointmentCancellation {

    /** The longest {@code cancellationMessage} accepted, in characters. */
    public static final int MAX_MESSAGE_LENGTH = 2000;

    @Inject
    BusinessStore businesses;

    @Inject
    AppointmentStore appointments;

    @Inject
    Event<AppointmentChange> changes;

    /**
     * @param preconditions the request's {@code If-Match} and {@code If-None-Match}: a booked appointment that does
     *                      not meet them is left as it is, 412. An appointment cancelled already answers as a repeat
     *                      cancel whatever the tags, so a retried cancel stays safe.
     * @return true if this call cancelled the appointment, false if it was cancelled already
     */
    public boolean cancel(Caller caller, String businessId, String appointmentId, String message,
            Preconditions preconditions) {
        if (message != null && message.length() > MAX_MESSAGE_LENGTH) {
            throw new InvalidRequest("Property 'cancellationMessage' is longer than " + MAX_MESSAGE_LENGTH + " characters.");
        }
        BookingBusiness business = businesses.get(caller.tenantId(), businessId);
        Appointment appointment = appointments.getLocked(business, appointmentId);
        if (appointment.isCancelled()) {
            return false;
        }
        preconditions.check(appointment.etag());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        if (appointment.hasEnded(now)) {
            throw new AppointmentAlreadyEnded(appointmentId);
        }
        Duration lead = business.minimumLeadTime();
        if (!caller.delegated() && lead != null && now.plus(lead).isAfter(appointment.start())) {
            throw new MinimumLeadTimeNotMet(appointmentId, lead);
        }
        appointment.cancel(now, caller.actorId(), message);
        appointment.nextCalendarSequence(); // the CANCEL outranks every invitation its people had
        changes.fire(new AppointmentChange(AppointmentChange.Kind.CANCELLED, appointment, business, now));
        return true;
    }
}
