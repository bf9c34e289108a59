package dev.bookings.notifications.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Month;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * The iCalendar (RFC 5545) text of an appointment, as an iTIP (RFC 5546) message that mail clients act on: a
 * {@code REQUEST} puts the appointment into the recipient's calendar or moves it there, a {@code CANCEL} takes it
 * out. Clients match messages by {@code UID} and keep the one with the highest {@code SEQUENCE}, so the caller gives
 * every version of one appointment the same uid and a higher sequence for each change, the cancellation included.
 * <p>
 * ical4j writes every property, so values are escaped and parameter values quoted as the RFC says (a double quote
 * in a name becomes {@code ^'}, RFC 6868). Two things it leaves to us are done here: control characters, which it
 * would copy raw (a lone carriage return would end the line for some readers), are removed; and the lines are
 * folded by octets, because ical4j folds every 73 UTF-16 chars, which lets non-ASCII lines exceed the 75 octets
 * and can cut an emoji's surrogate pair in two.
 * <p>
 * Times are written in UTC unless the event has a time zone other than UTC; then they are local times with
 * {@code TZID}, and the calendar carries that zone's {@code VTIMEZONE} built from the JDK's rules: the same rules
 * that turned the instants into local times, so the two cannot disagree. ical4j's bundled definitions are not
 * used: for 4.1.1 they are tzdata 2025a (without the zones added since), its reading of them is an hour or a week
 * off near some transitions, and its loader would fetch newer ones from tzurl.org if
 * {@code net.fortuna.ical4j.timezone.update.enabled} were set (this application's {@code ical4j.properties} keeps
 * it off, whatever the system properties say).
 * <p>
 * Nothing here parses iCalendar, and nothing in production should per message: ical4j's {@code CalendarBuilder}
 * registers a new {@code java.time} zone rules provider, JVM-wide and never removed, for every calendar it reads.
 * <p>
 * Thread-safe and cheap (tens of microseconds a message): the only shared state is a cache of the zones' yearly
 * definitions, built once per zone and never changed afterwards.
 */
public final class CalendarInvitation {

    /** Names the product that wrote the calendar (RFC 5545 3.7.3); any globally unique text does. */
    public static final String PRODUCT_ID = "-//bookings//Bookings service//EN";

    /** RFC 5545 3.1: a line is at most 75 octets, line break excluded. */
    private static final int MAX_LINE_OCTETS = 75;

    /**
     * For each zone id, its {@code VTIMEZONE} with one {@code RRULE} observance per yearly rule, usable for events
     * at or after {@link Yearly#from}; empty when the zone has no yearly rules (no daylight saving time now) or one
     * that a simple {@code RRULE} does not express. Built once per zone: finding the rules' first years and checking
     * the recurrences costs far more than writing an invitation.
     */
    private static final ConcurrentHashMap<String, Optional<Yearly>> YEARLY = new ConcurrentHashMap<>();

    /**
     * An {@code RRULE} is used only if it gives the JDK's transitions for this many years: the 28-year cycle of
     * weekdays and leap years, twice.
     */
    private static final int CHECKED_YEARS = 56;

    /** Control characters other than line feed and tab: not allowed in iCalendar text (RFC 5545 3.3.11). */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\n\t]]");

    /** Where a zone that never changed its offset is said to begin. */
    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    private CalendarInvitation() {
    }

    /**
     * One person invited.
     *
     * @param address the e-mail address, written as a {@code mailto:} URI
     * @param name the display name, written as {@code CN}; none when null or blank
     */
    public record Attendee(String address, String name) {

        public Attendee {
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * The appointment as the invitation shows it.
     *
     * @param uid the same for every message about one appointment
     * @param sequence raised for each change the attendees should see, cancellation included
     * @param cancelled writes a {@code CANCEL} instead of a {@code REQUEST}
     * @param zone the zone the times are written in, so that clients show the event in the zone it was booked in
     *        (also across a daylight saving change); null or UTC writes UTC times
     * @param description plain text; none when null or blank
     * @param location none when null or blank
     * @param organizerName none when null or blank
     * @param attendees may be empty (null means empty)
     * @param stamp when this message was made ({@code DTSTAMP})
     */
    public record Event(String uid, int sequence, boolean cancelled, Instant start, Instant end, ZoneId zone,
            String summary, String description, String location, String organizerAddress, String organizerName,
            List<Attendee> attendees, Instant stamp) {

        public Event {
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(organizerAddress, "organizerAddress");
            Objects.requireNonNull(stamp, "stamp");
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("end " + end + " is before start " + start);
            }
            attendees = attendees == null ? List.of() : List.copyOf(attendees);
        }
    }

    /** A zone's rule-based {@code VTIMEZONE} and the first instant it describes completely. */
    private record Yearly(Instant from, VTimeZone definition) {
    }

    /**
     * The whole {@code VCALENDAR}: CRLF line endings, lines folded at 75 octets.
     */
    public static String ics(Event event) {
        ZoneId zone = isUtc(event.zone()) ? null : event.zone();

        VEvent vevent = new VEvent(false);
        vevent.add(new Uid(event.uid()));
        vevent.add(new Sequence(event.sequence()));
        vevent.add(new DtStamp(event.stamp()));
        LocalDateTime localStart = localTime(event.start(), zone);
        LocalDateTime localEnd = localTime(event.end(), zone);
        vevent.add(localStart == null ? new DtStart<>(event.start()) : new DtStart<>(tzId(zone), localStart));
        vevent.add(localEnd == null ? new DtEnd<>(event.end()) : new DtEnd<>(tzId(zone), localEnd));
        vevent.add(new Summary(text(event.summary() == null ? "" : event.summary())));
        if (present(event.description())) {
            vevent.add(new Description(text(event.description())));
        }
        if (present(event.location())) {
            vevent.add(new Location(text(event.location())));
        }
        Organizer organizer = new Organizer(mailto(event.organizerAddress()));
        name(event.organizerName()).ifPresent(organizer::add);
        vevent.add(organizer);
        for (Attendee attendee : event.attendees()) {
            net.fortuna.ical4j.model.property.Attendee property =
                    new net.fortuna.ical4j.model.property.Attendee(mailto(attendee.address()));
            name(attendee.name()).ifPresent(property::add);
            property.add(Role.REQ_PARTICIPANT);
            property.add(PartStat.NEEDS_ACTION);
            property.add(Rsvp.FALSE);
            vevent.add(property);
        }
        vevent.add(event.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);

        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(event.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        if (zone != null) {
            calendar.add(timeZone(zone, event.start(), event.end()));
        }
        calendar.add(vevent);
        return fold(calendar.toString());
    }

    /** UTC under any of its names ({@code Z}, {@code UTC}, {@code Etc/UTC}, {@code GMT}...). */
    private static boolean isUtc(ZoneId zone) {
        return zone == null || zone.normalized().equals(ZoneOffset.UTC);
    }

    /**
     * The local time in the zone that {@code DTSTART} or {@code DTEND} shows with {@code TZID}; null for UTC: when
     * there is no zone, and when the local time occurs twice (the hour the clocks go back) and the instant is its
     * second occurrence, as RFC 5545 3.3.5 reads such a local time as the first. The local time is the JDK's and
     * handed to ical4j as it is: given a {@code ZonedDateTime}, ical4j would convert it again with rules of its own
     * choosing, which are its bundled ones (and wrong an hour near some transitions) whenever its jar is on the
     * system class path, as in unit tests.
     */
    private static LocalDateTime localTime(Instant instant, ZoneId zone) {
        if (zone == null) {
            return null;
        }
        ZonedDateTime local = instant.atZone(zone);
        return local.withEarlierOffsetAtOverlap().toInstant().equals(instant) ? local.toLocalDateTime() : null;
    }

    private static ParameterList tzId(ZoneId zone) {
        return new ParameterList(List.of(new net.fortuna.ical4j.model.parameter.TzId(zone.getId())));
    }

    /**
     * The zone's definition for an event from {@code start} to {@code end}: the yearly rules when the event falls
     * under them, which is what clients expect and reuse; otherwise the offsets the zone actually has then: the one
     * in force at {@code start}, written as beginning at its last change with the same offset before as after
     * (true from that instant on; given the older offset there, ical4j keeps it as the zone's wall offset for
     * good), then one observance per change until {@code end}.
     */
    private static VTimeZone timeZone(ZoneId zone, Instant start, Instant end) {
        Optional<Yearly> yearly = YEARLY.computeIfAbsent(zone.getId(), id -> yearly(zone));
        if (yearly.isPresent() && !start.isBefore(yearly.get().from())) {
            return yearly.get().definition();
        }
        ZoneRules rules = zone.getRules();
        ZoneOffset offset = rules.getOffset(start);
        ZoneOffsetTransition last = rules.previousTransition(start.plusNanos(1));
        LocalDateTime local = LocalDateTime.ofInstant(start, offset);
        LocalDateTime since = last != null ? last.getDateTimeAfter() : local.isBefore(EPOCH) ? local : EPOCH;
        List<Observance> observances = new ArrayList<>();
        observances.add(observance(rules.isDaylightSavings(start), offset, offset, since, null));
        ZoneOffsetTransition change = rules.nextTransition(start);
        while (change != null && !change.getInstant().isAfter(end)) {
            observances.add(observance(rules.isDaylightSavings(change.getInstant()), change.getOffsetBefore(),
                    change.getOffsetAfter(), change.getDateTimeBefore(), null));
            change = rules.nextTransition(change.getInstant());
        }
        return definition(zone, observances);
    }

    /**
     * The zone's yearly rules as observances with an {@code RRULE} each, starting with each rule's first
     * transition after the zone's last irregular one, as tzdata and the usual calendar programs write them.
     * Each {@code RRULE} is expanded by ical4j and compared with the JDK's transitions for {@value #CHECKED_YEARS}
     * years; none is used unless all match (a rule at 24:00, or one whose local date is not the rule's date, is
     * left to the explicit definition of {@link #timeZone}).
     */
    private static Optional<Yearly> yearly(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransitionRule> yearlyRules = rules.getTransitionRules();
        if (yearlyRules.isEmpty()) {
            return Optional.empty();
        }
        List<ZoneOffsetTransition> history = rules.getTransitions();
        Instant lastIrregular = history.isEmpty() ? Instant.MIN : history.get(history.size() - 1).getInstant();
        int firstYear = history.isEmpty() ? 1970 : LocalDateTime.ofInstant(lastIrregular, ZoneOffset.UTC).getYear();
        List<Observance> observances = new ArrayList<>();
        Instant from = null;
        for (ZoneOffsetTransitionRule rule : yearlyRules) {
            int year = IntStream.iterate(firstYear, y -> y + 1)
                    .filter(y -> rule.createTransition(y).getInstant().isAfter(lastIrregular))
                    .findFirst().orElseThrow();
            ZoneOffsetTransition first = rule.createTransition(year);
            Optional<Recur<LocalDateTime>> recur = recurrence(rule);
            List<LocalDateTime> expected = IntStream.range(year, year + CHECKED_YEARS)
                    .mapToObj(y -> rule.createTransition(y).getDateTimeBefore()).toList();
            if (recur.isEmpty() || !recur.get().getDates(first.getDateTimeBefore(), first.getDateTimeBefore(),
                    expected.get(expected.size() - 1)).equals(expected)) {
                return Optional.empty();
            }
            observances.add(observance(rules.isDaylightSavings(first.getInstant()), first.getOffsetBefore(),
                    first.getOffsetAfter(), first.getDateTimeBefore(), recur.get()));
            from = from == null || first.getInstant().isBefore(from) ? first.getInstant() : from;
        }
        return Optional.of(new Yearly(from, definition(zone, observances)));
    }

    /**
     * The {@code RRULE} of a yearly rule: a day of the month; or a weekday on or after a day, which is the n-th
     * such weekday when the day is the 1st, 8th, 15th or 22nd ({@code BYDAY=2SU}) and the last one when the week
     * ends on the last day of a month of fixed length ({@code BYDAY=-1SU}: tzdata's "lastSun" reaches the JDK as
     * "Sunday on or after the 25th"); or a weekday on or before a day counted from the month's end. Other weeks
     * are written as seven {@code BYMONTHDAY}s with the weekday, when they stay within the month.
     */
    private static Optional<Recur<LocalDateTime>> recurrence(ZoneOffsetTransitionRule rule) {
        if (rule.isMidnightEndOfDay()) {
            return Optional.empty();
        }
        java.time.Month month = rule.getMonth();
        Recur.Builder<LocalDateTime> recur = new Recur.Builder<LocalDateTime>().frequency(Frequency.YEARLY)
                .monthList(Month.valueOf(month.getValue()));
        int day = rule.getDayOfMonthIndicator();
        DayOfWeek weekday = rule.getDayOfWeek();
        // the week the weekday is looked for in, counted from the end of the month when negative
        int lastDay = day > 0 ? day + 6 : day;
        int fromEnd = month.minLength() == month.maxLength() && day > 0 ? month.maxLength() - lastDay : -1 - lastDay;
        if (weekday == null) {
            recur.monthDayList(day);
        } else if (day > 0 && day <= 22 && day % 7 == 1) {
            recur.dayList(new WeekDay(WeekDay.getWeekDay(weekday), day / 7 + 1));
        } else if (fromEnd >= 0 && fromEnd % 7 == 0) {
            recur.dayList(new WeekDay(WeekDay.getWeekDay(weekday), -(fromEnd / 7 + 1)));
        } else if (day > 0 ? lastDay <= month.minLength() : lastDay - 6 >= -month.minLength()) {
            recur.dayList(WeekDay.getWeekDay(weekday))
                    .monthDayList(IntStream.rangeClosed(lastDay - 6, lastDay).boxed().toList());
        } else {
            return Optional.empty();
        }
        return Optional.of(recur.build());
    }

    private static VTimeZone definition(ZoneId zone, List<Observance> observances) {
        return new VTimeZone(new PropertyList(List.of(new TzId(zone.getId()))), new ComponentList<>(observances));
    }

    private static Observance observance(boolean daylight, ZoneOffset before, ZoneOffset after, LocalDateTime onset,
            Recur<LocalDateTime> recur) {
        Observance observance = daylight ? new Daylight() : new Standard();
        observance.add(new DtStart<>(onset));
        observance.add(new TzOffsetFrom(before));
        observance.add(new TzOffsetTo(after));
        if (recur != null) {
            observance.add(new RRule<>(recur));
        }
        return observance;
    }

    /** {@code mailto:} and the address, with what a URI cannot hold (spaces, control characters) %-escaped. */
    private static URI mailto(String address) {
        try {
            return new URI("mailto", address.strip(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an e-mail address: " + address, e);
        }
    }

    /** The {@code CN} of a display name, on one line like a mail header's; none for a blank name. */
    private static Optional<Cn> name(String name) {
        String line = NoticeMessages.headerSafe(name);
        return present(line) ? Optional.of(new Cn(line)) : Optional.empty();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * Text as iCalendar may carry it: line breaks become {@code \n} (ical4j escapes those), other control
     * characters but tab are dropped (ical4j would write them raw, and RFC 5545 3.3.11 forbids them).
     */
    private static String text(String value) {
        return CONTROL.matcher(value.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
    }

    /**
     * Folds each line longer than 75 octets of UTF-8 (RFC 5545 3.1): a CRLF and a space before the octet that
     * would exceed them, never inside a character. ical4j's unfolded text has a CRLF after every line and no other
     * CR or LF (escaped or removed above).
     */
    static String fold(String unfolded) {
        StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 24);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
                if (octets + size > MAX_LINE_OCTETS) {
                    folded.append("\r\n ");
                    octets = 1;
                }
                folded.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            folded.append("\r\n");
        }
        return folded.toString();
    }
}
