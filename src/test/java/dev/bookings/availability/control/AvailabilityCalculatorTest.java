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
}
