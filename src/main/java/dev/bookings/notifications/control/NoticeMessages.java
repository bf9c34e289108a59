package dev.bookings.notifications.control;

import dev.bookings.appointments.entity.Appointment;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.notifications.entity.Notice;
import dev.bookings.notifications.entity.RecipientKind;
import dev.bookings.platform.GraphTimes;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words of a cancellation notice: which business, which service, when (in the recipient's time zone when
 * known, else UTC) and the cancellation message, as plain text and as HTML. Every value is data: control
 * characters are removed from what goes into headers, and the HTML escapes everything it shows.
 */
public final class NoticeMessages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private NoticeMessages() {
    }

    public static OutgoingMail render(Notice notice) {
        Appointment appointment = notice.appointment();
        BookingBusiness business = appointment.business();
        ZoneId zone = zone(notice.recipientTimeZone());
        ZonedDateTime start = appointment.start().atZoneSameInstant(zone);
        ZonedDateTime end = appointment.end().atZoneSameInstant(zone);
        String service = appointment.serviceName() == null || appointment.serviceName().isBlank()
                ? "Appointment" : appointment.serviceName();
        String when = DAY.format(start) + "–" + TIME.format(end) + " (" + zone.getId() + ")";
        String businessName = business.displayName();
        String lead = switch (notice.recipientKind()) {
            case CUSTOMER -> "Your appointment has been cancelled.";
            case STAFF -> "An appointment you were assigned to has been cancelled.";
            case OWNER -> "An appointment at " + businessName + " has been cancelled.";
        };
        String message = appointment.cancellationMessage();
        String greeting = notice.recipientName() == null || notice.recipientName().isBlank()
                ? "Hello," : "Hello " + notice.recipientName() + ",";

        StringBuilder text = new StringBuilder()
                .append(greeting).append("\n\n").append(lead).append("\n\n")
                .append("Business: ").append(businessName).append('\n')
                .append("Service:  ").append(service).append('\n')
                .append("When:     ").append(when).append('\n');
        if (notice.recipientKind() != RecipientKind.CUSTOMER && !appointment.customers().isEmpty()
                && appointment.customers().get(0).name() != null) {
            text.append("Customer: ").append(appointment.customers().get(0).name()).append('\n');
        }
        if (message != null && !message.isBlank()) {
            text.append("\nMessage from ").append(businessName).append(":\n").append(message).append('\n');
        }

        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>")
                .append("<p>").append(escape(greeting)).append("</p>")
                .append("<p>").append(escape(lead)).append("</p><table>")
                .append(row("Business", businessName)).append(row("Service", service)).append(row("When", when))
                .append("</table>");
        if (message != null && !message.isBlank()) {
            html.append("<p>Message from ").append(escape(businessName)).append(":</p><blockquote>")
                    .append(escape(message).replace("\n", "<br>")).append("</blockquote>");
        }
        html.append("</body></html>");

        String subject = "Cancelled: " + service + " at " + businessName + ", " + DAY.format(start);
        return new OutgoingMail(notice.id(), notice.recipientAddress(), headerSafe(notice.recipientName()),
                headerSafe(subject), text.toString(), html.toString());
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
