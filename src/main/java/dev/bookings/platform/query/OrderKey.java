package dev.bookings.platform.query;

/** One key of {@code $orderby}: a property path and its direction. */
public record OrderKey(String property, boolean descending) {
}
