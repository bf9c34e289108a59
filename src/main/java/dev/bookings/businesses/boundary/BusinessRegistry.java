package dev.bookings.businesses.boundary;

import dev.bookings.platform.Preconditions;
import dev.bookings.businesses.control.BusinessIds;
import dev.bookings.businesses.control.BusinessInput;
import dev.bookings.businesses.control.BusinessStore;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.platform.query.Filter;
import dev.bookings.platform.query.QueryOptions;
import dev.bookings.security.Caller;
import dev.bookings.errors.Conflict;
import dev.bookings.errors.DuplicateKey;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creating and reading the caller's businesses. */
@Stateless
public class BusinessRegistry {

    /** Tries of one registration racing others for the same ids. */
    static final int ATTEMPTS = 20;

    @Resource
    SessionContext context;

    @Inject
    BusinessStore businesses;

    @Inject
    @ConfigProperty(name = "bookings.business-id-domain", defaultValue = "bookings.example")
    String idDomain;

    /**
     * Registers a business under an id derived from its display name, unique in the tenant. Concurrent
     * registrations of one name race for the same free id; the unique key lets one win, and each loser derives the
     * next free id in a transaction of its own and tries again (at most {@value #ATTEMPTS} times, then 409), so a
     * client never sees a conflict it did not cause.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BookingBusiness register(Caller caller, BusinessInput input) {
        BusinessRegistry self = context.getBusinessObject(BusinessRegistry.class);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<BookingBusiness> business = self.tryRegister(caller, input);
            if (business.isPresent()) {
                return business.get();
            }
        }
        throw new Conflict("conflict", "Other requests kept taking the id of '" + input.displayName() + "'; retry.");
    }

    /**
     * One try of {@link #register}: the first id free now, inserted at once; empty, with this transaction rolled
     * back and nothing logged (platform/EclipseLinkLog), when a concurrent registration took that id first.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<BookingBusiness> tryRegister(Caller caller, BusinessInput input) {
        String id = BusinessIds.derive(input.displayName(), idDomain,
                candidate -> businesses.find(caller.tenantId(), candidate).isPresent());
        BookingBusiness business = new BookingBusiness(caller.tenantId(), id, input.displayName(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        input.applyTo(business);
        try {
            businesses.add(business);
        } catch (PersistenceException e) {
            if (!DuplicateKey.causes(e)) {
                throw e;
            }
            context.setRollbackOnly();
            return Optional.empty();
        }
        return Optional.of(business);
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
