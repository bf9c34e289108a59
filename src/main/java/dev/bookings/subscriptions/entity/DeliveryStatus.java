package dev.bookings.subscriptions.entity;

/** Where a change notification stands: waiting (again), being sent, delivered, or given up. */
public enum DeliveryStatus {
    PENDING, SENDING, SENT, FAILED
}
