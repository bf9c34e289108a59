package dev.bookings.businesses.boundary;

import dev.bookings.platform.WritesThrough;
import dev.bookings.platform.Preconditions;
import dev.bookings.businesses.control.BusinessItemStore;
import dev.bookings.businesses.control.BusinessStore;
import dev.bookings.businesses.control.ItemKind;
import dev.bookings.businesses.control.ItemSaving;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.businesses.entity.BusinessItem;
import dev.bookings.platform.Ids;
import dev.bookings.platform.JsonFields;
import dev.bookings.platform.query.Filter;
import dev.bookings.platform.query.QueryOptions;
import dev.bookings.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Create, read, PATCH and DELETE of the items of the caller's businesses, each in one transaction. */
@Stateless
@WritesThrough
public class BusinessItems {

    @Inject
    BusinessStore businesses;

    @Inject
    BusinessItemStore items;

    @Inject
    Event<ItemSaving> saving;

    public <T extends BusinessItem> T add(Caller caller, String businessId, ItemKind<T> kind, JsonObject body) {
        BookingBusiness business = businesses.get(caller.tenantId(), businessId);
        T item = kind.create(Ids.next(), business, now());
        kind.apply(JsonFields.of(body), item, true);
        saving.fire(new ItemSaving(item));
        items.add(item);
        return item;
    }

    public <T extends BusinessItem> List<T> list(Caller caller, String businessId, ItemKind<T> kind, QueryOptions options) {
        return items.list(kind, businesses.get(caller.tenantId(), businessId), options);
    }

    public <T extends BusinessItem> long count(Caller caller, String businessId, ItemKind<T> kind, Filter filter) {
        return items.count(kind, businesses.get(caller.tenantId(), businessId), filter);
    }

    public <T extends BusinessItem> T get(Caller caller, String businessId, ItemKind<T> kind, String id) {
        return items.get(kind, businesses.get(caller.tenantId(), businessId), id);
    }

    /** Applies the body unless the request's preconditions no longer hold for the item: 412, nothing changed. */
    public <T extends BusinessItem> void update(Caller caller, String businessId, ItemKind<T> kind, String id, JsonObject body,
            Preconditions preconditions) {
        T item = get(caller, businessId, kind, id);
        preconditions.check(item.etag());
        kind.apply(JsonFields.of(body), item, false);
        saving.fire(new ItemSaving(item));
        item.touch(now());
    }

    public <T extends BusinessItem> void delete(Caller caller, String businessId, ItemKind<T> kind, String id, Preconditions preconditions) {
        T item = get(caller, businessId, kind, id);
        preconditions.check(item.etag());
        kind.checkRemovable(item, items);
        items.remove(item);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
