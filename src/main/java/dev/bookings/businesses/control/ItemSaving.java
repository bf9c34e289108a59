package dev.bookings.businesses.control;

import dev.bookings.businesses.entity.BusinessItem;

/**
 * Fired synchronously, inside the transaction, when an item of a business has been created or changed and is
 * about to be stored: components whose entities it references observe it and refuse (with a
 * {@link dev.bookings.errors.BookingException}) references that do not hold, which rolls the change back.
 */
public record ItemSaving(BusinessItem item) {
}
