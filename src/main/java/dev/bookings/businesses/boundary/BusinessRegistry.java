package dev.bookings.businesses.boundary;

import dev.bookings.platform.WritesThrough;
import dev.bookings.platform.NamedLocks;
import dev.bookings.platform.Preconditions;
import dev.bookings.businesses.control.BusinessIds;
import dev.bookings.businesses.control.BusinessInput;
import dev.bookings.businesses.control.BusinessStore;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.platform.query.Filter;
import dev.bookings.platform.query.QueryOptions;
import dev.bookings.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creating and reading the caller's businesses. */
@Stateless
@WritesThrough
public class BusinessRegistry {

    @Inject
    NamedLocks locks;

    @Inject
    BusinessStore businesses;

    @Inject
    @ConfigProperty(name = "bookings.business-id-domain", defaultValue = "bookings.example")
    String idDomain;

    /**
     * Registers a business under an id derived from its display name, unique in the tenant. Registrations in one
     * tenant take turns (a row lock held until the transaction ends, {@link NamedLocks}), so each derives its id
     * from the businesses committed before it and never races another for the same id: a client never sees a
     * conflict it did not cause, and the transaction never fails on the unique key, so it may carry the request's
     * other rows (its idempotency record) to one commit.
     */
    public BookingBusiness register(Caller caller, BusinessInput input) {
        locks.lock("business-ids " + caller.tenantId());
        String id = BusinessIds.derive(input.displayName(), idDomain,
                candidate -> businesses.find(caller.tenantId(), candidate).isPresent());
        BookingBusiness business = new BookingBusiness(caller.tenantId(), id, input.displayName(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        input.applyTo(business);
        businesses.add(business);
        return business;
    }

    public BookingBusiness get(Caller caller, String id) {
        return businesses.get(caller.tenantId(), id);
    }

    public List<BookingBusiness> list(Caller caller, String query, QueryOptions options) {
        return businesses.list(caller.tenantId(), query, options);
    }

    public long count(Caller caller, String query, Filter filter) {
        return businesses.count(caller.tenantId(), query, filter);
    }

    /** Applies the changes unless the request's preconditions no longer hold for the business: 412, nothing changed. */
    public void update(Caller caller, String id, BusinessInput input, Preconditions preconditions) {
        BookingBusiness business = businesses.get(caller.tenantId(), id);
        preconditions.check(business.etag());
        input.applyTo(business);
        business.touch(now());
    }

    /** Graph's publish and unpublish actions. */
    public void publish(Caller caller, String id, boolean published) {
        BookingBusiness business = businesses.get(caller.tenantId(), id);
        business.published(published);
        business.touch(now());
    }

    /** Deletes the business with its appointments and staff, without notifying anyone. */
    public void delete(Caller caller, String id, Preconditions preconditions) {
        BookingBusiness business = businesses.get(caller.tenantId(), id);
        preconditions.check(business.etag());
        businesses.remove(business);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
