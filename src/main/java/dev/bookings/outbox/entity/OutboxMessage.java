package dev.bookings.outbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * A message in the outbox and where its delivery stands. The kind ({@code MAIL}, {@code WEBHOOK}) names the table
 * that holds what is sent. Claims are conditional updates ({@code OutboxLedger}); the methods here record an
 * attempt's outcome and only the claimant's.
 */
@Entity
@Table(name = "outbox_message")
@Inheritance(strategy = InheritanceType.JOINED)
@DiscriminatorColumn(name = "kind", length = 16)
public abstract class OutboxMessage {

    @Id
    @SequenceGenerator(name = "booking_seq", sequenceName = "booking_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "booking_seq")
    private Long pk;

    @Column(nullable = false, updatable = false)
    private String id;

    @Column(name = "order_key", updatable = false)
    private String orderKey;

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

    protected OutboxMessage() {
    }

    /**
     * A message due at {@code dueAt}; {@code orderKey} (null for none) puts it in line behind the older messages
     * with the same key.
     */
    protected OutboxMessage(String id, String orderKey, OffsetDateTime now, OffsetDateTime dueAt) {
        this.id = id;
        this.orderKey = orderKey;
        this.createdAt = now;
        this.nextAttemptAt = dueAt;
    }

    /**
     * Whether recording this message drops the older ones with its order key that have not gone out: a newer state
     * makes them pointless. A message that only adds to them (a reminder) says no.
     */
    public boolean supersedesOlder() {
        return true;
    }

    /** Delivered: done for good, if {@code node} still holds the claim. */
    public boolean sent(String node, OffsetDateTime now) {
        if (status != DeliveryStatus.SENDING || !node.equals(claimedBy)) {
            return false;
        }
        status = DeliveryStatus.SENT;
        sentAt = now;
        claimedBy = null;
        leaseUntil = null;
        lastError = null;
        return true;
    }

    /** Not delivered: again at {@code next}, or FAILED for good when {@code next} is null. Only the claimant's. */
    public boolean attemptFailed(String node, String error, OffsetDateTime next) {
        if (status != DeliveryStatus.SENDING || !node.equals(claimedBy)) {
            return false;
        }
        status = next == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
        nextAttemptAt = next == null ? nextAttemptAt : next;
        claimedBy = null;
        leaseUntil = null;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 2000));
        return true;
    }

    /** Dropped: a newer message with its order key was recorded before this one went out. */
    public void supersede() {
        if (status == DeliveryStatus.PENDING) {
            status = DeliveryStatus.SUPERSEDED;
        }
    }

    /** Given up before an attempt (its subscription is gone, say): FAILED if it was waiting. */
    public boolean giveUp(String reason) {
        if (status != DeliveryStatus.PENDING) {
            return false;
        }
        status = DeliveryStatus.FAILED;
        lastError = reason;
        return true;
    }

    public Long pk() {
        return pk;
    }

    public String id() {
        return id;
    }

    public String orderKey() {
        return orderKey;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public OffsetDateTime nextAttemptAt() {
        return nextAttemptAt;
    }

    public String claimedBy() {
        return claimedBy;
    }

    public String lastError() {
        return lastError;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime sentAt() {
        return sentAt;
    }
}
