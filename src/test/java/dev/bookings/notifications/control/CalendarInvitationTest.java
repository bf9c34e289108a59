package dev.bookings.notifications.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.notifications.control.CalendarInvitation.Attendee;
import dev.bookings.notifications.control.CalendarInvitation.Event;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneUpdater;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads what {@link CalendarInvitation} writes back with ical4j's parser, the way a client would. The zone
 * definitions are also checked against the JDK's transitions with a reading of RFC 5545 of our own: ical4j turns a
 * {@code VTIMEZONE} into offsets through rules of its own ({@code ZoneRulesBuilder}) that put some transitions at
 * the wrong hour or week, so its answers are compared only away from transitions.
 */
class CalendarInvitationTest {

    private static final Instant STAMP = Instant.parse("2026-05-01T09:15:00Z");

    private static Event event(boolean cancelled, Instant start, Instant end, ZoneId zone) {
        return new Event("appointment-42@bookings.example", 3, cancelled, start, end, zone, "Haircut",
                "Bring a photo", "Main Street 1", "shop@bookings.example", "The Shop",
                List.of(new Attendee("ann@example.com", "Ann Example"), new Attendee("bob@example.com", null)), STAMP);
    }

    private static Event summer(ZoneId zone) {
        return event(false, Instant.parse("2026-07-01T08:00:00Z"), Instant.parse("2026-07-01T09:00:00Z"), zone);
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static VEvent vevent(Calendar calendar) {
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(1, events.size());
        return events.get(0);
    }

    private static String value(net.fortuna.ical4j.model.PropertyContainer container, String name) {
        return container.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static String parameter(Property property, String name) {
        return property.getParameter(name).map(Parameter::getValue).orElse(null);
    }

    private static Instant instant(VEvent vevent, String name) {
        DateProperty<?> property = vevent.<DateProperty<?>>getProperty(name).orElseThrow();
        return Instant.from(property.getDate());
    }

    @Test
    void aRequestIsConfirmed() throws Exception {
        Calendar calendar = parse(CalendarInvitation.ics(summer(null)));
        assertEquals(CalendarInvitation.PRODUCT_ID, value(calendar, "PRODID"));
        assertEquals("2.0", value(calendar, "VERSION"));
        assertEquals("GREGORIAN", value(calendar, "CALSCALE"));
        assertEquals("REQUEST", value(calendar, "METHOD"));
        VEvent vevent = vevent(calendar);
        assertEquals("CONFIRMED", value(vevent, "STATUS"));
        assertEquals("appointment-42@bookings.example", value(vevent, "UID"));
        assertEquals("3", value(vevent, "SEQUENCE"));
        assertEquals("20260501T091500Z", value(vevent, "DTSTAMP"));
        assertEquals("Haircut", value(vevent, "SUMMARY"));
        assertEquals("Bring a photo", value(vevent, "DESCRIPTION"));
        assertEquals("Main Street 1", value(vevent, "LOCATION"));
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
    }

    @Test
    void aCancellationIsCancelled() throws Exception {
        Event event = event(true, Instant.parse("2026-07-01T08:00:00Z"), Instant.parse("2026-07-01T09:00:00Z"), null);
        Calendar calendar = parse(CalendarInvitation.ics(event));
        assertEquals("CANCEL", value(calendar, "METHOD"));
        VEvent vevent = vevent(calendar);
        assertEquals("CANCELLED", value(vevent, "STATUS"));
        assertEquals("appointment-42@bookings.example", value(vevent, "UID"));
        assertEquals("3", value(vevent, "SEQUENCE"));
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Z", "UTC", "Etc/UTC", "GMT"})
    void withoutAZoneTimesAreUtc(String zone) throws Exception {
        String ics = CalendarInvitation.ics(summer(zone.isEmpty() ? null : ZoneId.of(zone)));
        assertTrue(ics.contains("\r\nDTSTART:20260701T080000Z\r\n"), ics);
        assertTrue(ics.contains("\r\nDTEND:20260701T090000Z\r\n"), ics);
        assertFalse(ics.contains("VTIMEZONE"), ics);
        VEvent vevent = vevent(parse(ics));
        assertEquals(Instant.parse("2026-07-01T08:00:00Z"), instant(vevent, "DTSTART"));
        assertEquals(Instant.parse("2026-07-01T09:00:00Z"), instant(vevent, "DTEND"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // summer time, UTC+2
        "2026-07-01T08:00:00Z 2026-07-01T09:30:00Z 20260701T100000 20260701T113000",
        // winter time, UTC+1
        "2026-12-10T08:00:00Z 2026-12-10T09:30:00Z 20261210T090000 20261210T103000"})
    void berlinTimesAreLocalWithTheirZone(String times) throws Exception {
        String[] parts = times.split(" ");
        Instant start = Instant.parse(parts[0]);
        Instant end = Instant.parse(parts[1]);
        Calendar calendar = parse(CalendarInvitation.ics(event(false, start, end, ZoneId.of("Europe/Berlin"))));
        VEvent vevent = vevent(calendar);
        Property dtStart = vevent.getProperty("DTSTART").orElseThrow();
        Property dtEnd = vevent.getProperty("DTEND").orElseThrow();
        assertEquals("Europe/Berlin", parameter(dtStart, "TZID"));
        assertEquals("Europe/Berlin", parameter(dtEnd, "TZID"));
        assertEquals(parts[2], dtStart.getValue());
        assertEquals(parts[3], dtEnd.getValue());
        assertEquals(start, instant(vevent, "DTSTART"));
        assertEquals(end, instant(vevent, "DTEND"));
        List<VTimeZone> zones = calendar.getComponents("VTIMEZONE");
        assertEquals(1, zones.size());
        assertEquals("Europe/Berlin", value(zones.get(0), "TZID"));
        assertEquals(List.of("DAYLIGHT +0100 +0200 FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                "STANDARD +0200 +0100 FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"), describe(zones.get(0)));
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
    }

    @Test
    void newYorkHasItsRules() throws Exception {
        Calendar calendar = parse(CalendarInvitation.ics(summer(ZoneId.of("America/New_York"))));
        VEvent vevent = vevent(calendar);
        assertEquals("20260701T040000", value(vevent, "DTSTART"));
        assertEquals(Instant.parse("2026-07-01T08:00:00Z"), instant(vevent, "DTSTART"));
        VTimeZone zone = calendar.<VTimeZone>getComponents("VTIMEZONE").get(0);
        assertEquals(List.of("DAYLIGHT -0500 -0400 FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
                "STANDARD -0400 -0500 FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"), describe(zone));
    }

    private static List<String> describe(VTimeZone zone) {
        return zone.getObservances().stream()
                .map(o -> o.getName() + " " + value(o, "TZOFFSETFROM") + " " + value(o, "TZOFFSETTO") + " "
                        + value(o, "RRULE"))
                .toList();
    }

    /**
     * Every zone the JDK knows: the {@code VTIMEZONE} of an event from March to November 2026 gives the JDK's offset
     * just before and at each transition, through 2036 when it is written with yearly rules, during the event when
     * it lists the event's transitions (the zones whose rules an {@code RRULE} cannot say, and those with
     * transitions fixed in advance, such as Gaza's).
     */
    @Test
    void everyZoneHasTheJdksOffsets() throws Exception {
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        Instant end = Instant.parse("2026-11-30T00:00:00Z");
        int yearly = 0;
        int zones = 0;
        for (String id : ZoneId.getAvailableZoneIds().stream().sorted().toList()) {
            // ids that ical4j adds to the JDK when its jar is on the system class path
            if (id.startsWith("ical4j~")) {
                continue;
            }
            ZoneId zone = ZoneId.of(id);
            if (zone.normalized().equals(ZoneOffset.UTC)) {
                continue;
            }
            zones++;
            Calendar calendar = parse(CalendarInvitation.ics(event(false, start, end, zone)));
            VTimeZone definition = calendar.<VTimeZone>getComponents("VTIMEZONE").get(0);
            assertEquals(id, value(definition, "TZID"));
            boolean withRules = definition.getObservances().stream().anyMatch(o -> o.getProperty("RRULE").isPresent());
            yearly += withRules ? 1 : 0;
            Instant until = withRules ? Instant.parse("2037-01-01T00:00:00Z") : end;
            TreeMap<Instant, ZoneOffset> onsets = onsets(definition, until);
            ZoneRules rules = zone.getRules();
            List<Instant> checked = new ArrayList<>(List.of(start, end));
            for (ZoneOffsetTransition t = rules.nextTransition(start); t != null && t.getInstant().isBefore(until);
                    t = rules.nextTransition(t.getInstant())) {
                checked.add(t.getInstant().minusSeconds(1));
                checked.add(t.getInstant());
            }
            for (Instant instant : checked) {
                Map.Entry<Instant, ZoneOffset> onset = onsets.floorEntry(instant);
                assertTrue(onset != null, id + ": no observance at " + instant + "\n" + definition);
                assertEquals(rules.getOffset(instant), onset.getValue(), id + " at " + instant + "\n" + definition);
            }
        }
        assertTrue(zones > 500, "zones: " + zones);
        assertTrue(yearly > 100, "zones with yearly rules: " + yearly);
    }

    /**
     * RFC 5545 3.6.5 read directly: each observance begins at its {@code DTSTART} and each date of its
     * {@code RRULE}, local times in its {@code TZOFFSETFROM}; from then on {@code TZOFFSETTO} holds.
     */
    private static TreeMap<Instant, ZoneOffset> onsets(VTimeZone definition, Instant until) {
        TreeMap<Instant, ZoneOffset> onsets = new TreeMap<>();
        for (Observance observance : definition.getObservances()) {
            ZoneOffset from = observance.<TzOffsetFrom>getProperty("TZOFFSETFROM").orElseThrow().getOffset();
            ZoneOffset to = observance.<TzOffsetTo>getProperty("TZOFFSETTO").orElseThrow().getOffset();
            LocalDateTime first = LocalDateTime.from(observance.<DateProperty<?>>getProperty("DTSTART")
                    .orElseThrow().getDate());
            List<LocalDateTime> dates = new ArrayList<>(List.of(first));
            Optional<RRule<LocalDateTime>> rrule = observance.getProperty("RRULE");
            rrule.ifPresent(r -> dates.addAll(r.getRecur().getDates(first, first,
                    LocalDateTime.ofInstant(until, ZoneOffset.UTC).plusDays(2))));
            assertFalse(observance.getProperty("RDATE").isPresent());
            dates.forEach(date -> onsets.put(date.toInstant(from), to));
        }
        return onsets;
    }

    @Test
    void theSecondOfTwoEqualLocalTimesIsWrittenInUtc() throws Exception {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 25 October 2026: 02:30 happens at 00:30 UTC (summer time) and again at 01:30 UTC (winter time)
        String ics = CalendarInvitation.ics(event(false, Instant.parse("2026-10-25T00:30:00Z"),
                Instant.parse("2026-10-25T01:30:00Z"), berlin));
        assertTrue(ics.contains("\r\nDTSTART;TZID=Europe/Berlin:20261025T023000\r\n"), ics);
        assertTrue(ics.contains("\r\nDTEND:20261025T013000Z\r\n"), ics);
    }

    @Test
    void organizerAndAttendees() throws Exception {
        VEvent vevent = vevent(parse(CalendarInvitation.ics(summer(null))));
        Property organizer = vevent.getProperty("ORGANIZER").orElseThrow();
        assertEquals("mailto:shop@bookings.example", organizer.getValue());
        assertEquals("The Shop", parameter(organizer, "CN"));
        List<Property> attendees = vevent.getProperties("ATTENDEE");
        assertEquals(2, attendees.size());
        Property ann = attendees.get(0);
        assertEquals("mailto:ann@example.com", ann.getValue());
        assertEquals("Ann Example", parameter(ann, "CN"));
        assertEquals("REQ-PARTICIPANT", parameter(ann, "ROLE"));
        assertEquals("NEEDS-ACTION", parameter(ann, "PARTSTAT"));
        assertEquals("FALSE", parameter(ann, "RSVP"));
        Property bob = attendees.get(1);
        assertEquals("mailto:bob@example.com", bob.getValue());
        assertEquals(null, parameter(bob, "CN"));
        assertEquals("REQ-PARTICIPANT", parameter(bob, "ROLE"));
    }

    @Test
    void namesWithQuotesColonsAndSemicolonsStayOneParameter() throws Exception {
        String name = "O'Neil, \"Bob\": Cuts; Colours";
        Event event = new Event("u", 0, false, Instant.parse("2026-07-01T08:00:00Z"),
                Instant.parse("2026-07-01T09:00:00Z"), null, "s", null, null, "shop@bookings.example", name,
                List.of(new Attendee(" ann@example.com ", "Ann\r\nBcc: x")), STAMP);
        String ics = CalendarInvitation.ics(event);
        // quoted for the comma, colon and semicolon; the double quotes as RFC 6868 writes them
        assertTrue(ics.contains("\r\nORGANIZER;CN=\"O'Neil, ^'Bob^': Cuts; Colours\":mailto:shop@bookings.example\r\n"),
                ics);
        VEvent vevent = vevent(parse(ics));
        Property organizer = vevent.getProperty("ORGANIZER").orElseThrow();
        assertEquals(name, parameter(organizer, "CN"));
        assertEquals("mailto:shop@bookings.example", organizer.getValue());
        Property attendee = vevent.getProperty("ATTENDEE").orElseThrow();
        assertEquals("Ann Bcc: x", parameter(attendee, "CN"));
        assertEquals("mailto:ann@example.com", attendee.getValue());
    }

    @Test
    void textRoundTrips() throws Exception {
        String summary = "Cut, wash; dry \\ <b>bold</b> & <script>alert('x')</script> – Grüße, 日本語, 😀";
        String description = "Line one,\nline two; with \"quotes\"\r\nline three\\n is not a line break";
        Event event = new Event("u", 0, false, Instant.parse("2026-07-01T08:00:00Z"),
                Instant.parse("2026-07-01T09:00:00Z"), null, summary, description, "Café \"Zur Post\", Hof 2; links",
                "shop@bookings.example", null, List.of(), STAMP);
        VEvent vevent = vevent(parse(CalendarInvitation.ics(event)));
        assertEquals(summary, value(vevent, "SUMMARY"));
        assertEquals(description.replace("\r\n", "\n"), value(vevent, "DESCRIPTION"));
        assertEquals("Café \"Zur Post\", Hof 2; links", value(vevent, "LOCATION"));
        assertFalse(vevent.getProperty("ORGANIZER").orElseThrow().getParameter("CN").isPresent());
    }

    @Test
    void blankDescriptionAndLocationAreLeftOut() throws Exception {
        Event event = new Event("u", 0, false, Instant.parse("2026-07-01T08:00:00Z"),
                Instant.parse("2026-07-01T09:00:00Z"), null, "s", " ", null, "shop@bookings.example", " ",
                null, STAMP);
        String ics = CalendarInvitation.ics(event);
        assertFalse(ics.contains("DESCRIPTION"), ics);
        assertFalse(ics.contains("LOCATION"), ics);
        assertFalse(ics.contains("ATTENDEE"), ics);
        assertTrue(ics.contains("\r\nORGANIZER:mailto:shop@bookings.example\r\n"), ics);
    }

    @Test
    void controlCharactersAreDropped() throws Exception {
        Event event = new Event("u", 0, false, Instant.parse("2026-07-01T08:00:00Z"),
                Instant.parse("2026-07-01T09:00:00Z"), null, "a\u0007b\rATTENDEE:mailto:x@evil.example\u0000",
                null, null, "shop@bookings.example", null, List.of(), STAMP);
        String ics = CalendarInvitation.ics(event);
        assertFalse(ics.replace("\r\n", "").contains("\r"), ics);
        VEvent vevent = vevent(parse(ics));
        assertEquals("ab\nATTENDEE:mailto:x@evil.example", value(vevent, "SUMMARY"));
        assertTrue(vevent.getProperties("ATTENDEE").isEmpty());
    }

    /**
     * RFC 5545 3.1: CRLF after every line, none longer than 75 octets, and folding never cuts a character: long
     * values in one-, two-, three- and four-octet characters.
     */
    @Test
    void linesAreCrlfAndAtMost75Octets() throws Exception {
        String summary = "a".repeat(200) + "ü".repeat(100) + "日本".repeat(60) + "😀".repeat(50) + "x😀".repeat(40);
        String description = "Beschreibung: " + "Grüße aus Köln, ".repeat(30) + "Ende";
        Event event = new Event("u", 0, false, Instant.parse("2026-07-01T08:00:00Z"),
                Instant.parse("2026-07-01T09:00:00Z"), ZoneId.of("Europe/Berlin"), summary, description, null,
                "shop@bookings.example", "Ä".repeat(80),
                List.of(new Attendee("someone.with.a.very.long.address@a-long-domain-name.example", "Ö".repeat(90))),
                STAMP);
        String ics = CalendarInvitation.ics(event);
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        assertFalse(ics.replace("\r\n", "").contains("\n"), "a line ends in a bare LF");
        assertFalse(ics.replace("\r\n", "").contains("\r"), "a bare CR");
        byte[] octets = ics.getBytes(UTF_8);
        assertEquals(ics, new String(octets, UTF_8), "a character was cut in two");
        List<String> lines = List.of(ics.split("\r\n"));
        int longest = lines.stream().mapToInt(line -> line.getBytes(UTF_8).length).max().orElseThrow();
        assertTrue(longest <= 75, "longest line: " + longest + " octets\n"
                + lines.stream().max(Comparator.comparingInt(line -> line.getBytes(UTF_8).length)).orElseThrow());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith(" ")), "nothing was folded");
        VEvent vevent = vevent(parse(ics));
        assertEquals(summary, value(vevent, "SUMMARY"));
        assertEquals(description, value(vevent, "DESCRIPTION"));
        assertEquals("Ö".repeat(90), parameter(vevent.getProperty("ATTENDEE").orElseThrow(), "CN"));
    }

    @Test
    void foldingCountsOctets() {
        String line = "SUMMARY:" + "é".repeat(40);
        String folded = CalendarInvitation.fold(line + "\r\n");
        // 8 + 2 * 33 = 74 octets fit in the first line, then the space and 7 more characters
        assertEquals("SUMMARY:" + "é".repeat(33) + "\r\n " + "é".repeat(7) + "\r\n", folded);
    }

    @Test
    void ical4jNeverUpdatesZonesOverTheNetworkEvenWhenAskedTo() {
        String key = "net.fortuna.ical4j.timezone.update.enabled";
        String before = System.getProperty(key);
        System.setProperty(key, "true");
        try {
            // src/main/resources/ical4j.properties is read before system properties
            assertFalse(new TimeZoneUpdater().isEnabled());
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }

    @Test
    void aTimeZoneWithoutDaylightSavingHasOneObservance() throws Exception {
        Calendar calendar = parse(CalendarInvitation.ics(summer(ZoneId.of("Asia/Tokyo"))));
        VTimeZone zone = calendar.<VTimeZone>getComponents("VTIMEZONE").get(0);
        assertEquals(1, zone.getObservances().size());
        Observance observance = zone.getObservances().get(0);
        assertEquals("STANDARD", observance.getName());
        assertEquals("+0900", value(observance, "TZOFFSETTO"));
        assertEquals(Instant.parse("2026-07-01T08:00:00Z"), instant(vevent(calendar), "DTSTART"));
        assertEquals("20260701T170000", value(vevent(calendar), "DTSTART"));
    }
}
