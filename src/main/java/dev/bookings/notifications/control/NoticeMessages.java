package dev.bookings.notifications.control;

import dev.bookings.appointments.entity.Appointment;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.notifications.entity.MessageKind;
import dev.bookings.notifications.entity.Notice;
import dev.bookings.notifications.entity.Recipient;
import dev.bookings.notifications.entity.RecipientKind;
import dev.bookings.platform.GraphTimes;
import dev.bookings.platform.Places;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The words of a mail about an appointment, as plain text and as HTML: what happened, the business (name, phone,
 * address), the service, the staff member, when (in the recipient's own time zone when known, else UTC), where, and
 * the business's message. Every value is data: control characters are removed from what goes into headers, and
 * the HTML escapes everything it shows.
 * <p>
 * The words are in the business's language ({@link BookingBusiness#languageTag()}), from the {@code Mails} bundle
 * beside this class: German for any {@code de} tag, else English.
 */
public final class NoticeMessages {

    private static final String BUNDLE = "dev.bookings.notifications.control.Mails";

    /** English is the base bundle: without this the JVM's default locale would choose for an unknown language. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** What an appointment's mails tell, the same for every recipient. */
    public record Facts(BookingBusiness business, Appointment appointment, List<String> staffNames, String note) {
    }

    /** A rendered mail. */
    public record Words(String subject, String text, String html) {
    }

    /** One language's words and date formats. */
    private record Language(ResourceBundle words, DateTimeFormatter day, DateTimeFormatter time) {

        static Language of(Locale locale) {
            ResourceBundle words = ResourceBundle.getBundle(BUNDLE, locale, NoticeMessages.class.getClassLoader(),
                    NO_FALLBACK);
            return new Language(words, DateTimeFormatter.ofPattern(words.getString("date.day"), locale),
                    DateTimeFormatter.ofPattern(words.getString("date.time"), locale));
        }

        String say(String key, Object... arguments) {
            return new MessageFormat(words.getString(key), Locale.ROOT).format(arguments);
        }
    }

    private NoticeMessages() {
    }

    /** The mail of {@code kind} to {@code recipient}. */
    public static Words render(MessageKind kind, Recipient recipient, Facts facts) {
        return render(kind, recipient, facts, null);
    }

    /**
     * The mail of {@code kind} to {@code recipient}, with a line after the details that links to {@code manageUrl}
     * when it is given: where a customer manages or cancels the booking.
     */
    public static Words render(MessageKind kind, Recipient recipient, Facts facts, String manageUrl) {
        Appointment appointment = facts.appointment();
        BookingBusiness business = facts.business();
        Language language = language(business);
        ZoneId zone = zone(recipient.timeZone());
        ZonedDateTime start = appointment.start().atZoneSameInstant(zone);
        ZonedDateTime end = appointment.end().atZoneSameInstant(zone);
        String service = service(language, appointment);
        String businessName = business.displayName();
        String lead = language.say("lead." + kind + "." + recipient.kind(), businessName);
        String greeting = recipient.name() == null || recipient.name().isBlank()
                ? language.say("greeting") : language.say("greeting.named", recipient.name());

        Map<String, String> rows = new LinkedHashMap<>();
        rows.put(language.say("label.service"), service);
        rows.put(language.say("label.when"),
                language.day().format(start) + "–" + language.time().format(end) + " (" + zone.getId() + ")");
        if (!facts.staffNames().isEmpty()) {
            rows.put(language.say("label.with"), String.join(", ", facts.staffNames()));
        }
        String place = Places.place(appointment.serviceLocationJson());
        if (place != null) {
            rows.put(language.say("label.where"), place);
        }
        if (appointment.locationOnline() && appointment.joinWebUrl() != null && recipient.kind() != RecipientKind.CUSTOMER) {
            rows.put(language.say("label.online"), appointment.joinWebUrl());
        } else if (appointment.locationOnline() && recipient.kind() == RecipientKind.CUSTOMER) {
            String url = appointment.anonymousJoinWebUrl() != null ? appointment.anonymousJoinWebUrl() : appointment.joinWebUrl();
            if (url != null) {
                rows.put(language.say("label.online"), url);
            }
        }
        if (recipient.kind() != RecipientKind.CUSTOMER && !appointment.customers().isEmpty()
                && appointment.customers().get(0).name() != null) {
            rows.put(language.say("label.customer"), appointment.customers().get(0).name());
        }
        rows.put(language.say("label.business"), businessName);
        if (business.phone() != null && !business.phone().isBlank()) {
            rows.put(language.say("label.phone"), business.phone());
        }
        String address = Places.address(business.addressJson());
        if (address != null) {
            rows.put(language.say("label.address"), address);
        }
        String note = facts.note();
        String noteHeading = language.say("note", businessName);
        String manage = language.say("manage");

        // The values line up after the longest label; English's labels fit in the 10 columns its mails always had.
        int width = Math.max(10, rows.keySet().stream().mapToInt(String::length).max().orElse(0) + 1);
        StringBuilder text = new StringBuilder().append(greeting).append("\n\n").append(lead).append("\n\n");
        rows.forEach((label, value) -> text.append(label).append(':').append(" ".repeat(width - label.length()))
                .append(value).append('\n'));
        if (manageUrl != null) {
            text.append('\n').append(manage).append(' ').append(manageUrl).append('\n');
        }
        if (note != null && !note.isBlank()) {
            text.append('\n').append(noteHeading).append('\n').append(note).append('\n');
        }

        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>")
                .append("<p>").append(escape(greeting)).append("</p>")
                .append("<p>").append(escape(lead)).append("</p><table>");
        rows.forEach((label, value) -> html.append(row(label, value)));
        html.append("</table>");
        if (manageUrl != null) {
            html.append("<p>").append(escape(manage)).append(" <a href=\"").append(escape(manageUrl)).append("\">")
                    .append(escape(manageUrl)).append("</a></p>");
        }
        if (note != null && !note.isBlank()) {
            html.append("<p>").append(escape(noteHeading)).append("</p><blockquote>")
                    .append(escape(note).replace("\n", "<br>")).append("</blockquote>");
        }
        html.append("</body></html>");

        String subject = language.say("subject", language.say("subject." + kind), service, businessName,
                language.day().format(start));
        return new Words(headerSafe(subject), text.toString(), html.toString());
    }

    /** A cancellation notice recorded before mails kept their words: rendered from its appointment now. */
    static OutgoingMail renderRecorded(Notice notice, Appointment appointment) {
        Words words = render(MessageKind.CANCELLED, notice.recipient(),
                new Facts(appointment.business(), appointment, List.of(), appointment.cancellationMessage()));
        return new OutgoingMail(notice.id(), notice.recipientAddress(), headerSafe(notice.recipientName()),
                words.subject(), words.text(), words.html());
    }

    /** The title of the appointment's calendar entry: its service at the business, in the business's language. */
    static String summary(Facts facts) {
        Language language = language(facts.business());
        return language.say("summary", service(language, facts.appointment()), facts.business().displayName());
    }

    /** The language of a business's mails: German for any {@code de} tag, English for any other or none. */
    static Locale locale(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return Locale.ENGLISH;
        }
        // Graph writes "de-DE"; a Java-style "de_DE" is taken as meant rather than read as no language at all.
        String language = Locale.forLanguageTag(languageTag.strip().replace('_', '-')).getLanguage();
        return language.equals("de") ? Locale.GERMAN : Locale.ENGLISH;
    }

    private static Language language(BookingBusiness business) {
        return Language.of(locale(business.languageTag()));
    }

    private static String service(Language language, Appointment appointment) {
        return appointment.serviceName() == null || appointment.serviceName().isBlank()
                ? language.say("service.default") : appointment.serviceName();
    }

    static ZoneId zone(String name) {
        return GraphTimes.zoneOrUtc(name);
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
