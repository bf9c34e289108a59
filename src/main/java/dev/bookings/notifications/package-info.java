/**
 * Cancellation notices that are never lost. The cancel transaction records one {@code Notice} per recipient (a
 * transactional outbox: no notice without a committed cancel, none lost with one); {@code NoticeDelivery} sends
 * them by e-mail through Jakarta Mail, claiming each with a conditional update so that several instances never
 * send one at once, retrying with exponential backoff and giving every notice a stable {@code Message-ID}.
 * Stands on {@code appointments}, {@code staff}, {@code businesses} and the ground; it observes the appointment use
 * cases' events, so nothing below imports it.
 */
package dev.bookings.notifications;
