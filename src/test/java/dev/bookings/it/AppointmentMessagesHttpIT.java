package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every change of an appointment reaches its people with the calendar entry it makes, as their mail clients read it:
 * GreenMail receives the mails, ical4j parses their {@code text/calendar} parts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AppointmentMessagesHttpIT {

    static final Duration DELIVERY = Duration.ofSeconds(30);
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    @ArquillianResource
    URL base;

    /** One mail's calendar entry, as read by ical4j. */
    record Entry(String method, String uid, int sequence, String status, Instant start, Instant end, String zone,
            boolean zoneDefined, String organizer, List<String> attendees) {
    }

    static Entry entry(MimeMessage mail) throws Exception {
        String ics = MailServer.parts(mail).get("text/calendar");
        assertTrue(ics != null, "a text/calendar part: " + MailServer.parts(mail).keySet());
        assertTrue(mail.getContentType().startsWith("multipart/alternative"), mail.getContentType());
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        Property start = event.getProperty(Property.DTSTART).orElseThrow();
        String zone = start.getParameter(Parameter.TZID).map(Parameter::getValue).orElse("UTC");
        boolean defined = calendar.getComponents(Component.VTIMEZONE).stream()
                .anyMatch(tz -> tz.getProperty(Property.TZID).map(Property::getValue).orElse("").equals(zone));
        List<String> attendees = new ArrayList<>();
        event.getProperties(Property.ATTENDEE).forEach(a -> attendees.add(a.getValue()));
        return new Entry(calendar.getProperty(Property.METHOD).orElseThrow().getValue(),
                event.getProperty(Property.UID).orElseThrow().getValue(),
                Integer.parseInt(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()),
                event.getProperty(Property.STATUS).orElseThrow().getValue(),
                instant(start, zone), instant(event.getProperty(Property.DTEND).orElseThrow(), zone), zone, defined,
                event.getProperty(Property.ORGANIZER).orElseThrow().getValue(), attendees);
    }

    /** The instant a DTSTART or DTEND names: UTC when it ends in Z, else local time in its TZID (the JDK's rules). */
    static Instant instant(Property time, String zone) {
        String value = time.getValue();
        if (value.endsWith("Z")) {
            return LocalDateTime.parse(value.substring(0, value.length() - 1), LOCAL).toInstant(ZoneOffset.UTC);
        }
        return LocalDateTime.parse(value, LOCAL).atZone(ZoneId.of(zone)).toInstant();
    }

    static String times(String start, String end) {
        return "\"startDateTime\": {\"dateTime\": \"" + start + "\", \"timeZone\": \"UTC\"},"
                + " \"endDateTime\": {\"dateTime\": \"" + end + "\", \"timeZone\": \"UTC\"}";
    }

    /** The mails to {@code address} whose subject starts with {@code prefix}, awaiting {@code count} of them. */
    static List<MimeMessage> await(String address, String prefix, int count) {
        MailServer.eventually(() -> mails(address, prefix).size() >= count, DELIVERY);
        List<MimeMessage> mails = mails(address, prefix);
        assertEquals(count, mails.size(), prefix + " to " + address);
        return mails;
    }

    static List<MimeMessage> mails(String address, String prefix) {
        return MailServer.to(Set.of(address)).stream().filter(m -> MailServer.subject(m).startsWith(prefix)).toList();
    }

    static void assertEntry(Entry entry, String method, String uid, int sequence, String start, String zone,
            String organizer, String attendee) {
        assertEquals(method, entry.method(), entry::toString);
        assertEquals(uid, entry.uid());
        assertEquals(sequence, entry.sequence(), entry::toString);
        assertEquals(method.equals("CANCEL") ? "CANCELLED" : "CONFIRMED", entry.status());
        assertEquals(Instant.parse(start), entry.start(), entry::toString);
        assertEquals(Instant.parse(start).plus(Duration.ofHours(1)), entry.end(), entry::toString);
        assertEquals(zone, entry.zone(), entry::toString);
        assertTrue(zone.equals("UTC") || entry.zoneDefined(), "the VTIMEZONE of " + zone + " is in the calendar");
        assertEquals("mailto:" + organizer, entry.organizer());
        assertEquals(List.of("mailto:" + attendee), entry.attendees(), "the recipient alone is the attendee");
    }

    @Test
    void bookedMovedSwappedAndCancelledKeepEveryCalendarInStep() throws Exception {
        Api api = new Api(base);
        String owner = NoticesHttpIT.unique("owner");
        String business = api.create("", "{\"displayName\": \"Contoso Cuts\", \"email\": \"" + owner + "\","
                + " \"phone\": \"+1 206 555 0100\", \"address\": {\"street\": \"1 Main St\", \"city\": \"Seattle\"},"
                + " \"schedulingPolicy\": {\"sendConfirmationsToOwner\": true}}");
        String dana = NoticesHttpIT.unique("dana");
        String eli = NoticesHttpIT.unique("eli");
        String danaId = api.create(Api.encode(business) + "/staffMembers", "{\"displayName\": \"Dana\", \"emailAddress\": \""
                + dana + "\", \"role\": \"teamMember\", \"timeZone\": \"W. Europe Standard Time\"}");
        String eliId = api.create(Api.encode(business) + "/staffMembers", "{\"displayName\": \"Eli\", \"emailAddress\": \""
                + eli + "\", \"role\": \"teamMember\", \"timeZone\": \"Europe/Berlin\"}");
        String jordan = NoticesHttpIT.unique("jordan");
        // summer time in New York and Berlin; the move goes to winter time
        String id = api.create(Api.encode(business) + "/appointments", "{" + times("2027-07-15T08:00:00", "2027-07-15T09:00:00")
                + ", \"serviceName\": \"Haircut\", \"staffMemberIds\": [\"" + danaId + "\"], \"customers\": [{\"@odata.type\":"
                + " \"#microsoft.graph.bookingCustomerInformation\", \"name\": \"Jordan\", \"emailAddress\": \"" + jordan
                + "\", \"timeZone\": \"America/New_York\"}]}");

        // booked: an invitation to each, times in each one's zone
        assertEntry(entry(await(jordan, "Booked:", 1).get(0)), "REQUEST", id, 0, "2027-07-15T08:00:00Z", "America/New_York", owner, jordan);
        MimeMessage toDana = await(dana, "Booked:", 1).get(0);
        assertEntry(entry(toDana), "REQUEST", id, 0, "2027-07-15T08:00:00Z", "Europe/Berlin", owner, dana);
        assertEntry(entry(await(owner, "Booked:", 1).get(0)), "REQUEST", id, 0, "2027-07-15T08:00:00Z", "UTC", owner, owner);
        String text = MailServer.parts(toDana).get("text/plain");
        assertTrue(text.contains("Thursday 15 July 2027, 10:00–11:00 (Europe/Berlin)"), text);
        assertTrue(text.contains("Contoso Cuts") && text.contains("+1 206 555 0100") && text.contains("1 Main St, Seattle")
                && text.contains("Dana") && text.contains("Haircut") && text.contains("Jordan"), text);
        assertTrue(MailServer.parts(toDana).get("text/html").contains("1 Main St, Seattle"));

        // moved into winter time: the invitation again, one SEQUENCE higher
        Http.Reply moved = Http.send("PATCH", api.item(Api.V1, business, "appointments", id), api.manager, "application/json",
                "{" + times("2027-11-15T09:00:00", "2027-11-15T10:00:00") + "}");
        assertEquals(204, moved.status(), moved::toString);
        assertEntry(entry(await(jordan, "Changed:", 1).get(0)), "REQUEST", id, 1, "2027-11-15T09:00:00Z", "America/New_York", owner, jordan);
        MimeMessage movedForDana = await(dana, "Changed:", 1).get(0);
        assertEntry(entry(movedForDana), "REQUEST", id, 1, "2027-11-15T09:00:00Z", "Europe/Berlin", owner, dana);
        assertTrue(MailServer.parts(movedForDana).get("text/plain").contains("10:00–11:00 (Europe/Berlin)"), "winter: UTC+1");
        await(owner, "Changed:", 1);

        // staff swapped: the one taken off gets a CANCEL, the one put on an invitation, the customer the update
        Http.Reply swapped = Http.send("PATCH", api.item(Api.BETA, business, "calendarView", id), api.manager,
                "application/json", "{\"staffMemberIds\": [\"" + eliId + "\"]}");
        assertEquals(204, swapped.status(), swapped::toString);
        assertEntry(entry(await(dana, "Removed:", 1).get(0)), "CANCEL", id, 2, "2027-11-15T09:00:00Z", "Europe/Berlin", owner, dana);
        assertEntry(entry(await(eli, "Booked:", 1).get(0)), "REQUEST", id, 2, "2027-11-15T09:00:00Z", "Europe/Berlin", owner, eli);
        assertEntry(entry(await(jordan, "Changed:", 2).get(1)), "REQUEST", id, 2, "2027-11-15T09:00:00Z", "America/New_York", owner, jordan);
        await(owner, "Changed:", 2);

        // a PATCH that moves nothing in the calendar tells nobody
        assertEquals(204, Http.send("PATCH", api.item(Api.V1, business, "appointments", id), api.manager, "application/json",
                "{\"additionalInformation\": \"bring the voucher\"}").status());

        // cancelled: a CANCEL to each, with the business's message; a repeat sends nothing
        assertEquals(204, Http.postJson(api.cancel(Api.V1, business, "appointments", id), api.manager,
                "{\"cancellationMessage\": \"Closed for the day\"}").status());
        MimeMessage cancelled = await(jordan, "Cancelled:", 1).get(0);
        assertEntry(entry(cancelled), "CANCEL", id, 3, "2027-11-15T09:00:00Z", "America/New_York", owner, jordan);
        assertTrue(MailServer.parts(cancelled).get("text/plain").contains("Closed for the day"));
        assertEntry(entry(await(eli, "Cancelled:", 1).get(0)), "CANCEL", id, 3, "2027-11-15T09:00:00Z", "Europe/Berlin", owner, eli);
        assertEntry(entry(await(owner, "Cancelled:", 1).get(0)), "CANCEL", id, 3, "2027-11-15T09:00:00Z", "UTC", owner, owner);
        assertEquals(204, Http.postJson(api.cancel(Api.BETA, business, "calendarView", id), api.manager, "{}").status());
        Thread.sleep(2500);
        Map<String, Integer> expected = Map.of(jordan, 4, dana, 3, eli, 2, owner, 4);
        expected.forEach((address, count) -> assertEquals(count, MailServer.to(Set.of(address)).size(), address));
        assertEquals(0, mails(dana, "Cancelled:").size(), "taken off before the cancel: nothing more for Dana");
    }

    @Test
    void whileSmtpIsDownEachPersonGetsNoOlderStateAfterANewerOne() throws Exception {
        Api api = new Api(base);
        String business = api.business();
        String jordan = NoticesHttpIT.unique("outage");
        String id;
        MailServer.stop();
        try {
            id = api.create(Api.encode(business) + "/appointments", "{" + times("2027-03-01T08:00:00", "2027-03-01T09:00:00")
                    + ", \"customers\": [{\"name\": \"Jordan\", \"emailAddress\": \"" + jordan + "\"}]}");
            Thread.sleep(1500); // the confirmation's first attempt fails: SMTP is down
            assertEquals(204, Http.send("PATCH", api.item(Api.V1, business, "appointments", id), api.manager,
                    "application/json", "{" + times("2027-03-02T08:00:00", "2027-03-02T09:00:00") + "}").status());
            Thread.sleep(1500);
            assertEquals(204, Http.postJson(api.cancel(Api.V1, business, "appointments", id), api.manager, "{}").status());
        } finally {
            MailServer.start();
        }
        await(jordan, "Cancelled:", 1);
        Thread.sleep(3000);
        List<MimeMessage> received = MailServer.to(Set.of(jordan));
        int last = -1;
        for (MimeMessage mail : received) {
            Entry entry = entry(mail);
            assertEquals(id, entry.uid());
            assertTrue(entry.sequence() > last, "each later than the one before: " + received.size() + " mails");
            last = entry.sequence();
        }
        assertEquals("CANCEL", entry(received.get(received.size() - 1)).method(), "the cancellation last");
    }

    /** Start and end of an hour-long appointment starting {@code startIn} from now, to the second. */
    static String startingIn(Duration startIn) {
        java.time.OffsetDateTime start = java.time.OffsetDateTime.now(ZoneOffset.UTC).plus(startIn)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return times(start.toLocalDateTime().toString(), start.plusHours(1).toLocalDateTime().toString());
    }

    static String reminder(String offset, String recipients, String message) {
        return "{\"@odata.type\": \"#microsoft.graph.bookingReminder\", \"offset\": \"" + offset + "\", \"recipients\": \""
                + recipients + "\", \"message\": \"" + message + "\"}";
    }

    @Test
    void remindersGoOutOnceAtTheirTimeAndNotForACancelledAppointment() throws Exception {
        Api api = new Api(base);
        String business = api.business();
        String staff = NoticesHttpIT.unique("reminded-staff");
        String staffId = api.create(Api.encode(business) + "/staffMembers", "{\"displayName\": \"Dana\", \"emailAddress\": \""
                + staff + "\", \"role\": \"teamMember\"}");
        String service = api.create(Api.encode(business) + "/services", "{\"displayName\": \"Haircut\", \"defaultReminders\": ["
                + reminder("PT59M56S", "customer", "From the service") + "]}");
        String kept = NoticesHttpIT.unique("kept");
        String cancelled = NoticesHttpIT.unique("cancelled");
        String moved = NoticesHttpIT.unique("moved");
        String defaulted = NoticesHttpIT.unique("defaulted");
        // in about 4 s to the customer and the staff member; one that was due before the booking is never sent
        api.create(Api.encode(business) + "/appointments", "{" + startingIn(Duration.ofHours(1)) + ", \"staffMemberIds\": [\""
                + staffId + "\"], \"customers\": [{\"name\": \"K\", \"emailAddress\": \"" + kept + "\"}], \"reminders\": ["
                + reminder("PT59M56S", "allAttendees", "Bring your card") + ", " + reminder("PT2H", "customer", "Too late") + "]}");
        // in about 5 s, but cancelled at once
        String gone = api.create(Api.encode(business) + "/appointments", "{" + startingIn(Duration.ofHours(1)) + ", \"customers\":"
                + " [{\"name\": \"C\", \"emailAddress\": \"" + cancelled + "\"}], \"reminders\": ["
                + reminder("PT59M55S", "customer", "Never") + "]}");
        assertEquals(204, Http.postJson(api.cancel(Api.V1, business, "appointments", gone), api.manager, "{}").status());
        // in a minute, then moved 55 s earlier: in about 5 s
        String move = api.create(Api.encode(business) + "/appointments", "{" + startingIn(Duration.ofHours(1)) + ", \"customers\":"
                + " [{\"name\": \"M\", \"emailAddress\": \"" + moved + "\"}], \"reminders\": ["
                + reminder("PT59M", "customer", "Moved one") + "]}");
        assertEquals(204, Http.send("PATCH", api.item(Api.V1, business, "appointments", move), api.manager, "application/json",
                "{" + startingIn(Duration.ofHours(1).minusSeconds(55)) + "}").status());
        // none of its own: the service's defaultReminders, copied at booking
        String withDefaults = api.create(Api.encode(business) + "/appointments", "{" + startingIn(Duration.ofHours(1))
                + ", \"serviceId\": \"" + service + "\", \"customers\": [{\"name\": \"D\", \"emailAddress\": \"" + defaulted + "\"}]}");
        assertEquals("From the service", Http.get(api.item(Api.V1, business, "appointments", withDefaults), api.manager).json()
                .getJsonArray("reminders").getJsonObject(0).getString("message"));

        MimeMessage toKept = await(kept, "Reminder:", 1).get(0);
        assertTrue(MailServer.parts(toKept).get("text/plain").contains("Bring your card"));
        assertEquals(null, MailServer.parts(toKept).get("text/calendar"), "a reminder changes no calendar");
        await(staff, "Reminder:", 1);
        assertTrue(MailServer.parts(await(moved, "Reminder:", 1).get(0)).get("text/plain").contains("Moved one"),
                "at the new time, some 55 s before the old one");
        assertTrue(MailServer.parts(await(defaulted, "Reminder:", 1).get(0)).get("text/plain").contains("From the service"));
        Thread.sleep(4000);
        assertEquals(1, mails(kept, "Reminder:").size(), "each reminder once; the one already due at booking never");
        assertEquals(1, mails(staff, "Reminder:").size());
        assertEquals(1, mails(moved, "Reminder:").size());
        assertEquals(0, mails(cancelled, "Reminder:").size(), "a cancelled appointment reminds no one");
    }

    @Test
    void remindersThatAreNotGraphsAreRefused() {
        Api api = new Api(base);
        String business = api.business();
        for (String bad : new String[] {reminder("-PT1H", "customer", "x"), reminder("soon", "customer", "x"),
                reminder("PT1H", "everyone", "x"), "{\"recipients\": \"customer\"}", "\"PT1H\""}) {
            Http.Reply reply = Http.postJson(api.uri(Api.V1 + "/" + Api.encode(business) + "/appointments"), api.manager,
                    "{" + startingIn(Duration.ofDays(2)) + ", \"reminders\": [" + bad + "]}");
            assertEquals(400, reply.status(), bad + ": " + reply);
            assertTrue(reply.json().getJsonObject("error").getString("message").contains("reminders"), reply::toString);
            Http.Reply service = Http.postJson(api.uri(Api.V1 + "/" + Api.encode(business) + "/services"), api.manager,
                    "{\"displayName\": \"Cut\", \"defaultReminders\": [" + bad + "]}");
            assertEquals(400, service.status(), bad + ": " + service);
        }
    }
}
