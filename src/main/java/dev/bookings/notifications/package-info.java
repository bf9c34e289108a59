/**
 * Mails to the people around a booking, never lost: every change of an appointment (booked, moved, staff swapped,
 * cancelled, deleted) records, in its own transaction, one {@code Notice} per person in the {@code outbox}, rendered
 * then as plain text, HTML and an iCalendar part (iTIP {@code REQUEST} or {@code CANCEL}, one {@code UID} per
 * appointment, a {@code SEQUENCE} that grows with every change), so their calendars follow the booking;
 * {@code MailCourier} sends them through Jakarta Mail with a stable {@code Message-ID}.
 * Stands on {@code outbox}, {@code appointments}, {@code staff}, {@code businesses} and the ground; it observes the
 * appointment use cases' events, so nothing below imports it.
 */
package dev.bookings.notifications;
