package dev.bookings.notifications.control;

import dev.bookings.appointments.entity.Appointment;
import dev.bookings.appointments.entity.AppointmentChange;
import dev.bookings.appointments.entity.AppointmentState;
import dev.bookings.appointments.entity.CustomerInformation;
import dev.bookings.businesses.control.BusinessItemStore;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.notifications.entity.MessageKind;
import dev.bookings.notifications.entity.Notice;
import dev.bookings.notifications.entity.Recipient;
import dev.bookings.notifications.entity.RecipientKind;
import dev.bookings.outbox.control.Outbox;
import dev.bookings.platform.Ids;
import dev.bookings.platform.Reminders;
import dev.bookings.selfservice.control.ManageLinks;
import dev.bookings.staff.control.StaffKind;
import dev.bookings.staff.entity.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.config.Config;

/**
 * Records, in the transaction of every change of an appointment, a mail to each of its people, with the calendar
 * entry that change makes: booked → an invitation ({@code REQUEST}) to each; its time, service, place or staff
 * moved → the invitation again with a higher {@code SEQUENCE}, a cancellation ({@code CANCEL}) to whoever was taken
 * off it, an invitation to whoever was put on it; cancelled or deleted → a {@code CANCEL} to each. Its people: each
 * customer with an address (unless the appointment opts out of customer e-mail), each assigned staff member with
 * e-mail notifications on, and the business's own address when its policy sends confirmations to the owner; one
 * address is one person. A newer mail to a person supersedes their older ones that have not gone out
 * ({@code Outbox}), so nobody receives an older state after a newer one. Reminders are planned with the booking and
 * planned anew with every change of time, people or reminders; a cancel or delete drops those not sent.
 */
@ApplicationScoped
public class AppointmentMessages {

    @Inject
    BusinessItemStore items;

    @Inject
    StaffKind staffKind;

    @Inject
    Outbox outbox;

    @Inject
    ManageLinks links;

    @Inject
    Config config;

    @PersistenceContext(unitName = "bookings")
    EntityManager em;

    void onChange(@Observes AppointmentChange change) {
        Appointment appointment = change.appointment();
        BookingBusiness business = change.business();
        Map<String, Recipient> people = people(business, appointment.staffMemberIds(), customers(appointment),
                appointment.optOutOfCustomerEmail());
        Map<String, MessageKind> mails = new LinkedHashMap<>();
        Map<String, Recipient> to = new LinkedHashMap<>(people);
        boolean replan = false;
        switch (change.kind()) {
            case BOOKED -> {
                people.keySet().forEach(address -> mails.put(address, MessageKind.BOOKED));
                replan = true;
            }
            case CANCELLED, DELETED -> people.keySet().forEach(address -> mails.put(address, MessageKind.CANCELLED));
            case UPDATED -> {
                AppointmentState before = change.before();
                Map<String, Recipient> earlier = people(business, before.staffMemberIds(), before.customers(),
                        before.optOutOfCustomerEmail());
                boolean moved = before.movedIn(appointment);
                earlier.forEach((address, person) -> {
                    if (!people.containsKey(address)) {
                        mails.put(address, MessageKind.REMOVED);
                        to.put(address, person);
                    }
                });
                people.keySet().forEach(address -> {
                    if (!earlier.containsKey(address)) {
                        mails.put(address, MessageKind.BOOKED);
                    } else if (moved) {
                        mails.put(address, MessageKind.CHANGED);
                    }
                });
                replan = moved || !earlier.keySet().equals(people.keySet())
                        || !Objects.equals(before.remindersJson(), appointment.remindersJson());
            }
        }
        if (change.kind() != AppointmentChange.Kind.BOOKED && (replan || !mails.isEmpty())) {
            dropReminders(appointment.id());
        }
        if (mails.isEmpty() && !replan) {
            return;
        }
        int sequence = appointment.calendarSequence(); // raised by the use case with the change
        List<String> staffNames = items.find(staffKind, business, appointment.staffMemberIds()).stream()
                .map(StaffMember::displayName).toList();
        String note = change.kind() == AppointmentChange.Kind.CANCELLED ? appointment.cancellationMessage() : null;
        NoticeMessages.Facts facts = new NoticeMessages.Facts(business, appointment, staffNames, note);
        List<Notice> notices = new ArrayList<>();
        OffsetDateTime now = change.at();
        mails.forEach((address, kind) -> {
            Recipient recipient = to.get(address);
            NoticeMessages.Words words = NoticeMessages.render(kind, recipient, facts, manageUrl(kind, appointment, recipient));
            String calendar = AppointmentCalendar.ics(kind, recipient, facts, sequence, now, organizer(business));
            notices.add(new Notice(Ids.next(), business.pk(), appointment.pk(), appointment.id(), kind, recipient, now, now)
                    .says(words.subject(), words.text(), words.html(), calendar));
        });
        if (replan) {
            notices.addAll(reminders(business, appointment, people, staffNames, now));
        }
        outbox.record(notices);
    }

