package dev.bookings.subscriptions.control;

import dev.bookings.outbox.control.Courier;
import dev.bookings.outbox.control.Undeliverable;
import dev.bookings.outbox.entity.DeliveryStatus;
import dev.bookings.outbox.entity.OutboxMessage;
import dev.bookings.platform.Ids;
import dev.bookings.platform.Jsons;
import dev.bookings.subscriptions.entity.ChangeNotification;
import dev.bookings.subscriptions.entity.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Delivers change notifications: POSTs each to its subscription's URL (the lifecycle URL for lifecycle ones) with
 * the subscription's current expiry and client state. Any 2xx is delivered; anything else, or no answer within the
 * timeout, is retried with exponential backoff. A subscription whose deliveries keep failing longer than allowed is
 * removed, its waiting notifications given up, and a {@code subscriptionRemoved} lifecycle notification recorded.
 * Logs name subscriptions and notifications, never URLs.
 */
@ApplicationScoped
public class WebhookCourier implements Courier<WebhookCourier.Outgoing> {

    private static final Logger LOG = Logger.getLogger(WebhookCourier.class.getName());
    /** Lifecycle notifications are tried this often before they are given up. */
    static final int LIFECYCLE_ATTEMPTS = 10;

    /** What to POST where. */
    public record Outgoing(String notificationId, String url, String json) {
    }

    @PersistenceContext(unitName = "bookings")
    EntityManager em;

    @Inject
    SubscriptionSettings settings;

    @Inject
    Webhooks webhooks;

    @Override
    public String kind() {
        return ChangeNotification.KIND;
    }

    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public String readiness() {
        return "Change notifications are POSTed to their subscriptions' URLs.";
    }

    @Override
    public Duration lease() {
        return settings.lease();
    }

    /**
     * Renders the notification with its subscription's current expiry and client state; empty (given up) if its
     * subscription expired or was removed: expired subscriptions receive nothing.
     */
    @Override
    public Optional<Outgoing> prepare(OutboxMessage message, String node, OffsetDateTime now) {
        ChangeNotification notification = (ChangeNotification) message;
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

    @Override
    public void deliver(Outgoing outgoing) throws Undeliverable {
        String error;
        try {
            int status = webhooks.post(outgoing.url(), outgoing.json());
            if (status >= 200 && status < 300) {
                return;
            }
            error = "answered " + status;
        } catch (IOException e) {
            error = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        throw new Undeliverable(error, false, null);
    }

    @Override
    public void delivered(OutboxMessage message, OffsetDateTime now) {
        ChangeNotification notification = (ChangeNotification) message;
        if (!notification.lifecycle()) {
            em.find(Subscription.class, notification.subscriptionPk()).delivered();
        }
    }

    /**
     * Again after the backoff. When the subscription's deliveries have been failing longer than allowed, never: the
     * subscription is removed, its waiting notifications given up, and a {@code subscriptionRemoved} lifecycle
     * notification recorded for its lifecycle URL.
     */
    @Override
    public OffsetDateTime retryAt(OutboxMessage message, Undeliverable failure, OffsetDateTime now) {
        ChangeNotification notification = (ChangeNotification) message;
        if (notification.lifecycle()) {
            return notification.attempts() >= LIFECYCLE_ATTEMPTS ? null : now.plus(settings.backoff(notification.attempts()));
        }
        Subscription subscription = em.find(Subscription.class, notification.subscriptionPk());
        OffsetDateTime failingSince = subscription.failing(now);
        if (subscription.removed() || !failingSince.plus(settings.removeAfterFailing()).isAfter(now)) {
            if (!subscription.removed()) {
                remove(subscription, now);
            }
            return null;
        }
        return now.plus(settings.backoff(notification.attempts()));
    }

    @Override
    public String describe(OutboxMessage message) {
        return "Change notification " + message.id();
    }

    private void remove(Subscription subscription, OffsetDateTime now) {
        subscription.remove(now);
        long dropped = em.createNamedQuery(ChangeNotification.PENDING_FOR_SUBSCRIPTION, ChangeNotification.class)
                .setParameter("subscriptionPk", subscription.pk()).setParameter("pending", DeliveryStatus.PENDING)
                .getResultStream().filter(n -> n.giveUp("subscription removed")).count();
        LOG.warning(() -> "Subscription " + subscription.id() + " removed: its deliveries failed since "
                + subscription.failingSince() + "; " + dropped + " waiting notifications given up");
        if (subscription.lifecycleNotificationUrl() != null) {
            String id = Ids.next();
            String payload = Jsons.JSON.createObjectBuilder().add("id", id).add("subscriptionId", subscription.id())
                    .add("tenantId", subscription.tenantId()).add("lifecycleEvent", "subscriptionRemoved").build().toString();
            em.persist(new ChangeNotification(id, subscription.pk(), true, payload, now));
        }
    }

    private static JsonObject read(String json) {
        try (var reader = Jsons.JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
