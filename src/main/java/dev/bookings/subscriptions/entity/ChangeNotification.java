package dev.bookings.subscriptions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * One notification for one subscription, in the outbox: recorded in the transaction that changed the
 * appointment, sent after it commits. {@code lifecycle} ones go to the lifecycle URL. The payload holds what does
 * not change; the subscription's current expiry and client state are added when it is sent.
 */
@Entity
@Table(name = "change_notification")
@NamedQuery(name = ChangeNotification.DUE, query = "select n.pk from ChangeNotification n where (n.status ="
        + " dev.bookings.subscriptions.entity.DeliveryStatus.PENDING and n.nextAttemptAt <= :now) or (n.status ="
        + " dev.bookings.subscriptions.entity.DeliveryStatus.SENDING and n.leaseUntil < :now) order by n.pk")
@NamedQuery(name = ChangeNotification.CLAIM, query = "update ChangeNotification n set n.status ="
        + " dev.bookings.subscriptions.entity.DeliveryStatus.SENDING, n.claimedBy = :node, n.leaseUntil = :until,"
        + " n.version = n.version + 1 where n.pk = :pk and ((n.status = dev.bookings.subscriptions.entity.DeliveryStatus.PENDING"
        + " and n.nextAttemptAt <= :now) or (n.status = dev.bookings.subscriptions.entity.DeliveryStatus.SENDING"
        + " and n.leaseUntil < :now))")
@NamedQuery(name = ChangeNotification.COUNT_BY_STATUS, query = "select n.status, count(n) from ChangeNotification n"
        + " group by n.status")
@NamedQuery(name = ChangeNotification.PENDING_FOR_SUBSCRIPTION, query = "select n from ChangeNotification n"
        + " where n.subscriptionPk = :subscriptionPk and n.status = dev.bookings.subscriptions.entity.DeliveryStatus.PENDING")
public class ChangeNotification {

    public static final String DUE = "ChangeNotification.due";
    public static final String CLAIM = "ChangeNotification.claim";
    public static final String COUNT_BY_STATUS = "ChangeNotification.countByStatus";
    public static final String PENDING_FOR_SUBSCRIPTION = "ChangeNotification.pendingForSubscription";

    @Id
    @SequenceGenerator(name = "booking_seq", sequenceName = "booking_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "booking_seq")
    private Long pk;

    @Column(nullable = false, updatable = false)
    private String id;

    @Column(name = "subscription_pk", nullable = false, updatable = false)
    private Long subscriptionPk;

    @Column(nullable = false, updatable = false)
    private boolean lifecycle;

    @Column(name = "payload_json", nullable = false, updatable = false)
    private String payloadJson;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status = DeliveryStatus.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Version
    private long version;

    protected ChangeNotification() {
    }

    public ChangeNotification(String id, Long subscriptionPk, boolean lifecycle, String payloadJson, OffsetDateTime now) {
        this.id = id;
        this.subscriptionPk = subscriptionPk;
        this.lifecycle = lifecycle;
        this.payloadJson = payloadJson;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    public Long pk() {
        return pk;
    }

    public String id() {
        return id;
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

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public String claimedBy() {
        return claimedBy;
    }

    /** Delivered, if {@code node} still holds the claim. */
    public boolean sent(String node, OffsetDateTime now) {
        if (!node.equals(claimedBy) || status != DeliveryStatus.SENDING) {
            return false;
        }
        status = DeliveryStatus.SENT;
        sentAt = now;
        attempts++;
        leaseUntil = null;
        return true;
    }

    /** Given up without an attempt: its subscription is gone. Lifecycle notifications are never given up so. */
    public boolean giveUp(String reason) {
        if (lifecycle || status != DeliveryStatus.PENDING) {
            return false;
        }
        status = DeliveryStatus.FAILED;
        lastError = reason;
        return true;
    }

    /** A failed attempt: again at {@code retryAt}, or FAILED for good when that is null. */
    public void attemptFailed(String node, String error, OffsetDateTime retryAt) {
        if (!node.equals(claimedBy) || status != DeliveryStatus.SENDING) {
            return;
        }
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        leaseUntil = null;
        if (retryAt == null) {
            status = DeliveryStatus.FAILED;
        } else {
            status = DeliveryStatus.PENDING;
            nextAttemptAt = retryAt;
        }
    }
}
