package dev.bookings.notifications.entity;

/** Why a recipient gets a notice. */
public enum RecipientKind {
    CUSTOMER,
    STAFF,
    OWNER
}
