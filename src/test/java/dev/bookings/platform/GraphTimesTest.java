package dev.bookings.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bookings.errors.InvalidRequest;
import jakarta.json.Json;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class GraphTimesTest {

    static OffsetDateTime parse(String dateTime, String zone) {
        var builder = Json.createObjectBuilder().add("dateTime", dateTime);
        if (zone != null) {
            builder.add("timeZone", zone);
        }
        return GraphTimes.parse(builder.build(), "start");
    }

    @Test
    void offsetInTheValueWins() {
        assertEquals(OffsetDateTime.parse("2026-05-01T20:00:00Z"), parse("2026-05-01T12:00:00-08:00", "Asia/Tokyo"));
        assertEquals(OffsetDateTime.parse("2026-05-01T12:00:00Z"), parse("2026-05-01T12:00:00.0000000Z", null));
    }

    @Test
    void localValueIsReadInIanaOrWindowsZone() {
        assertEquals(OffsetDateTime.parse("2026-05-01T17:00:00Z"), parse("2026-05-01T12:00:00.0000000", "America/Chicago"));
        assertEquals(OffsetDateTime.parse("2026-05-01T17:00:00Z"), parse("2026-05-01T12:00:00", "Central Standard Time"));
        assertEquals(OffsetDateTime.parse("2026-05-01T12:00:00Z"), parse("2026-05-01T12:00:00", "UTC"));
        assertEquals(OffsetDateTime.parse("2026-05-01T12:00:00Z"), parse("2026-05-01T12:00:00", null));
    }

    @Test
    void rejectsBadDatesAndZones() {
        assertThrows(InvalidRequest.class, () -> parse("yesterday", "UTC"));
        assertThrows(InvalidRequest.class, () -> parse("2026-05-01T12:00:00", "Mars/Olympus"));
        assertThrows(InvalidRequest.class, () -> GraphTimes.parse(Json.createObjectBuilder().add("dateTime", 5).build(), "start"));
    }

    @Test
    void writesUtcWithSevenFractionDigits() {
        assertEquals("{\"dateTime\":\"2026-05-01T12:00:00.0000000Z\",\"timeZone\":\"UTC\"}",
                GraphTimes.format(OffsetDateTime.parse("2026-05-01T14:00:00+02:00")).toString());
    }
}
