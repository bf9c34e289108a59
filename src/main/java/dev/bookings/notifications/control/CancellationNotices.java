package dev.bookings.notifications.control;

import dev.bookings.appointments.entity.Appointment;
import dev.bookings.appointments.entity.AppointmentChange;
import dev.bookings.appointments.entity.CustomerInformation;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.notifications.entity.Notice;
import dev.bookings.notifications.entity.RecipientKind;
import dev.bookings.platform.Ids;
import dev.bookings.businesses.control.BusinessItemStore;
import dev.bookings.staff.control.StaffKind;
import dev.bookings.staff.entity.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Records, in the caller's transaction, who must hear of a cancellation: each customer with an e-mail address
 * (unless the appointment opts out of customer e-mail), each assigned staff member with e-mail notifications on,
 * and the business's own address when its policy sends confirmations to the owner. One address gets one notice.
 */
@ApplicationScoped
public class CancellationNotices {

    @PersistenceContext
    EntityManager em;

    @Inject
    BusinessItemStore items;

    @Inject
    StaffKind staffKind;

    @Inject
    Event<NoticesRecorded> noticesRecorded;

    /** A cancel records its notices in its own transaction; delivery starts once it commits. */
    void onChange(@Observes AppointmentChange change) {
        if (change.kind() == AppointmentChange.Kind.CANCELLED) {
            int recorded = record(change.appointment(), change.at()).size();
            if (recorded > 0) {
                noticesRecorded.fire(new NoticesRecorded(recorded));
            }
        }
    }

    public List<Notice> record(Appointment appointment, OffsetDateTime now) {
        BookingBusiness business = appointment.business();
        List<Notice> notices = new ArrayList<>();
        Set<String> addressed = new LinkedHashSet<>();
        if (!appointment.optOutOfCustomerEmail()) {
            for (CustomerInformation customer : appointment.customers()) {
                String zone = customer.timeZone() != null ? customer.timeZone() : appointment.customerTimeZone();
                add(notices, addressed, appointment, RecipientKind.CUSTOMER, customer.emailAddress(), customer.name(), zone, now);
            }
        }
        for (StaffMember member : items.find(staffKind, business, appointment.staffMemberIds())) {
            if (member.emailNotificationEnabled()) {
                add(notices, addressed, appointment, RecipientKind.STAFF, member.emailAddress(), member.displayName(),
                        member.timeZone(), now);
            }
        }
        if (business.sendConfirmationsToOwner()) {
            add(notices, addressed, appointment, RecipientKind.OWNER, business.email(), business.displayName(), null, now);
        }
        notices.forEach(em::persist);
        return notices;
    }

    private static void add(List<Notice> notices, Set<String> addressed, Appointment appointment, RecipientKind kind,
            String address, String name, String zone, OffsetDateTime now) {
        if (address == null || address.isBlank() || !addressed.add(address.toLowerCase(Locale.ROOT))) {
            return;
        }
        notices.add(new Notice(Ids.next(), appointment, kind, address, name, zone, now));
    }
}
