package dev.bookings.availability.boundary;

import dev.bookings.platform.WritesThrough;
import dev.bookings.appointments.control.AppointmentStore;
import dev.bookings.appointments.entity.Appointment;
import dev.bookings.availability.control.AvailabilityCalculator;
import dev.bookings.availability.control.AvailabilityCalculator.Booking;
import dev.bookings.availability.control.AvailabilityCalculator.Item;
import dev.bookings.businesses.control.BusinessItemStore;
import dev.bookings.businesses.control.BusinessStore;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.errors.InvalidRequest;
import dev.bookings.platform.GraphTimes;
import dev.bookings.platform.WorkHours;
import dev.bookings.security.Caller;
import dev.bookings.staff.control.StaffKind;
import dev.bookings.staff.entity.StaffMember;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import dev.bookings.availability.control.AvailabilityPermits;
import dev.bookings.errors.TooManyRequests;

/**
 * {@code getStaffAvailability}: for each staff member asked for, in the order asked, the items that cover the
 * range (see {@link AvailabilityCalculator}). Hours come from the staff member's {@code workingHours}, or the
 * business's {@code businessHours} when {@code useBusinessHours} is set; they are read in the staff member's
 * {@code timeZone}, else in the request's. Every id must be a staff member of the business (400
 * {@code unknownStaffMember}); the range must run forwards and span at most {@link #MAX_RANGE}
 * (400 {@code invalidTimeRange}).
 */
@Stateless
@WritesThrough
public class StaffAvailability {

    public static final Duration MAX_RANGE = Duration.ofDays(62);
    public static final int MAX_STAFF = 100;
    /** How far before and after the range appointments are looked for, so their buffers are seen. */
    static final Duration BUFFER_REACH = Duration.ofDays(2);

    /** One staff member's answer. */
    public record StaffItems(String staffId, List<Item> items) {
    }

    /** The most items one answer holds, all staff members together (src/site/markdown/configuration.md). */
    @Inject
    @ConfigProperty(name = "bookings.availability.max-items", defaultValue = "50000")
    int maxItems;

    @Inject
    AvailabilityPermits permits;

    @Inject
    BusinessStore businesses;

    @Inject
    BusinessItemStore items;

    @Inject
    StaffKind staffKind;

    @Inject
    AppointmentStore appointments;

    /**
     * The staff members' items from {@code from} to {@code to}. At most {@code bookings.availability.max-concurrent}
     * are computed at once on this instance; one more is 429 {@code TooManyRequests} with {@code Retry-After: 1}.
     */
    public List<StaffItems> availability(Caller caller, String businessId, List<String> staffIds, OffsetDateTime from,
            OffsetDateTime to, ZoneId requestZone) {
        if (!permits.tryAcquire()) {
            throw new TooManyRequests("Too many staff availability answers are being computed; retry after 1 second.", 1);
        }
        try {
            return compute(caller, businessId, staffIds, from, to, requestZone);
        } finally {
            permits.release();
        }
    }

    private List<StaffItems> compute(Caller caller, String businessId, List<String> staffIds, OffsetDateTime from,
            OffsetDateTime to, ZoneId requestZone) {
        if (staffIds.isEmpty() || staffIds.size() > MAX_STAFF) {
            throw new InvalidRequest("Property 'staffIds' must name 1 to " + MAX_STAFF + " staff members.");
        }
        if (!to.isAfter(from)) {
            throw new InvalidRequest("invalidTimeRange", "Property 'endDateTime' must be after 'startDateTime'.");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new InvalidRequest("invalidTimeRange", "The range from 'startDateTime' to 'endDateTime' may span at most "
                    + MAX_RANGE.toDays() + " days.");
        }
        BookingBusiness business = businesses.get(caller.tenantId(), businessId);
        Map<String, StaffMember> staff = items.find(staffKind, business, staffIds).stream()
                .collect(Collectors.toMap(StaffMember::id, Function.identity()));
        staffIds.stream().filter(id -> !staff.containsKey(id)).findFirst().ifPresent(id -> {
            throw new InvalidRequest("unknownStaffMember", "'" + id + "' in 'staffIds' is not a staff member of the business.");
        });
        Map<String, List<Booking>> bookings = new LinkedHashMap<>();
        staffIds.forEach(id -> bookings.put(id, new ArrayList<>()));
        for (Appointment a : appointments.bookedFor(business, staffIds, from.minus(BUFFER_REACH), to.plus(BUFFER_REACH))) {
            Booking booking = new Booking(a.busyFrom().toInstant(), a.busyUntil().toInstant(), a.serviceId());
            a.staffMemberIds().stream().filter(bookings::containsKey).forEach(id -> bookings.get(id).add(booking));
        }
        WorkHours businessHours = WorkHours.stored(business.businessHoursJson());
        List<StaffItems> result = new ArrayList<>();
        long total = 0;
        for (String id : staffIds.stream().distinct().toList()) {
            StaffMember member = staff.get(id);
            WorkHours hours = member.useBusinessHours() ? businessHours : WorkHours.stored(member.workingHoursJson());
            ZoneId zone = member.timeZone() == null ? requestZone : zoneOr(member.timeZone(), requestZone);
            List<Item> answer = AvailabilityCalculator.items(from.toInstant(), to.toInstant(), hours, zone, bookings.get(id));
            total += answer.size();
            if (total > maxItems) {
                // refused as soon as the bound is passed: no request computes or holds more than one staff member
                // beyond it
                throw new InvalidRequest("answerTooLarge", "The answer would hold more than " + maxItems
                        + " availability items; ask for fewer staff members or a shorter range.");
            }
            result.add(new StaffItems(id, answer));
        }
        return result;
    }

    private static ZoneId zoneOr(String name, ZoneId fallback) {
        try {
            return GraphTimes.zone(name, "timeZone");
        } catch (InvalidRequest e) {
            return fallback;
        }
    }
}
