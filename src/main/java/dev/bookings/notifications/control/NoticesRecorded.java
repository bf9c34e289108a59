package dev.bookings.notifications.control;

/** Fired when a transaction recorded notices; observed after it commits to deliver them at once. */
public record NoticesRecorded(int count) {
}
