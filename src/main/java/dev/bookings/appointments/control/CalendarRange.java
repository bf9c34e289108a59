package dev.bookings.appointments.control;

import dev.bookings.errors.InvalidRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The range of a calendarView request: {@code start} and {@code end} are required ISO 8601 date-times with an
 * offset ({@code Z} or {@code -08:00}); a {@code +} that arrived unencoded (as a space) is read as {@code +}.
 */
public record CalendarRange(OffsetDateTime from, OffsetDateTime to) {

    public static CalendarRange of(String start, String end) {
        if (start == null || start.isBlank() || end == null || end.isBlank()) {
            throw new InvalidRequest("calendarViewRangeRequired",
                    "calendarView needs the query parameters 'start' and 'end' (ISO 8601 date-times with offset).");
        }
        OffsetDateTime from = parse(start, "start");
        OffsetDateTime to = parse(end, "end");
        if (!to.isAfter(from)) {
            throw new InvalidRequest("calendarViewRangeReversed", "calendarView's 'end' must be after its 'start'.");
        }
        return new CalendarRange(from, to);
    }

    private static OffsetDateTime parse(String value, String name) {
        try {
            return OffsetDateTime.parse(value.strip().replace(' ', '+')).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidRequest("invalidDateTime", "Query parameter '" + name + "' must be an ISO 8601 date-time with offset,"
                    + " such as 2026-05-01T00:00:00Z; got '" + value + "'.");
        }
    }
}
