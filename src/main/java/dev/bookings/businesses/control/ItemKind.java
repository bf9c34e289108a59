package dev.bookings.businesses.control;

import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.businesses.entity.BusinessItem;
import dev.bookings.platform.JsonFields;
import dev.bookings.platform.query.QueryableProperties;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;

/**
 * One kind of item a business holds (services, staffMembers, customers): how to make one, read a request body
 * onto it and write it as Graph does. {@link dev.bookings.businesses.boundary.BusinessItems} does the rest
 * alike for every kind.
 */
public abstract class ItemKind<T extends BusinessItem> {

    /** Makes a new item. */
    public interface Factory<T> {
        T create(String id, BookingBusiness business, OffsetDateTime now);
    }

    private final Class<T> type;
    private final String collection;
    private final String label;
    private final Factory<T> factory;

    /**
     * @param collection the Graph collection name, such as {@code staffMembers}
     * @param label      for messages: {@code staff member}
     */
    protected ItemKind(Class<T> type, String collection, String label, Factory<T> factory) {
        this.type = type;
        this.collection = collection;
        this.label = label;
        this.factory = factory;
    }

    public Class<T> type() {
        return type;
    }

    public String collection() {
        return collection;
    }

    public String label() {
        return label;
    }

    public T create(String id, BookingBusiness business, OffsetDateTime now) {
        return factory.create(id, business, now);
    }

    /**
     * Validates the body and writes the properties it carries onto the item. On create the required ones must be
     * there; on PATCH those sent must not be empty.
     */
    public abstract void apply(JsonFields body, T item, boolean creating);

    public abstract JsonObject write(T item);

    /** Refuses (with a {@link dev.bookings.errors.BookingException}) to delete an item others still use. */
    public void checkRemovable(T item, BusinessItemStore store) {
        // most items can always go
    }

    /** What {@code $select}, {@code $filter} and {@code $orderby} can name on this kind. */
    public abstract QueryableProperties properties();

    /** The properties every item has: {@code id} and its timestamps. */
    protected static QueryableProperties.Builder itemProperties(String typeName) {
        return QueryableProperties.of(typeName).string("id", "id").dateTime("createdDateTime", "createdAt")
                .dateTime("lastUpdatedDateTime", "updatedAt");
    }
}
