package dev.bookings.platform;

import dev.bookings.errors.InvalidRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Graph's {@code bookingWorkHours} ({@code workingHours} of a staff member, {@code businessHours} of a business):
 * per {@code day} ({@code monday} … {@code sunday}) a list of {@code timeSlots} with local {@code startTime} and
 * {@code endTime} ({@code 08:00:00.0000000}). An end at or before the start runs past midnight
 * ({@code 22:00}–{@code 02:00}; {@code 00:00} ends at midnight).
 */
public record WorkHours(Map<DayOfWeek, List<Slot>> days) {

    /** One stretch of a day in local time. */
    public record Slot(LocalTime start, LocalTime end) {
    }

    /** Whether no hours are set at all. */
    public boolean isEmpty() {
        return days.values().stream().allMatch(List::isEmpty);
    }

    public List<Slot> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    /** Checks hours as a client sends them: 400 naming the first thing wrong. */
    public static void validate(JsonArray hours, String property) {
        parse(hours, property);
    }

    /** Hours as stored (null: none); what cannot be read counts as not set, so old data never fails a request. */
    public static WorkHours stored(String json) {
        if (json == null) {
            return new WorkHours(Map.of());
        }
        try (var reader = Jsons.JSON.createReader(new StringReader(json))) {
            return parse(reader.readArray(), "hours");
        } catch (RuntimeException e) {
            return new WorkHours(Map.of());
        }
    }

    private static WorkHours parse(JsonArray hours, String property) {
        Map<DayOfWeek, List<Slot>> days = new EnumMap<>(DayOfWeek.class);
        for (int i = 0; i < hours.size(); i++) {
            String path = property + "[" + i + "]";
            if (!(hours.get(i) instanceof JsonObject day)) {
                throw new InvalidRequest("Property '" + property + "' must be an array of {day, timeSlots} objects.");
            }
            DayOfWeek dayOfWeek = day(day.get("day"), path);
            List<Slot> slots = days.computeIfAbsent(dayOfWeek, d -> new ArrayList<>());
            JsonValue timeSlots = day.get("timeSlots");
            if (timeSlots == null || timeSlots == JsonValue.NULL) {
                continue;
            }
            if (!(timeSlots instanceof JsonArray slotArray)) {
                throw new InvalidRequest("Property '" + path + ".timeSlots' must be an array.");
            }
            for (int j = 0; j < slotArray.size(); j++) {
                String slotPath = path + ".timeSlots[" + j + "]";
                if (!(slotArray.get(j) instanceof JsonObject slot)) {
                    throw new InvalidRequest("Property '" + slotPath + "' must be a {startTime, endTime} object.");
                }
                slots.add(new Slot(time(slot.get("startTime"), slotPath + ".startTime"),
                        time(slot.get("endTime"), slotPath + ".endTime")));
            }
        }
        return new WorkHours(days);
    }

    private static DayOfWeek day(JsonValue value, String path) {
        if (value instanceof JsonString text) {
            try {
                return DayOfWeek.valueOf(text.getString().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // named below
            }
        }
        throw new InvalidRequest("Property '" + path + ".day' must be a day of the week such as 'monday'.");
    }

    private static LocalTime time(JsonValue value, String path) {
        if (value instanceof JsonString text) {
            try {
                return LocalTime.parse(text.getString().strip());
            } catch (DateTimeParseException e) {
                // named below
            }
        }
        throw new InvalidRequest("Property '" + path + "' must be a time of day such as '08:00:00.0000000'.");
    }
}
