package dev.bookings.platform;

import dev.bookings.errors.InvalidRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Graph's {@code bookingReminder}s, an appointment's {@code reminders} and a service's {@code defaultReminders}: each
 * is sent {@code offset} (an ISO 8601 duration, not negative) before the appointment starts, to its
 * {@code recipients} ({@code allAttendees}: customers and staff; {@code staff}; {@code customer}), with its
 * {@code message}. Anything else is 400 when it comes in; what is stored has been checked.
 */
public final class Reminders {

    /** At most this many reminders per appointment or service. */
    public static final int MAX = 20;
    public static final Set<String> RECIPIENTS = Set.of("allAttendees", "staff", "customer");

    /** One reminder. */
    public record Reminder(Duration offset, String recipients, String message) {

        public boolean forCustomers() {
            return !"staff".equals(recipients);
        }

        public boolean forStaff() {
            return !"customer".equals(recipients);
        }
    }

    private Reminders() {
    }

    /** The property's JSON to store, once every reminder in it has been checked; empty when it is not sent. */
    public static Optional<String> checked(JsonFields fields, String name) {
        fields.objects(name, MAX).ifPresent(reminders -> reminders.forEach(Reminders::check));
        return fields.storedArray(name, 16000);
    }

    private static void check(JsonFields reminder) {
        if (reminder.duration("offset").isEmpty()) {
            throw new InvalidRequest("Property '" + reminder.path("offset") + "' is required.");
        }
        String recipients = reminder.requiredString("recipients", 32);
        if (!RECIPIENTS.contains(recipients)) {
            throw new InvalidRequest("Property '" + reminder.path("recipients") + "' must be one of allAttendees, staff,"
                    + " customer.");
        }
        reminder.string("message", 2000);
    }

    /** The reminders stored as {@code json} (checked when they came in), in the order given. */
    public static List<Reminder> of(String json) {
        List<Reminder> reminders = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return reminders;
        }
        JsonArray array;
        try (var reader = Jsons.JSON.createReader(new StringReader(json))) {
            array = reader.readArray();
        }
        for (JsonValue value : array) {
            if (value instanceof JsonObject reminder && reminder.get("offset") instanceof JsonString offset
                    && reminder.get("recipients") instanceof JsonString recipients) {
                try {
                    reminders.add(new Reminder(Duration.parse(offset.getString()), recipients.getString(),
                            reminder.get("message") instanceof JsonString message ? message.getString() : null));
                } catch (DateTimeParseException e) {
                    // stored before reminders were checked: not a reminder
                }
            }
        }
        return reminders;
    }
}
