package dev.bookings.subscriptions.boundary;

import dev.bookings.platform.WritesThrough;
import dev.bookings.businesses.control.BusinessStore;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.errors.ItemNotFound;
import dev.bookings.platform.Ids;
import dev.bookings.security.Caller;
import dev.bookings.subscriptions.control.SubscriptionInput;
import dev.bookings.subscriptions.control.SubscriptionSettings;
import dev.bookings.subscriptions.entity.Subscription;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Subscriptions of the caller's tenant, each step in the write request's one transaction. The HTTP handshake with
 * the subscriber runs before (in the resource), in that transaction too; {@code Webhooks} bounds how many run at
 * once, since each holds a database connection while it waits.
 */
@Stateless
@WritesThrough
public class Subscriptions {

    @PersistenceContext
    EntityManager em;

    @Inject
    BusinessStore businesses;

    @Inject
    SubscriptionSettings settings;

    /** The business a subscription would watch: it must be the caller's tenant's (else 404). */
    public BookingBusiness business(Caller caller, String businessId) {
        return businesses.get(caller.tenantId(), businessId);
    }

    public Subscription create(Caller caller, String applicationId, SubscriptionInput input) {
        OffsetDateTime now = now();
        BookingBusiness business = business(caller, input.businessId());
        long count = em.createNamedQuery(Subscription.COUNT, Long.class).setParameter("tenantId", caller.tenantId())
                .setParameter("now", now).getSingleResult();
        if (count >= settings.maxPerTenant()) {
            throw new SubscriptionLimitReached(count);
        }
        Subscription subscription = new Subscription(Ids.next(), caller.tenantId(), applicationId, caller.actorId(),
                business.pk(), SubscriptionInput.resource(business.id()), now);
        subscription.changeTypes(input.changeTypes());
        subscription.notificationUrl(input.notificationUrl());
        subscription.lifecycleNotificationUrl(input.lifecycleNotificationUrl().orElse(null));
        subscription.clientState(input.clientState().orElse(null));
        subscription.expiresAt(input.expiration(now));
        em.persist(subscription);
        return subscription;
    }

    /** The caller's live subscriptions: its tenant's, made by its application (or by it, without one). */
    public List<Subscription> list(Caller caller, String applicationId) {
        return em.createNamedQuery(Subscription.LIST, Subscription.class).setParameter("tenantId", caller.tenantId())
                .setParameter("now", now()).getResultStream().filter(s -> s.ownedBy(applicationId, caller.actorId()))
                .toList();
    }

    /** One of the caller's live subscriptions, or 404 (another application's or tenant's, expired, removed). */
    public Subscription get(Caller caller, String applicationId, String id) {
        return em.createNamedQuery(Subscription.FIND, Subscription.class).setParameter("tenantId", caller.tenantId())
                .setParameter("id", id).setParameter("now", now()).getResultStream()
                .filter(s -> s.ownedBy(applicationId, caller.actorId())).findFirst()
                .orElseThrow(() -> new ItemNotFound("The subscription '" + id + "' was not found."));
    }

    /** Renewal ({@code expirationDateTime}) and a new {@code notificationUrl} (validated by the caller first). */
    public Subscription update(Caller caller, String applicationId, String id, SubscriptionInput input) {
        Subscription subscription = get(caller, applicationId, id);
        input.optionalExpiration(now()).ifPresent(subscription::expiresAt);
        input.optionalNotificationUrl().ifPresent(subscription::notificationUrl);
        if (input.has("lifecycleNotificationUrl")) {
            subscription.lifecycleNotificationUrl(input.lifecycleNotificationUrl().orElse(null));
        }
        if (input.has("clientState")) {
            subscription.clientState(input.clientState().orElse(null));
        }
        return subscription;
    }

    public void delete(Caller caller, String applicationId, String id) {
        get(caller, applicationId, id).remove(now());
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
