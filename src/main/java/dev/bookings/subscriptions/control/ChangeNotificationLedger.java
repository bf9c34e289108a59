package dev.bookings.subscriptions.control;

import dev.bookings.platform.Ids;
import dev.bookings.platform.Jsons;
import dev.bookings.subscriptions.entity.ChangeNotification;
import dev.bookings.subscriptions.entity.DeliveryStatus;
import dev.bookings.subscriptions.entity.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Delivery bookkeeping, each step in a short transaction of its own (no transaction spans an HTTP call). A
 * notification is claimed with one conditional update; whoever changed the row owns it until its lease ends.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class ChangeNotificationLedger {

    private static final Logger LOG = Logger.getLogger(ChangeNotificationLedger.class.getName());
    /** Lifecycle notifications are tried this often before they are given up. */
    static final int LIFECYCLE_ATTEMPTS = 10;

    /** What to POST where. */
    public record Outgoing(String notificationId, String url, String json) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SubscriptionSettings settings;

    public List<Long> due(OffsetDateTime now, int limit) {
        return em.createNamedQuery(ChangeNotification.DUE, Long.class).setParameter("now", now).setMaxResults(limit)
                .getResultList();
    }

    /**
     * Claims the notification for {@code node} if it is still due, and renders it with its subscription's current
     * expiry and client state. Empty if someone else has it, or if its subscription expired or was removed (it is
     * then given up: expired subscriptions receive nothing).
     */
    public Optional<Outgoing> claim(long pk, String node, OffsetDateTime now) {
        int claimed = em.createNamedQuery(ChangeNotification.CLAIM).setParameter("pk", pk).setParameter("node", node)
                .setParameter("now", now).setParameter("until", now.plus(settings.lease())).executeUpdate();
        if (claimed != 1) {
            return Optional.empty();
        }
        ChangeNotification notification = em.find(ChangeNotification.class, pk);
        em.refresh(notification);
        Subscription subscription = em.find(Subscription.class, notification.subscriptionPk());
        if (!notification.lifecycle() && !subscription.active(now)) {
            notification.attemptFailed(node, "subscription expired or removed", null);
            return Optional.empty();
        }
        String url = notification.lifecycle() ? subscription.lifecycleNotificationUrl() : subscription.notificationUrl();
        var body = Jsons.JSON.createObjectBuilder(read(notification.payloadJson()))
                .add("subscriptionExpirationDateTime", subscription.expiresAt().toInstant().toString());
        if (subscription.clientState() != null) {
            body.add("clientState", subscription.clientState());
        }
        String json = Jsons.JSON.createObjectBuilder().add("value", Jsons.JSON.createArrayBuilder().add(body)).build().toString();
        return Optional.of(new Outgoing(notification.id(), url, json));
    }

    public void sent(long pk, String node, OffsetDateTime now) {
        ChangeNotification notification = em.find(ChangeNotification.class, pk);
        if (notification.sent(node, now) && !notification.lifecycle()) {
            em.find(Subscription.class, notification.subscriptionPk()).delivered();
        }
    }

    /**
     * A failed attempt: retried after the backoff. When the subscription's deliveries have been failing longer
     * than allowed, the subscription is removed, its waiting notifications given up, and a
     * {@code subscriptionRemoved} lifecycle notification recorded for its lifecycle URL.
     */
    public DeliveryStatus failed(long pk, String node, String error, OffsetDateTime now) {
        ChangeNotification notification = em.find(ChangeNotification.class, pk);
        Subscription subscription = em.find(Subscription.class, notification.subscriptionPk());
        if (notification.lifecycle()) {
            notification.attemptFailed(node, error, notification.attempts() + 1 >= LIFECYCLE_ATTEMPTS ? null
                    : now.plus(settings.backoff(notification.attempts() + 1)));
            return notification.status();
        }
        OffsetDateTime failingSince = subscription.failing(now);
        if (subscription.removed() || !failingSince.plus(settings.removeAfterFailing()).isAfter(now)) {
            notification.attemptFailed(node, error, null);
            if (!subscription.removed()) {
                remove(subscription, now);
            }
        } else {
            notification.attemptFailed(node, error, now.plus(settings.backoff(notification.attempts() + 1)));
        }
        return notification.status();
    }

    private void remove(Subscription subscription, OffsetDateTime now) {
        subscription.remove(now);
        long dropped = em.createNamedQuery(ChangeNotification.PENDING_FOR_SUBSCRIPTION, ChangeNotification.class)
                .setParameter("subscriptionPk", subscription.pk()).getResultStream()
                .filter(n -> n.giveUp("subscription removed")).count();
        LOG.warning(() -> "Subscription " + subscription.id() + " removed: its deliveries failed since "
                + subscription.failingSince() + "; " + dropped + " waiting notifications given up");
        if (subscription.lifecycleNotificationUrl() != null) {
            String id = Ids.next();
            String payload = Jsons.JSON.createObjectBuilder().add("id", id).add("subscriptionId", subscription.id())
                    .add("tenantId", subscription.tenantId()).add("lifecycleEvent", "subscriptionRemoved").build().toString();
            em.persist(new ChangeNotification(id, subscription.pk(), true, payload, now));
        }
    }

    public Map<DeliveryStatus, Long> counts() {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            counts.put(status, 0L);
        }
        for (Object[] row : em.createNamedQuery(ChangeNotification.COUNT_BY_STATUS, Object[].class).getResultList()) {
            counts.put((DeliveryStatus) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    private static JsonObject read(String json) {
        try (var reader = Jsons.JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
