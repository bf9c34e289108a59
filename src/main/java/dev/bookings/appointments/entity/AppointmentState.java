package dev.bookings.appointments.entity;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an appointment's people were told of it before a change: its time, service, place, staff, customers and
 * reminders. A copy, unaffected by the change.
 */
public record AppointmentState(OffsetDateTime start, OffsetDateTime end, String serviceName, String serviceLocationJson,
        List<String> staffMemberIds, List<Person> customers, boolean optOutOfCustomerEmail, String customerTimeZone,
        String remindersJson) {

    /** A customer as mails address them. */
    public record Person(String name, String emailAddress, String timeZone) {
    }

    public static AppointmentState of(Appointment appointment) {
        return new AppointmentState(appointment.start(), appointment.end(), appointment.serviceName(),
                appointment.serviceLocationJson(), List.copyOf(appointment.staffMemberIds()),
                appointment.customers().stream().map(c -> new Person(c.name(), c.emailAddress(), c.timeZone())).toList(),
                appointment.optOutOfCustomerEmail(), appointment.customerTimeZone(), appointment.remindersJson());
    }

    /**
     * Whether the appointment's people must hear of the change: its calendar entry moved, or people were put on or
     * taken off it.
     */
    public boolean changedFor(Appointment appointment) {
        return movedIn(appointment) || optOutOfCustomerEmail != appointment.optOutOfCustomerEmail()
                || !customers.equals(of(appointment).customers());
    }

    /** Whether the calendar entry moved: another time, service, place or staff. */
    public boolean movedIn(Appointment appointment) {
        return !start.isEqual(appointment.start()) || !end.isEqual(appointment.end())
                || !java.util.Objects.equals(serviceName, appointment.serviceName())
                || !java.util.Objects.equals(serviceLocationJson, appointment.serviceLocationJson())
                || !staffMemberIds.equals(appointment.staffMemberIds());
    }
}
