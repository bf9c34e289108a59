package dev.bookings.notifications.entity;

/** PENDING → SENDING (claimed, with a lease) → SENT, or back to PENDING for a retry, or FAILED for good. */
public enum NoticeStatus {
    PENDING,
    SENDING,
    SENT,
    FAILED
}
