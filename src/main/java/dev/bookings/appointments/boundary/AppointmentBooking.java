package dev.bookings.appointments.boundary;

import dev.bookings.platform.Ids;
import dev.bookings.appointments.control.AppointmentInput;
import dev.bookings.appointments.control.AppointmentStore;
import dev.bookings.appointments.entity.Appointment;
import dev.bookings.businesses.control.BusinessStore;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Booking and reading appointments of the caller's businesses. */
@Stateless
public class AppointmentBooking {

    @Inject
    BusinessStore businesses;

    @Inject
    AppointmentStore appointments;

    public Appointment book(Caller caller, String businessId, AppointmentInput input) {
        BookingBusiness business = businesses.get(caller.tenantId(), businessId);
        Appointment appointment = new Appointment(Ids.next(), business, input.start(), input.end(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        input.applyTo(appointment);
        appointments.add(appointment);
        return appointment;
    }

    /** A booked appointment with its collections loaded, for writing out. */
    public Appointment get(Caller caller, String businessId, String appointmentId) {
        BookingBusiness business = businesses.get(caller.tenantId(), businessId);
        Appointment appointment = appointments.getBooked(business, appointmentId);
        appointment.customers().size();
        appointment.staffMemberIds().size();
        return appointment;
    }
}
