package dev.bookings.subscriptions.control;

/** Fired when a transaction recorded change notifications; observed after it commits to deliver them at once. */
public record ChangeNotificationsRecorded(int count) {
}
