package dev.bookings.subscriptions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A Graph subscription to the appointments of one business: who (tenant, application, creator), what
 * ({@code changeType}s), where ({@code notificationUrl}, {@code lifecycleNotificationUrl}), until when. Removed
 * subscriptions are kept, marked, so that their last notifications can be accounted for.
 */
@Entity
@Table(name = "subscription")
@NamedQuery(name = Subscription.FIND, query = "select s from Subscription s where s.tenantId = :tenantId and s.id = :id"
        + " and s.removedAt is null and s.expiresAt > :now")
@NamedQuery(name = Subscription.LIST, query = "select s from Subscription s where s.tenantId = :tenantId"
        + " and s.removedAt is null and s.expiresAt > :now order by s.pk")
@NamedQuery(name = Subscription.COUNT, query = "select count(s) from Subscription s where s.tenantId = :tenantId"
        + " and s.removedAt is null and s.expiresAt > :now")
@NamedQuery(name = Subscription.ACTIVE_FOR_BUSINESS, query = "select s from Subscription s where s.businessPk = :businessPk"
        + " and s.removedAt is null and s.expiresAt > :now order by s.pk")
public class Subscription {

    public static final String FIND = "Subscription.find";
    public static final String LIST = "Subscription.list";
    public static final String COUNT = "Subscription.count";
    public static final String ACTIVE_FOR_BUSINESS = "Subscription.activeForBusiness";

    @Id
    @SequenceGenerator(name = "booking_seq", sequenceName = "booking_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "booking_seq")
    private Long pk;

    @Column(nullable = false, updatable = false)
    private String id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "application_id")
    private String applicationId;

    @Column(name = "creator_id")
    private String creatorId;

    @Column(name = "business_pk", nullable = false, updatable = false)
    private Long businessPk;

    @Column(nullable = false, updatable = false)
    private String resource;

    @Column(name = "change_types", nullable = false)
    private String changeTypes;

    @Column(name = "notification_url", nullable = false)
    private String notificationUrl;

    @Column(name = "lifecycle_notification_url")
    private String lifecycleNotificationUrl;

    @Column(name = "client_state")
    private String clientState;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "failing_since")
    private OffsetDateTime failingSince;

    @Column(name = "removed_at")
    private OffsetDateTime removedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Subscription() {
    }

    public Subscription(String id, String tenantId, String applicationId, String creatorId, Long businessPk, String resource,
            OffsetDateTime now) {
        this.id = id;
        this.tenantId = tenantId;
        this.applicationId = applicationId;
        this.creatorId = creatorId;
        this.businessPk = businessPk;
        this.resource = resource;
        this.createdAt = now;
    }

    public Long pk() {
        return pk;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String applicationId() {
        return applicationId;
    }

    public String creatorId() {
        return creatorId;
    }

    public Long businessPk() {
        return businessPk;
    }

    public String resource() {
        return resource;
    }

    public List<String> changeTypes() {
        return Arrays.asList(changeTypes.split(","));
    }

    public String changeType() {
        return changeTypes;
    }

    public void changeTypes(List<String> types) {
        this.changeTypes = String.join(",", types);
    }

    public String notificationUrl() {
        return notificationUrl;
    }

    public void notificationUrl(String notificationUrl) {
        this.notificationUrl = notificationUrl;
    }

    public String lifecycleNotificationUrl() {
        return lifecycleNotificationUrl;
    }

    public void lifecycleNotificationUrl(String lifecycleNotificationUrl) {
        this.lifecycleNotificationUrl = lifecycleNotificationUrl;
    }

    public String clientState() {
        return clientState;
    }

    public void clientState(String clientState) {
        this.clientState = clientState;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public void expiresAt(OffsetDateTime expiresAt) {
        this.expiresAt = expiresAt;
    }

    public OffsetDateTime failingSince() {
        return failingSince;
    }

    /** Records a failed delivery; returns since when deliveries have been failing. */
    public OffsetDateTime failing(OffsetDateTime now) {
        if (failingSince == null) {
            failingSince = now;
        }
        return failingSince;
    }

    public void delivered() {
        failingSince = null;
    }

    /**
     * Whether the caller owns it: the same client application, or, for a caller without one, the same creator.
     * Others of the tenant do not see it (its clientState authenticates its notifications).
     */
    public boolean ownedBy(String callerApplicationId, String callerId) {
        if (applicationId != null || callerApplicationId != null) {
            return applicationId != null && applicationId.equals(callerApplicationId);
        }
        return creatorId != null && creatorId.equals(callerId);
    }

    public boolean removed() {
        return removedAt != null;
    }

    public void remove(OffsetDateTime now) {
        this.removedAt = now;
    }

    public boolean active(OffsetDateTime now) {
        return removedAt == null && expiresAt.isAfter(now);
    }
}
