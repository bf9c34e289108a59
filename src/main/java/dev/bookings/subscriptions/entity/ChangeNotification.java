package dev.bookings.subscriptions.entity;

import dev.bookings.outbox.entity.DeliveryStatus;
import dev.bookings.outbox.entity.OutboxMessage;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One notification for one subscription, in the outbox: recorded in the transaction that changed the
 * appointment, sent after it commits. {@code lifecycle} ones go to the lifecycle URL. The payload holds what does
 * not change; the subscription's current expiry and client state are added when it is sent.
 */
@Entity
@Table(name = "change_notification")
@DiscriminatorValue(ChangeNotification.KIND)
@PrimaryKeyJoinColumn(name = "pk")
@NamedQuery(name = ChangeNotification.PENDING_FOR_SUBSCRIPTION, query = "select n from ChangeNotification n"
        + " where n.subscriptionPk = :subscriptionPk and n.status = :pending")
public class ChangeNotification extends OutboxMessage {

    /** The outbox kind of webhooks. */
    public static final String KIND = "WEBHOOK";
    public static final String PENDING_FOR_SUBSCRIPTION = "ChangeNotification.pendingForSubscription";

    @Column(name = "subscription_pk", nullable = false, updatable = false)
    private Long subscriptionPk;

    @Column(nullable = false, updatable = false)
    private boolean lifecycle;

    @Column(name = "payload_json", nullable = false, updatable = false)
    private String payloadJson;

    protected ChangeNotification() {
    }

    public ChangeNotification(String id, Long subscriptionPk, boolean lifecycle, String payloadJson, OffsetDateTime now) {
        super(id, null, now, now);
        this.subscriptionPk = subscriptionPk;
        this.lifecycle = lifecycle;
        this.payloadJson = payloadJson;
    }

    public Long subscriptionPk() {
        return subscriptionPk;
    }

    public boolean lifecycle() {
        return lifecycle;
    }

    public String payloadJson() {
        return payloadJson;
    }

    /** Given up without an attempt: its subscription is gone. Lifecycle notifications are never given up so. */
    @Override
    public boolean giveUp(String reason) {
        return !lifecycle && status() == DeliveryStatus.PENDING && super.giveUp(reason);
    }
}
