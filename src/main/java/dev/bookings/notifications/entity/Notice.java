package dev.bookings.notifications.entity;

import dev.bookings.appointments.entity.Appointment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** One cancellation notice to one recipient, and where its delivery stands. */
@Entity
@Table(name = "notice")
@NamedQuery(name = Notice.DUE, query = "select n.pk from Notice n where (n.status = dev.bookings.notifications.entity.NoticeStatus.PENDING"
        + " and n.nextAttemptAt <= :now) or (n.status = dev.bookings.notifications.entity.NoticeStatus.SENDING and n.claimedUntil < :now)"
        + " order by n.nextAttemptAt")
@NamedQuery(name = Notice.CLAIM, query = "update Notice n set n.status = dev.bookings.notifications.entity.NoticeStatus.SENDING,"
        + " n.claimedBy = :node, n.claimedUntil = :until, n.attempts = n.attempts + 1, n.version = n.version + 1"
        + " where n.pk = :pk and ((n.status = dev.bookings.notifications.entity.NoticeStatus.PENDING and n.nextAttemptAt <= :now)"
        + " or (n.status = dev.bookings.notifications.entity.NoticeStatus.SENDING and n.claimedUntil < :now))")
@NamedQuery(name = Notice.COUNT_BY_STATUS, query = "select n.status, count(n) from Notice n group by n.status")
@NamedQuery(name = Notice.FIND_BY_APPOINTMENT, query = "select n from Notice n where n.appointment = :appointment order by n.pk")
public class Notice {

    public static final String DUE = "Notice.due";
    public static final String CLAIM = "Notice.claim";
    public static final String COUNT_BY_STATUS = "Notice.countByStatus";
    public static final String FIND_BY_APPOINTMENT = "Notice.findByAppointment";

    @Id
    @SequenceGenerator(name = "booking_seq", sequenceName = "booking_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "booking_seq")
    private Long pk;

    @Column(nullable = false, updatable = false)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "appointment_pk", nullable = false, updatable = false)
    private Appointment appointment;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind", nullable = false, updatable = false)
    private RecipientKind recipientKind;

    @Column(name = "recipient_address", nullable = false, updatable = false)
    private String recipientAddress;

    @Column(name = "recipient_name", updatable = false)
    private String recipientName;

    @Column(name = "recipient_time_zone", updatable = false)
    private String recipientTimeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NoticeStatus status = NoticeStatus.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_until")
    private OffsetDateTime claimedUntil;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Version
    private long version;

    protected Notice() {
    }

    public Notice(String id, Appointment appointment, RecipientKind kind, String address, String name, String timeZone,
            OffsetDateTime now) {
        this.id = id;
        this.appointment = appointment;
        this.recipientKind = kind;
        this.recipientAddress = address;
        this.recipientName = name;
        this.recipientTimeZone = timeZone;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** Delivered: done for good. Only the claimant may say so. */
    public boolean sent(String node, OffsetDateTime now) {
        if (status != NoticeStatus.SENDING || !node.equals(claimedBy)) {
            return false;
        }
        status = NoticeStatus.SENT;
        sentAt = now;
        claimedBy = null;
        claimedUntil = null;
        lastError = null;
        return true;
    }

    /** Not delivered: retry at {@code next}, or give up when {@code next} is null. */
    public boolean attemptFailed(String node, String error, OffsetDateTime next) {
        if (status != NoticeStatus.SENDING || !node.equals(claimedBy)) {
            return false;
        }
        status = next == null ? NoticeStatus.FAILED : NoticeStatus.PENDING;
        nextAttemptAt = next == null ? nextAttemptAt : next;
        claimedBy = null;
        claimedUntil = null;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 2000));
        return true;
    }

    public Long pk() {
        return pk;
    }

    public String id() {
        return id;
    }

    public Appointment appointment() {
        return appointment;
    }

    public RecipientKind recipientKind() {
        return recipientKind;
    }

    public String recipientAddress() {
        return recipientAddress;
    }

    public String recipientName() {
        return recipientName;
    }

    public String recipientTimeZone() {
        return recipientTimeZone;
    }

    public NoticeStatus status() {
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

    public OffsetDateTime sentAt() {
        return sentAt;
    }
}
