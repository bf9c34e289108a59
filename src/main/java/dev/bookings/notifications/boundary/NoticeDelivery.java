package dev.bookings.notifications.boundary;

import dev.bookings.notifications.control.MailSettings;
import dev.bookings.notifications.control.Mailer;
import dev.bookings.notifications.control.NoticeLedger;
import dev.bookings.notifications.control.NoticesRecorded;
import dev.bookings.notifications.control.OutgoingMail;
import dev.bookings.notifications.entity.NoticeStatus;
import dev.bookings.platform.Rounds;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Sends due notices. Runs after every cancel that recorded notices commits, and on a timer (for retries, for
 * notices another instance left behind, and after a restart). One round at a time per instance; across
 * instances the ledger's claim keeps a notice with one sender.
 */
@ApplicationScoped
public class NoticeDelivery {

    private static final Logger LOG = Logger.getLogger(NoticeDelivery.class.getName());
    private static final int BATCH = 50;

    /** This instance's name in claims: unique per process, readable in the table. */
    private final String node = Rounds.nodeName();
    private final Rounds rounds = new Rounds(LOG, "Notice delivery");

    @Inject
    NoticeLedger ledger;

    @Inject
    Mailer mailer;

    @Inject
    Config config;

    @Resource
    ManagedExecutorService executor;

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticesRecorded event) {
        rounds.submit(executor, this::deliverDue);
    }

    public String node() {
        return node;
    }

    /** Delivers what is due with the current settings; rounds asked for while one runs are coalesced. */
    public void deliverDue() {
        rounds.run(() -> deliver(MailSettings.of(config)));
    }

    /** One round: sends every due notice it can claim. Returns how many were sent. */
    public int deliver(MailSettings settings) {
        if (!settings.configured()) {
            return 0;
        }
        int sent = 0;
        List<Long> due;
        do {
            due = ledger.due(now(), BATCH);
            for (Long pk : due) {
                if (deliverOne(pk, settings)) {
                    sent++;
                }
            }
        } while (due.size() == BATCH);
        return sent;
    }

    private boolean deliverOne(long pk, MailSettings settings) {
        Optional<OutgoingMail> claimed = ledger.claim(pk, node, now(), settings.lease());
        if (claimed.isEmpty()) {
            return false;
        }
        try {
            mailer.send(settings, claimed.get());
        } catch (MessagingException e) {
            NoticeStatus status = ledger.failed(pk, node, describe(e), settings, false, now());
            LOG.log(status == NoticeStatus.FAILED ? Level.SEVERE : Level.WARNING,
                    () -> "Notice " + claimed.get().noticeId() + " not delivered (" + status + "): " + describe(e));
            return false;
        } catch (Mailer.PermanentFailure e) {
            ledger.failed(pk, node, e.getMessage(), settings, true, now());
            LOG.severe(() -> "Notice " + claimed.get().noticeId() + " cannot be delivered: " + e.getMessage());
            return false;
        }
        ledger.sent(pk, node, now());
        return true;
    }

    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 1500; t = t.getCause()) {
            text.append(text.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
