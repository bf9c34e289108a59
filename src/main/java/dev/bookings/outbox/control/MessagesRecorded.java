package dev.bookings.outbox.control;

/** Fired by whoever records outbox messages in a transaction: delivery starts once it commits. */
public record MessagesRecorded(int count) {
}
