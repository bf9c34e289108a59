package dev.bookings.notifications.control;

/**
 * One mail as it goes out: plain text and HTML, and an iCalendar part with its iTIP method when the mail adds,
 * moves or removes a calendar entry.
 *
 * @param noticeId the notice's id, the basis of its stable {@code Message-ID}
 * @param calendar the {@code text/calendar} part, or null
 * @param calendarMethod {@code REQUEST} or {@code CANCEL} with a calendar part, else null
 */
public record OutgoingMail(String noticeId, String toAddress, String toName, String subject, String text, String html,
        String calendar, String calendarMethod) {

    public OutgoingMail(String noticeId, String toAddress, String toName, String subject, String text, String html) {
        this(noticeId, toAddress, toName, subject, text, html, null, null);
    }
}
