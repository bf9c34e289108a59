package dev.bookings.outbox.entity;

/**
 * Where a message stands: PENDING (waiting, again after a failed attempt) → SENDING (claimed, with a lease) → SENT;
 * FAILED when given up; SUPERSEDED when a newer message with its order key was recorded before it went out.
 */
public enum DeliveryStatus {
    PENDING, SENDING, SENT, FAILED, SUPERSEDED
}
