package dev.bookings.notifications.entity;

import dev.bookings.outbox.entity.OutboxMessage;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * One mail to one person about one appointment, in the outbox. What it says (subject, text, HTML, calendar part) is
 * rendered when its change is recorded, so it tells of the appointment as that change left it, even once the
 * appointment is changed again or deleted. Rows recorded before mails kept their words have no subject: they are
 * cancellation notices, rendered from the appointment when they go out.
 */
@Entity
@Table(name = "mail_message")
@DiscriminatorValue(Notice.KIND)
@PrimaryKeyJoinColumn(name = "pk")
public class Notice extends OutboxMessage {

    /** The outbox kind of mails. */
    public static final String KIND = "MAIL";

    @Column(name = "business_pk", nullable = false, updatable = false)
    private Long businessPk;

    @Column(name = "appointment_pk", updatable = false)
    private Long appointmentPk;

    @Column(name = "appointment_id", updatable = false)
    private String appointmentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "message_kind", nullable = false, updatable = false)
    private MessageKind messageKind;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind", nullable = false, updatable = false)
    private RecipientKind recipientKind;

    @Column(name = "recipient_address", nullable = false, updatable = false)
    private String recipientAddress;

    @Column(name = "recipient_name", updatable = false)
    private String recipientName;

    @Column(name = "recipient_time_zone", updatable = false)
    private String recipientTimeZone;

    @Column(updatable = false)
    private String subject;

    @Column(name = "body_text", updatable = false)
    private String text;

    @Column(name = "body_html", updatable = false)
    private String html;

    @Column(updatable = false)
    private String calendar;

    protected Notice() {
    }

    /** A mail about an appointment to {@code recipient}, due at {@code dueAt}, in line behind its older ones. */
    public Notice(String id, Long businessPk, Long appointmentPk, String appointmentId, MessageKind kind,
            Recipient recipient, OffsetDateTime now, OffsetDateTime dueAt) {
        super(id, orderKey(appointmentId, recipient.address()), now, dueAt);
        this.businessPk = businessPk;
        this.appointmentPk = appointmentPk;
        this.appointmentId = appointmentId;
        this.messageKind = kind;
        this.recipientKind = recipient.kind();
        this.recipientAddress = recipient.address();
        this.recipientName = recipient.name();
        this.recipientTimeZone = recipient.timeZone();
    }

    /** One appointment's mails to one address go out in the order they were recorded. */
    public static String orderKey(String appointmentId, String address) {
        return appointmentId + " " + address.toLowerCase(Locale.ROOT);
    }

    /** Keeps what the mail says. */
    public Notice says(String subject, String text, String html, String calendar) {
        this.subject = subject;
        this.text = text;
        this.html = html;
        this.calendar = calendar;
        return this;
    }

    /** A reminder drops no earlier mail: only a new state of the appointment does. */
    @Override
    public boolean supersedesOlder() {
        return messageKind != MessageKind.REMINDER;
    }

    public Recipient recipient() {
        return new Recipient(recipientKind, recipientAddress, recipientName, recipientTimeZone);
    }

    public Long businessPk() {
        return businessPk;
    }

    public Long appointmentPk() {
        return appointmentPk;
    }

    public String appointmentId() {
        return appointmentId;
    }

    public MessageKind messageKind() {
        return messageKind;
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

    public String subject() {
        return subject;
    }

    public String text() {
        return text;
    }

    public String html() {
        return html;
    }

    public String calendar() {
        return calendar;
    }
}
