package dev.bookings.notifications.control;

/**
 * A notice ready to send: everything the mail needs, read in the claiming transaction.
 *
 * @param noticeId the notice's id, the basis of its stable {@code Message-ID}
 */
public record OutgoingMail(String noticeId, String toAddress, String toName, String subject, String text, String html) {
}
