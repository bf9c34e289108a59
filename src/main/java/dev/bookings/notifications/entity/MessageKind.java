package dev.bookings.notifications.entity;

/** What a mail tells its recipient about an appointment. */
public enum MessageKind {
    /** Booked, or the recipient was put on it: an invitation. */
    BOOKED,
    /** Its time, service or staff moved: the invitation, updated. */
    CHANGED,
    /** Cancelled or deleted: its calendar entry goes. */
    CANCELLED,
    /** The recipient was taken off it (a staff member swapped): its calendar entry goes for them. */
    REMOVED,
    /** It starts soon. */
    REMINDER
}
