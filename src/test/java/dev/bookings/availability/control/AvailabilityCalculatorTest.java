package dev.bookings.availability.control;

import static dev.bookings.availability.control.AvailabilityCalculator.AVAILABLE;
import static dev.bookings.availability.control.AvailabilityCalculator.BUSY;
import static dev.bookings.availability.control.AvailabilityCalculator.OUT_OF_OFFICE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bookings.availability.control.AvailabilityCalculator.Booking;
import dev.bookings.availability.control.AvailabilityCalculator.Item;
import dev.bookings.platform.WorkHours;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityCalculatorTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static WorkHours hours(String json) {
        return WorkHours.stored(json);
    }

    static Item item(String start, String end, String status) {
        return new Item(Instant.parse(start), Instant.parse(end), status, null);
    }

    static final WorkHours WEEKDAYS = hours("[" + String.join(",", List.of("monday", "tuesday", "wednesday", "thursday",
            "friday").stream().map(d -> "{\"day\": \"" + d + "\", \"timeSlots\": [{\"startTime\": \"09:00:00.0000000\","
            + " \"endTime\": \"17:00:00.0000000\"}]}").toList()) + "]");

    @Test
    void workingHoursFollowTheWallClockAcrossTheSpringChange() {
        // Berlin moves from UTC+1 to UTC+2 on Sunday 29 March 2026
        List<Item> items = AvailabilityCalculator.items(Instant.parse("2026-03-27T00:00:00Z"),
                Instant.parse("2026-03-31T00:00:00Z"), WEEKDAYS, BERLIN, List.of());
        assertEquals(List.of(
                item("2026-03-27T00:00:00Z", "2026-03-27T08:00:00Z", OUT_OF_OFFICE),
                item("2026-03-27T08:00:00Z", "2026-03-27T16:00:00Z", AVAILABLE),
                item("2026-03-27T16:00:00Z", "2026-03-30T07:00:00Z", OUT_OF_OFFICE),
                item("2026-03-30T07:00:00Z", "2026-03-30T15:00:00Z", AVAILABLE),
                item("2026-03-30T15:00:00Z", "2026-03-31T00:00:00Z", OUT_OF_OFFICE)), items);
    }

    @Test
    void aSlotInTheSkippedHourStartsWhenTheClockResumesAndOvernightSlotsCrossMidnight() {
        WorkHours sunday = hours("[{\"day\": \"sunday\", \"timeSlots\": [{\"startTime\": \"02:30:00\", \"endTime\": \"04:00:00\"},"
                + " {\"startTime\": \"22:00:00\", \"endTime\": \"01:00:00\"}]}]");
        List<Item> items = AvailabilityCalculator.items(Instant.parse("2026-03-29T00:00:00Z"),
                Instant.parse("2026-03-30T00:00:00Z"), sunday, BERLIN, List.of());
        assertEquals(List.of(
                item("2026-03-29T00:00:00Z", "2026-03-29T01:30:00Z", OUT_OF_OFFICE),
                item("2026-03-29T01:30:00Z", "2026-03-29T02:00:00Z", AVAILABLE),
                item("2026-03-29T02:00:00Z", "2026-03-29T20:00:00Z", OUT_OF_OFFICE),
                item("2026-03-29T20:00:00Z", "2026-03-29T23:00:00Z", AVAILABLE),
                item("2026-03-29T23:00:00Z", "2026-03-30T00:00:00Z", OUT_OF_OFFICE)), items);
    }

    @Test
    void bookingsWithBuffersAreBusyAndNamedByService() {
        List<Booking> bookings = List.of(
                new Booking(Instant.parse("2026-03-30T09:45:00Z"), Instant.parse("2026-03-30T11:15:00Z"), "svc-1"),
                new Booking(Instant.parse("2026-03-30T11:15:00Z"), Instant.parse("2026-03-30T12:00:00Z"), "svc-2"),
                new Booking(Instant.parse("2026-03-30T18:00:00Z"), Instant.parse("2026-03-30T19:00:00Z"), null));
        List<Item> items = AvailabilityCalculator.items(Instant.parse("2026-03-30T07:00:00Z"),
                Instant.parse("2026-03-30T20:00:00Z"), WEEKDAYS, BERLIN, bookings);
        assertEquals(List.of(
                item("2026-03-30T07:00:00Z", "2026-03-30T09:45:00Z", AVAILABLE),
                new Item(Instant.parse("2026-03-30T09:45:00Z"), Instant.parse("2026-03-30T11:15:00Z"), BUSY, "svc-1"),
                new Item(Instant.parse("2026-03-30T11:15:00Z"), Instant.parse("2026-03-30T12:00:00Z"), BUSY, "svc-2"),
                item("2026-03-30T12:00:00Z", "2026-03-30T15:00:00Z", AVAILABLE),
                item("2026-03-30T15:00:00Z", "2026-03-30T18:00:00Z", OUT_OF_OFFICE),
                item("2026-03-30T18:00:00Z", "2026-03-30T19:00:00Z", BUSY),
                item("2026-03-30T19:00:00Z", "2026-03-30T20:00:00Z", OUT_OF_OFFICE)), items);
    }

    @Test
    void noHoursMeansAvailableAroundTheClock() {
        assertEquals(List.of(item("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", AVAILABLE)),
                AvailabilityCalculator.items(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"),
                        hours(null), ZoneId.of("America/New_York"), List.of()));
    }

    /**
     * The sweep gives what the definition gives: for random working hours (several slots a day, some overnight) and
     * random overlapping bookings, each item's status is the one of the definition (busy if a booking covers it, the
     * earliest-starting one naming the service; else available inside a working slot; else out of office), the items
     * cover the range without gaps, and no two neighbours could be merged.
     */
    @Test
    void theSweepAgreesWithTheDefinitionOnRandomDays() {
        java.util.Random random = new java.util.Random(20261207);
        for (int round = 0; round < 200; round++) {
            StringBuilder json = new StringBuilder("[");
            String[] days = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
            for (int d = 0; d < days.length; d++) {
                json.append(d == 0 ? "" : ",").append("{\"day\": \"").append(days[d]).append("\", \"timeSlots\": [");
                int slots = random.nextInt(5);
                for (int s = 0; s < slots; s++) {
                    int start = random.nextInt(96) * 15;
                    int end = random.nextInt(96) * 15;
                    json.append(s == 0 ? "" : ",").append("{\"startTime\": \"").append(time(start))
                            .append("\", \"endTime\": \"").append(time(end)).append("\"}");
                }
                json.append("]}");
            }
            WorkHours hours = hours(json.append("]").toString());
            Instant from = Instant.parse("2026-03-26T00:00:00Z").plusSeconds(random.nextInt(48) * 1800L);
            Instant to = from.plusSeconds((1 + random.nextInt(96)) * 3600L);
            List<AvailabilityCalculator.Booking> bookings = new java.util.ArrayList<>();
            for (int b = random.nextInt(12); b > 0; b--) {
                Instant start = from.minusSeconds(7200).plusSeconds(random.nextInt(200) * 900L);
                bookings.add(new AvailabilityCalculator.Booking(start, start.plusSeconds((1 + random.nextInt(16)) * 900L),
                        "service-" + random.nextInt(3)));
            }
            List<Item> items = AvailabilityCalculator.items(from, to, hours, BERLIN, bookings);
            assertEquals(from, items.get(0).start());
            assertEquals(to, items.get(items.size() - 1).end());
            for (int k = 0; k < items.size(); k++) {
                Item item = items.get(k);
                if (k > 0) {
                    Item before = items.get(k - 1);
                    assertEquals(before.end(), item.start(), "no gap");
                    org.junit.jupiter.api.Assertions.assertFalse(before.status().equals(item.status())
                            && java.util.Objects.equals(before.serviceId(), item.serviceId()), "merged");
                }
                // every quarter hour inside the item has the item's status by the definition
                for (Instant t = item.start(); t.isBefore(item.end()); t = t.plusSeconds(900)) {
                    assertEquals(definition(t, hours, bookings), item.status() + "/" + item.serviceId(), t + " in " + item);
                }
            }
        }
    }

    private static String time(int minutes) {
        return String.format("%02d:%02d:00.0000000", minutes / 60, minutes % 60);
    }

    /** What the status at {@code t} is by definition, as "status/serviceId". */
    private static String definition(Instant t, WorkHours hours, List<AvailabilityCalculator.Booking> bookings) {
        AvailabilityCalculator.Booking earliest = null;
        for (AvailabilityCalculator.Booking b : bookings) {
            if (!b.start().isAfter(t) && b.end().isAfter(t) && (earliest == null || b.start().isBefore(earliest.start()))) {
                earliest = b;
            }
        }
        if (earliest != null) {
            return BUSY + "/" + earliest.serviceId();
        }
        if (hours.days().values().stream().allMatch(List::isEmpty)) {
            return AVAILABLE + "/null";
        }
        java.time.LocalDate date = t.atZone(BERLIN).toLocalDate();
        for (java.time.LocalDate day = date.minusDays(1); !day.isAfter(date); day = day.plusDays(1)) {
            for (WorkHours.Slot slot : hours.on(day.getDayOfWeek())) {
                Instant start = java.time.ZonedDateTime.of(day, slot.start(), BERLIN).toInstant();
                java.time.LocalDate endDay = slot.end().isAfter(slot.start()) ? day : day.plusDays(1);
                Instant end = java.time.ZonedDateTime.of(endDay, slot.end(), BERLIN).toInstant();
                if (!start.isAfter(t) && end.isAfter(t)) {
                    return AVAILABLE + "/null";
                }
            }
        }
        return OUT_OF_OFFICE + "/null";
    }
}
