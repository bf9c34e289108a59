package dev.bookings.notifications.control;

import dev.bookings.appointments.entity.Appointment;
import dev.bookings.notifications.entity.Notice;
import dev.bookings.outbox.control.Courier;
import dev.bookings.outbox.control.Undeliverable;
import dev.bookings.outbox.entity.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Delivers mails through the configured SMTP server (read from MicroProfile Config at every use, so a dynamic
 * config source takes effect without a restart); without one, mails wait. Retries with exponential backoff up to
 * {@code bookings.notices.max-attempts}; an address the mail system refuses fails for good at once.
 */
@ApplicationScoped
public class MailCourier implements Courier<OutgoingMail> {

    @PersistenceContext(unitName = "bookings")
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    Config config;

    @Override
    public String kind() {
        return Notice.KIND;
    }

    @Override
    public boolean ready() {
        return MailSettings.of(config).configured();
    }

    @Override
    public String readiness() {
        MailSettings settings = MailSettings.of(config);
        return settings.configured() ? "Mails are sent through " + settings + "."
                : "No SMTP server is configured (bookings.mail.smtp.host): mails are recorded and stay pending until one"
                        + " is; nothing is dropped.";
    }

    @Override
    public Duration lease() {
        return MailSettings.of(config).lease();
    }

    /** The mail as recorded; a notice recorded before mails kept their words is rendered from its appointment. */
    @Override
    public Optional<OutgoingMail> prepare(OutboxMessage message, String node, OffsetDateTime now) {
        Notice notice = (Notice) message;
        if (notice.subject() == null) {
            return Optional.of(NoticeMessages.renderRecorded(notice, em.find(Appointment.class, notice.appointmentPk())));
        }
        String method = switch (notice.messageKind()) {
            case BOOKED, CHANGED -> "REQUEST";
            case CANCELLED, REMOVED -> "CANCEL";
            case REMINDER -> null;
        };
        return Optional.of(new OutgoingMail(notice.id(), notice.recipientAddress(),
                NoticeMessages.headerSafe(notice.recipientName()), notice.subject(), notice.text(), notice.html(),
                method == null ? null : notice.calendar(), notice.calendar() == null ? null : method));
    }

    @Override
    public void deliver(OutgoingMail mail) throws Undeliverable {
        try {
            mailer.send(MailSettings.of(config), mail);
        } catch (MessagingException e) {
            throw new Undeliverable(describe(e), false, e);
        } catch (Mailer.PermanentFailure e) {
            throw new Undeliverable(e.getMessage(), true, e);
        }
    }

    @Override
    public OffsetDateTime retryAt(OutboxMessage message, Undeliverable failure, OffsetDateTime now) {
        Duration backoff = failure.permanent() ? null : MailSettings.of(config).backoff(message.attempts());
        return backoff == null ? null : now.plus(backoff);
    }

    @Override
    public String describe(OutboxMessage message) {
        return "Notice " + message.id();
    }

    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 1500; t = t.getCause()) {
            text.append(text.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }
}
