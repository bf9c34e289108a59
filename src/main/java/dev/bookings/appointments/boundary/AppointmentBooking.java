package dev.bookings.appointments.boundary;

import dev.bookings.platform.WritesThrough;
import dev.bookings.customers.entity.BookingCustomer;
import dev.bookings.customers.control.CustomerKind;
import dev.bookings.platform.Preconditions;
import dev.bookings.platform.Ids;
import dev.bookings.appointments.control.AppointmentInput;
import dev.bookings.appointments.control.AppointmentStore;
import dev.bookings.appointments.entity.Appointment;
import dev.bookings.appointments.entity.AppointmentChange;
import dev.bookings.appointments.entity.AppointmentState;
import dev.bookings.businesses.control.BusinessStore;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.errors.InvalidRequest;
import dev.bookings.errors.ItemNotFound;
import dev.bookings.appointments.control.CalendarRange;
import dev.bookings.platform.query.Filter;
import dev.bookings.platform.query.QueryOptions;
import dev.bookings.platform.query.QueryableProperties;
import dev.bookings.questions.control.CustomQuestionAnswers;
import dev.bookings.security.Caller;
import dev.bookings.businesses.control.BusinessItemStore;
import dev.bookings.services.control.ServiceKind;
import dev.bookings.services.entity.BookingService;
import dev.bookings.staff.control.StaffKind;
import dev.bookings.staff.entity.StaffMember;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Booking, reading, changing and deleting appointments of the caller's businesses. A {@code serviceId} must name a
 * service of the business (its name fills {@code serviceName} when none is sent, its {@code defaultDuration} the end
 * when none is sent); {@code staffMemberIds} must name its staff.
 */
@Stateless
@WritesThrough
public class AppointmentBooking {

    @Inject
    BusinessStore businesses;

    @Inject
    AppointmentStore appointments;

    @Inject
    BusinessItemStore items;

    @Inject
    StaffKind staffKind;

    @Inject
    ServiceKind serviceKind;

    @Inject
    CustomerKind customerKind;

    @Inject
    CustomQuestionAnswers answers;

    @Inject
    Event<AppointmentChange> changes;

    public Appointment book(Caller caller, String businessId, AppointmentInput input) {
        BookingBusiness business = businesses.get(caller.tenantId(), businessId);
        checkStaff(business, input);
        checkCustomers(business, input);
        BookingService service = input.serviceId().map(id -> items.get(serviceKind, business, id)).orElse(null);
        OffsetDateTime end = input.end();
        if (end == null) {
            Duration length = service.defaultDuration();
            if (length == null || length.isZero()) {
                throw new InvalidRequest("Property 'endDateTime' is required: the service has no defaultDuration.");
            }
            end = input.start().plus(length);
        }
        Appointment appointment = new Appointment(Ids.next(), business, input.start(), end, now());
        input.customQuestionAnswers(answers.check(business, service, input.customQuestionAnswers()));
        input.applyTo(appointment);
        if (!caller.delegated()) {
            checkPolicy(business, appointment);
            checkStaffFree(business, appointment);
        }
        if (service != null && appointment.serviceName() == null) {
            appointment.serviceName(service.displayName());
        }
        if (service != null && !input.setsCustomerManagement()) {
            appointment.customerAllowedToManageBooking(service.customerAllowedToManageBooking());
        }
        selfService(appointment);
        if (service != null && appointment.remindersJson() == null && service.defaultRemindersJson() != null) {
            // an appointment booked without reminders takes its service's defaultReminders, copied now: GET shows
            // them, and a later change of the service's defaults changes no booked appointment
            appointment.remindersJson(service.defaultRemindersJson());
        }
        appointments.add(appointment);
        businesses.noteAppointmentLength(business, appointment.duration());
        changes.fire(new AppointmentChange(AppointmentChange.Kind.BOOKED, appointment, business, appointment.createdAt()));
        return appointment;
    }

    /** PATCH: only the sent properties change; {@code serviceId} is fixed at creation. */
    public void update(Caller caller, String businessId, String appointmentId, AppointmentInput input, Preconditions preconditions) {
        BookingBusiness business = businesses.get(caller.tenantId(), businessId);
        Appointment appointment = appointments.getBookedForUpdate(business, appointmentId);
        preconditions.check(appointment.etag());
        input.serviceId().filter(id -> !id.equals(appointment.serviceId())).ifPresent(id -> {
            throw new InvalidRequest("Property 'serviceId' is set when the appointment is created and cannot be changed.");
        });
        checkStaff(business, input);
        checkCustomers(business, input);
        AppointmentState before = AppointmentState.of(appointment);
        if (input.staffMemberIds().filter(ids -> !ids.equals(before.staffMemberIds())).isPresent()) {
            appointments.deleteStaffRows(appointment);
        }
        if (input.setsCustomers()) {
            BookingService service = appointment.serviceId() == null ? null
                    : items.find(serviceKind, business, List.of(appointment.serviceId())).stream().findFirst().orElse(null);
            input.customQuestionAnswers(answers.check(business, service, input.customQuestionAnswers()));
        }
        input.applyTo(appointment);
        // every change of the appointment's own row is made here, before the checks below query (and so flush)
        if (before.changedFor(appointment)) {
            appointment.nextCalendarSequence(); // the next SEQUENCE of its calendar entry
        }
        selfService(appointment);
        appointment.touch(now());
        if (!caller.delegated() && input.start() != null) {
            checkPolicy(business, appointment);
        }
        if (!caller.delegated() && (input.start() != null || input.end() != null || input.staffMemberIds().isPresent())) {
            checkStaffFree(business, appointment);
        }
        businesses.noteAppointmentLength(business, appointment.duration());
        changes.fire(new AppointmentChange(AppointmentChange.Kind.UPDATED, appointment, business, appointment.updatedAt(),
                before));
    }