    /**
     * The appointment's reminders to its customers and staff (never the owner), each due its {@code offset} before
     * the start; one whose time has passed already is not sent (it would arrive late, telling nothing new). Earliest
     * first, so a person's reminders stand in line in the order they are due.
     */
    private List<Notice> reminders(BookingBusiness business, Appointment appointment, Map<String, Recipient> people,
            List<String> staffNames, OffsetDateTime now) {
        List<Notice> reminders = new ArrayList<>();
        List<Reminders.Reminder> planned = new ArrayList<>(Reminders.of(appointment.remindersJson()));
        planned.sort(Comparator.comparing(Reminders.Reminder::offset).reversed());
        for (Reminders.Reminder reminder : planned) {
            OffsetDateTime due = appointment.start().minus(reminder.offset());
            if (due.isBefore(now)) {
                continue;
            }
            NoticeMessages.Facts facts = new NoticeMessages.Facts(business, appointment, staffNames, reminder.message());
            for (Recipient person : people.values()) {
                boolean wanted = switch (person.kind()) {
                    case CUSTOMER -> reminder.forCustomers();
                    case STAFF -> reminder.forStaff();
                    case OWNER -> false;
                };
                if (wanted) {
                    NoticeMessages.Words words = NoticeMessages.render(MessageKind.REMINDER, person, facts,
                            manageUrl(MessageKind.REMINDER, appointment, person));
                    reminders.add(new Notice(Ids.next(), business.pk(), appointment.pk(), appointment.id(),
                            MessageKind.REMINDER, person, now, due).says(words.subject(), words.text(), words.html(), null));
                }
            }
        }
        return reminders;
    }

    /**
     * A customer's manage link, in the mails that leave the appointment booked (not in a cancellation: there is
     * nothing left to manage), when the appointment allows it and links are configured.
     */
    private String manageUrl(MessageKind kind, Appointment appointment, Recipient recipient) {
        if (recipient.kind() != RecipientKind.CUSTOMER || kind == MessageKind.CANCELLED || kind == MessageKind.REMOVED) {
            return null;
        }
        return links.url(appointment, recipient.address()).orElse(null);
    }

    /** The appointment's reminders that have not gone out are dropped: it was cancelled, or they are planned anew. */
    private void dropReminders(String appointmentId) {
        em.createNativeQuery("update outbox_message set status = 'SUPERSEDED', version = version + 1 where status ="
                + " 'PENDING' and pk in (select m.pk from mail_message m where m.appointment_id = ?1 and m.message_kind ="
                + " 'REMINDER')").setParameter(1, appointmentId).setFlushMode(FlushModeType.COMMIT).executeUpdate();
    }

    /** The address calendar entries name as their organiser: the business's, else the one mails come from. */
    private String organizer(BookingBusiness business) {
        if (business.email() != null && !business.email().isBlank()) {
            return business.email();
        }
        return config.getOptionalValue("bookings.mail.from", String.class).orElse("bookings@bookings.example");
    }

    private static List<AppointmentState.Person> customers(Appointment appointment) {
        List<AppointmentState.Person> customers = new ArrayList<>();
        for (CustomerInformation customer : appointment.customers()) {
            String zone = customer.timeZone() != null ? customer.timeZone() : appointment.customerTimeZone();
            customers.add(new AppointmentState.Person(customer.name(), customer.emailAddress(), zone));
        }
        return customers;
    }

    /** The people of an appointment by lower-cased address, each once, in the order customers, staff, owner. */
    private Map<String, Recipient> people(BookingBusiness business, List<String> staffMemberIds,
            List<AppointmentState.Person> customers, boolean optOutOfCustomerEmail) {
        Map<String, Recipient> people = new LinkedHashMap<>();
        if (!optOutOfCustomerEmail) {
            for (AppointmentState.Person customer : customers) {
                add(people, new Recipient(RecipientKind.CUSTOMER, customer.emailAddress(), customer.name(), customer.timeZone()));
            }
        }
        for (StaffMember member : items.find(staffKind, business, staffMemberIds)) {
            if (member.emailNotificationEnabled()) {
                add(people, new Recipient(RecipientKind.STAFF, member.emailAddress(), member.displayName(), member.timeZone()));
            }
        }
        if (business.sendConfirmationsToOwner()) {
            add(people, new Recipient(RecipientKind.OWNER, business.email(), business.displayName(), null));
        }
        return people;
    }

    private static void add(Map<String, Recipient> people, Recipient recipient) {
        if (recipient.address() != null && !recipient.address().isBlank()) {
            people.putIfAbsent(recipient.address().toLowerCase(Locale.ROOT), recipient);
        }
    }
}
