package dev.bookings.platform;

import dev.bookings.errors.InvalidRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Graph's {@code dateTimeTimeZone}: {@code {"dateTime": "2026-05-01T12:00:00.0000000", "timeZone": "UTC"}}.
 * Incoming: the date-time may carry an offset ({@code Z}, {@code -08:00}), which wins; otherwise it is read in
 * {@code timeZone}, an IANA or Windows zone name (UTC when absent). Outgoing: always UTC, seven fraction
 * digits and {@code Z}, as api-contract.md fixes.
 */
public final class GraphTimes {

    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'");
    private static final DateTimeFormatter LOCAL_OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS");

    /** Date-times outside these years are refused, so arithmetic on them (buffers, ranges) cannot overflow. */
    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    private GraphTimes() {
    }

    public static OffsetDateTime parse(JsonObject value, String property) {
        JsonValue dateTime = value.get("dateTime");
        if (!(dateTime instanceof JsonString text) || text.getString().isBlank()) {
            throw new InvalidRequest("Property '" + property + ".dateTime' is required and must be a string.");
        }
        JsonValue zoneValue = value.get("timeZone");
        String zoneName = zoneValue instanceof JsonString z ? z.getString() : null;
        if (zoneValue != null && zoneValue.getValueType() != JsonValue.ValueType.NULL && zoneName == null) {
            throw new InvalidRequest("Property '" + property + ".timeZone' must be a string.");
        }
        return toUtc(text.getString(), zoneName, property);
    }

    static OffsetDateTime toUtc(String dateTime, String zoneName, String property) {
        OffsetDateTime value = parseUtc(dateTime, zoneName, property);
        if (value.getYear() < MIN_YEAR || value.getYear() > MAX_YEAR) {
            throw new InvalidRequest("Property '" + property + ".dateTime' must lie between the years " + MIN_YEAR
                    + " and " + MAX_YEAR + ".");
        }
        return value;
    }

    private static OffsetDateTime parseUtc(String dateTime, String zoneName, String property) {
        try {
            return OffsetDateTime.parse(dateTime).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException withoutOffset) {
            LocalDateTime local;
            try {
                local = LocalDateTime.parse(dateTime);
            } catch (DateTimeParseException e) {
                throw new InvalidRequest("Property '" + property + ".dateTime' must be an ISO 8601 date-time such as 2026-05-01T12:00:00.");
            }
            ZoneId zone = zone(zoneName, property + ".timeZone");
            return local.atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        }
    }

    /**
     * The zone a person's times are shown in: their {@code timeZone} (Windows or IANA name), UTC when it is unset
     * or unknown. For messages and pages, where a stored name that no longer resolves must not fail the rendering.
     */
    public static ZoneId zoneOrUtc(String name) {
        if (name == null || name.isBlank()) {
            return java.time.ZoneOffset.UTC;
        }
        try {
            return zone(name, "timeZone");
        } catch (RuntimeException e) {
            return java.time.ZoneOffset.UTC;
        }
    }

    /** An IANA or Windows time zone name; UTC when blank. */
    public static ZoneId zone(String name, String property) {
        if (name == null || name.isBlank()) {
            return ZoneOffset.UTC;
        }
        String windows = WindowsZones.toIana(name);
        if (windows != null) {
            return ZoneId.of(windows);
        }
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            throw new InvalidRequest("Property '" + property + "' is not a known IANA or Windows time zone: '" + name + "'.");
        }
    }

    public static JsonObject format(OffsetDateTime value) {
        return Jsons.JSON.createObjectBuilder()
                .add("dateTime", OUT.format(value.withOffsetSameInstant(ZoneOffset.UTC)))
                .add("timeZone", "UTC")
                .build();
    }

    /**
     * A {@code dateTimeTimeZone} in the zone the client named: local date-time without offset and the zone's name as
     * the client wrote it (IANA or Windows).
     */
    public static JsonObject format(OffsetDateTime value, ZoneId zone, String zoneName) {
        return Jsons.JSON.createObjectBuilder()
                .add("dateTime", LOCAL_OUT.format(value.atZoneSameInstant(zone).toLocalDateTime()))
                .add("timeZone", zoneName)
                .build();
    }

    /** A server timestamp ({@code createdDateTime} and the like): ISO 8601 in UTC with {@code Z}. */
    public static String timestamp(OffsetDateTime value) {
        return value == null ? null : DateTimeFormatter.ISO_INSTANT.format(value.toInstant());
    }
}
