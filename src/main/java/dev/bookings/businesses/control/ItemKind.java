package dev.bookings.businesses.control;

import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.businesses.entity.BusinessItem;
import dev.bookings.platform.JsonFields;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;

/**
 * One kind of item a business holds (services, staffMembers, customers): how to make one, read a request body
 * onto it and write it as Graph does. {@link dev.bookings.businesses.boundary.BusinessItems} does the rest
 * alike for every kind.
 */
public interface ItemKind<T extends BusinessItem> {

    Class<T> type();

    /** The Graph collection name, such as {@code staffMembers}. */
    String collection();

    /** For messages: {@code staff member}. */
    String label();

    T create(String id, BookingBusiness business, OffsetDateTime now);

    /**
     * Validates the body and writes the properties it carries onto the item. On create the required ones must be
     * there; on PATCH those sent must not be empty.
     */
    void apply(JsonFields body, T item, boolean creating);

    JsonObject write(T item);
}