    /**
     * An appointment its customers may manage gets a {@code selfServiceAppointmentId} if it has none: the id its
     * customers' manage links are made for (a link works only while the appointment keeps that id).
     */
    private static void selfService(Appointment appointment) {
        if (appointment.customerAllowedToManageBooking() && (appointment.selfServiceAppointmentId() == null
                || appointment.selfServiceAppointmentId().isBlank())) {
            appointment.selfServiceAppointmentId(Ids.next());
        }
    }

    /** DELETE: removes a booked appointment; its people's calendar entries go (a CANCEL), with no message of the business's. */
    public void delete(Caller caller, String businessId, String appointmentId, Preconditions preconditions) {
        BookingBusiness business = businesses.get(caller.tenantId(), businessId);
        Appointment appointment = appointments.getBookedForUpdate(business, appointmentId);
        preconditions.check(appointment.etag());
        appointment.nextCalendarSequence();
        changes.fire(new AppointmentChange(AppointmentChange.Kind.DELETED, appointment, business, now()));
        appointments.remove(appointment);
    }

    /**
     * One page of the business's booked appointments, all of them ({@code range} null) or those overlapping the
     * calendarView range, with the query options applied.
     */
    public List<Appointment> list(Caller caller, String businessId, CalendarRange range, QueryOptions options,
            QueryableProperties properties) {
        return appointments.list(businesses.get(caller.tenantId(), businessId), range, options, properties);
    }

    public long count(Caller caller, String businessId, CalendarRange range, Filter filter, QueryableProperties properties) {
        return appointments.count(businesses.get(caller.tenantId(), businessId), range, filter, properties);
    }

    /** An application books no sooner than the minimum lead time and no further ahead than the maximum advance. */
    private static void checkPolicy(BookingBusiness business, Appointment appointment) {
        OffsetDateTime now = now();
        Duration lead = business.minimumLeadTime();
        if (lead != null && appointment.start().isBefore(now.plus(lead))) {
            throw new BookingRuleBroken(400, "minimumLeadTimeNotMet", "The appointment would start within the business's "
                    + "minimum lead time (" + lead + "); applications cannot book it.");
        }
        Duration advance = business.maximumAdvance();
        if (advance != null && !advance.isZero() && appointment.start().isAfter(now.plus(advance))) {
            throw new BookingRuleBroken(400, "maximumAdvanceExceeded", "The appointment would start further ahead than the "
                    + "business's maximum advance (" + advance + "); applications cannot book it.");
        }
    }

    /**
     * An application cannot put a staff member into two appointments at once (buffers included): 409
     * {@code staffMemberBusy}. The staff members' rows are locked first, in key order, so two such bookings on any
     * instance cannot both pass the check.
     */
    private void checkStaffFree(BookingBusiness business, Appointment appointment) {
        List<String> staff = appointment.staffMemberIds();
        if (staff.isEmpty()) {
            return;
        }
        items.lock(staffKind, business, staff);
        OffsetDateTime from = appointment.busyFrom();
        OffsetDateTime to = appointment.busyUntil();
        for (Appointment other : appointments.bookedFor(business, staff, from.minusDays(2), to.plusDays(2))) {
            boolean overlaps = other.busyFrom().isBefore(to) && other.busyUntil().isAfter(from);
            if (overlaps && !other.id().equals(appointment.id())) {
                String busy = other.staffMemberIds().stream().filter(staff::contains).findFirst().orElse("");
                throw new BookingRuleBroken(409, "staffMemberBusy", "The staff member '" + busy + "' is booked then (appointment '"
                        + other.id() + "'); applications cannot double-book.");
            }
        }
    }

    private void checkStaff(BookingBusiness business, AppointmentInput input) {
        input.staffMemberIds().ifPresent(ids -> {
            Set<String> known = items.find(staffKind, business, ids).stream().map(StaffMember::id).collect(Collectors.toSet());
            ids.stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id -> {
                throw new ItemNotFound("The staff member '" + id + "' named in 'staffMemberIds' was not found.");
            });
        });
    }

    /**
     * A customer of an appointment that names a {@code customerId} names a customer of this business: an id of
     * another business or tenant, or of nobody, is 400 (it would be stored as a reference that leads nowhere, or
     * elsewhere).
     */
    private void checkCustomers(BookingBusiness business, AppointmentInput input) {
        List<String> ids = input.customerIds();
        if (ids.isEmpty()) {
            return;
        }
        Set<String> known = items.find(customerKind, business, ids).stream().map(BookingCustomer::id)
                .collect(Collectors.toSet());
        ids.stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id -> {
            throw new InvalidRequest("Property 'customers' names the customerId '" + id + "', which is not a customer"
                    + " of this business.");
        });
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
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
