package dev.bookings.notifications.control;

import dev.bookings.appointments.entity.Appointment;
import dev.bookings.notifications.entity.MessageKind;
import dev.bookings.notifications.entity.Recipient;
import dev.bookings.notifications.entity.RecipientKind;
import dev.bookings.platform.Places;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The calendar entry a mail carries: one {@code UID} per appointment (its id), the {@code SEQUENCE} of the change,
 * {@code REQUEST} for an invitation or its update, {@code CANCEL} with {@code STATUS:CANCELLED} when the entry goes.
 * The business is the {@code ORGANIZER}; the recipient is the one {@code ATTENDEE}: a customer's entry does not show
 * the other customers' or the staff's addresses. Times are in the recipient's zone with its {@code VTIMEZONE} when
 * the zone is known, else in UTC. Reminders carry none: they change no calendar.
 */
final class AppointmentCalendar {

    private AppointmentCalendar() {
    }

    static String ics(MessageKind kind, Recipient recipient, NoticeMessages.Facts facts, int sequence,
            OffsetDateTime now, String organizer) {
        if (kind == MessageKind.REMINDER) {
            return null;
        }
        Appointment appointment = facts.appointment();
        boolean cancelled = kind == MessageKind.CANCELLED || kind == MessageKind.REMOVED;
        ZoneId zone = NoticeMessages.zone(recipient.timeZone());
        String location = Places.place(appointment.serviceLocationJson());
        if (location == null && appointment.locationOnline()) {
            location = recipient.kind() == RecipientKind.CUSTOMER && appointment.anonymousJoinWebUrl() != null
                    ? appointment.anonymousJoinWebUrl() : appointment.joinWebUrl();
        }
        return CalendarInvitation.ics(new CalendarInvitation.Event(appointment.id(), sequence, cancelled,
                appointment.start().toInstant(), appointment.end().toInstant(), zone.equals(ZoneOffset.UTC) ? null : zone,
                NoticeMessages.summary(facts), facts.note(), location, organizer,
                facts.business().displayName(), List.of(new CalendarInvitation.Attendee(recipient.address(), recipient.name())),
                now.toInstant()));
    }
}
