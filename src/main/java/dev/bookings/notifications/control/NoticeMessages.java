package dev.bookings.notifications.control;

import dev.bookings.appointments.entity.Appointment;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.notifications.entity.MessageKind;
import dev.bookings.notifications.entity.Notice;
import dev.bookings.notifications.entity.Recipient;
import dev.bookings.notifications.entity.RecipientKind;
import dev.bookings.platform.GraphTimes;
import dev.bookings.platform.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of a mail about an appointment, as plain text and as HTML: what happened, the business (name, phone,
 * address), the service, the staff member, when (in the recipient's own time zone when known, else UTC), where, and
 * the business's message. Every value is data: control characters are removed from what goes into headers, and
 * the HTML escapes everything it shows.
 */
public final class NoticeMessages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** What an appointment's mails tell, the same for every recipient. */
    public record Facts(BookingBusiness business, Appointment appointment, List<String> staffNames, String note) {
    }

    /** A rendered mail. */
    public record Words(String subject, String text, String html) {
    }

    private NoticeMessages() {
    }

    /** The mail of {@code kind} to {@code recipient}. */
    public static Words render(MessageKind kind, Recipient recipient, Facts facts) {
        Appointment appointment = facts.appointment();
        BookingBusiness business = facts.business();
        ZoneId zone = zone(recipient.timeZone());
        ZonedDateTime start = appointment.start().atZoneSameInstant(zone);
        ZonedDateTime end = appointment.end().atZoneSameInstant(zone);
        String service = appointment.serviceName() == null || appointment.serviceName().isBlank()
                ? "Appointment" : appointment.serviceName();
        String businessName = business.displayName();
        String lead = lead(kind, recipient.kind(), businessName);
        String greeting = recipient.name() == null || recipient.name().isBlank()
                ? "Hello," : "Hello " + recipient.name() + ",";

        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Service", service);
        rows.put("When", DAY.format(start) + "–" + TIME.format(end) + " (" + zone.getId() + ")");
        if (!facts.staffNames().isEmpty()) {
            rows.put("With", String.join(", ", facts.staffNames()));
        }
        String place = place(appointment);
        if (place != null) {
            rows.put("Where", place);
        }
        if (appointment.locationOnline() && appointment.joinWebUrl() != null && recipient.kind() != RecipientKind.CUSTOMER) {
            rows.put("Online", appointment.joinWebUrl());
        } else if (appointment.locationOnline() && recipient.kind() == RecipientKind.CUSTOMER) {
            String url = appointment.anonymousJoinWebUrl() != null ? appointment.anonymousJoinWebUrl() : appointment.joinWebUrl();
            if (url != null) {
                rows.put("Online", url);
            }
        }
        if (recipient.kind() != RecipientKind.CUSTOMER && !appointment.customers().isEmpty()
                && appointment.customers().get(0).name() != null) {
            rows.put("Customer", appointment.customers().get(0).name());
        }
        rows.put("Business", businessName);
        if (business.phone() != null && !business.phone().isBlank()) {
            rows.put("Phone", business.phone());
        }
        String address = address(business.addressJson());
        if (address != null) {
            rows.put("Address", address);
        }
        String note = facts.note();

        StringBuilder text = new StringBuilder().append(greeting).append("\n\n").append(lead).append("\n\n");
        rows.forEach((label, value) -> text.append(label).append(':').append(" ".repeat(Math.max(1, 10 - label.length())))
                .append(value).append('\n'));
        if (note != null && !note.isBlank()) {
            text.append("\nMessage from ").append(businessName).append(":\n").append(note).append('\n');
        }

        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>")
                .append("<p>").append(escape(greeting)).append("</p>")
                .append("<p>").append(escape(lead)).append("</p><table>");
        rows.forEach((label, value) -> html.append(row(label, value)));
        html.append("</table>");
        if (note != null && !note.isBlank()) {
            html.append("<p>Message from ").append(escape(businessName)).append(":</p><blockquote>")
                    .append(escape(note).replace("\n", "<br>")).append("</blockquote>");
        }
        html.append("</body></html>");

        String subject = prefix(kind) + ": " + service + " at " + businessName + ", " + DAY.format(start);
        return new Words(headerSafe(subject), text.toString(), html.toString());
    }

    /** A cancellation notice recorded before mails kept their words: rendered from its appointment now. */
    static OutgoingMail renderRecorded(Notice notice, Appointment appointment) {
        Words words = render(MessageKind.CANCELLED, notice.recipient(),
                new Facts(appointment.business(), appointment, List.of(), appointment.cancellationMessage()));
        return new OutgoingMail(notice.id(), notice.recipientAddress(), headerSafe(notice.recipientName()),
                words.subject(), words.text(), words.html());
    }

    private static String lead(MessageKind kind, RecipientKind to, String businessName) {
        return switch (kind) {
            case BOOKED -> switch (to) {
                case CUSTOMER -> "Your appointment is booked.";
                case STAFF -> "You have been booked for an appointment.";
                case OWNER -> "An appointment at " + businessName + " has been booked.";
            };
            case CHANGED -> switch (to) {
                case CUSTOMER -> "Your appointment has changed.";
                case STAFF -> "An appointment you are assigned to has changed.";
                case OWNER -> "An appointment at " + businessName + " has changed.";
            };
            case CANCELLED -> switch (to) {
                case CUSTOMER -> "Your appointment has been cancelled.";
                case STAFF -> "An appointment you were assigned to has been cancelled.";
                case OWNER -> "An appointment at " + businessName + " has been cancelled.";
            };
            case REMOVED -> to == RecipientKind.CUSTOMER ? "You are no longer booked for this appointment."
                    : "You are no longer assigned to this appointment.";
            case REMINDER -> to == RecipientKind.CUSTOMER ? "A reminder of your appointment."
                    : "A reminder of an appointment you are assigned to.";
        };
    }

    private static String prefix(MessageKind kind) {
        return switch (kind) {
            case BOOKED -> "Booked";
            case CHANGED -> "Changed";
            case CANCELLED -> "Cancelled";
            case REMOVED -> "Removed";
            case REMINDER -> "Reminder";
        };
    }

    /** The appointment's place as Graph's location gives it: its display name and postal address. */
    static String place(Appointment appointment) {
        JsonObject location = object(appointment.serviceLocationJson());
        if (location == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        addText(parts, location.get("displayName"));
        String address = location.get("address") instanceof JsonObject a ? address(a) : null;
        if (address != null) {
            parts.add(address);
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** A Graph physicalAddress as one line: street, postal code and city, state, country. */
    static String address(String json) {
        JsonObject address = object(json);
        return address == null ? null : address(address);
    }

    private static String address(JsonObject address) {
        List<String> parts = new ArrayList<>();
        addText(parts, address.get("street"));
        String city = String.join(" ", text(address.get("postalCode")), text(address.get("city"))).strip();
        if (!city.isEmpty()) {
            parts.add(city);
        }
        addText(parts, address.get("state"));
        addText(parts, address.get("countryOrRegion"));
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static void addText(List<String> parts, JsonValue value) {
        String text = text(value);
        if (!text.isBlank()) {
            parts.add(text.strip());
        }
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : "";
    }

    private static JsonObject object(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try (var reader = Jsons.JSON.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject o ? o : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return GraphTimes.zone(name, "timeZone");
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static String row(String label, String value) {
        return "<tr><th align=\"left\">" + escape(label) + "</th><td>" + escape(value) + "</td></tr>";
    }

    /** Removes line breaks and other control characters: a header value is one line of text. */
    static String headerSafe(String value) {
        return value == null ? null : value.replaceAll("\\p{Cntrl}+", " ").strip();
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
