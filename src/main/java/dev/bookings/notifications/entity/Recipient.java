package dev.bookings.notifications.entity;

/** Who a mail goes to: a customer, a staff member or the business's owner, with the zone their times are shown in. */
public record Recipient(RecipientKind kind, String address, String name, String timeZone) {
}
