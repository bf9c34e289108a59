package dev.bookings.subscriptions.boundary;

import dev.bookings.platform.Rounds;
import dev.bookings.subscriptions.control.ChangeNotificationLedger;
import dev.bookings.subscriptions.control.ChangeNotificationLedger.Outgoing;
import dev.bookings.subscriptions.control.ChangeNotificationsRecorded;
import dev.bookings.subscriptions.control.Webhooks;
import dev.bookings.subscriptions.entity.DeliveryStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * POSTs due change notifications: after every transaction that recorded some commits, and on a timer (retries,
 * notifications another instance left behind, after a restart). Any 2xx is delivered; anything else, or no answer
 * within the timeout, is retried with exponential backoff (see {@link ChangeNotificationLedger#failed}). Across
 * instances the ledger's claim keeps a notification with one sender. Logs name subscriptions, never URLs.
 */
@ApplicationScoped
public class ChangeNotificationDelivery {

    private static final Logger LOG = Logger.getLogger(ChangeNotificationDelivery.class.getName());
    private static final int BATCH = 50;

    private final String node = Rounds.nodeName();
    private final Rounds rounds = new Rounds(LOG, "Change notification delivery");

    @Inject
    ChangeNotificationLedger ledger;

    @Inject
    Webhooks webhooks;

    @Resource
    ManagedExecutorService executor;

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangeNotificationsRecorded event) {
        rounds.submit(executor, this::deliverDue);
    }

    public void deliverDue() {
        rounds.run(() -> deliver(node));
    }

    /** One round as {@code node}: sends every due notification it can claim; how many were delivered. */
    public int deliver(String node) {
        int sent = 0;
        List<Long> due;
        do {
            due = ledger.due(now(), BATCH);
            for (Long pk : due) {
                if (deliverOne(pk, node)) {
                    sent++;
                }
            }
        } while (due.size() == BATCH);
        return sent;
    }

    private boolean deliverOne(long pk, String node) {
        Optional<Outgoing> claimed = ledger.claim(pk, node, now());
        if (claimed.isEmpty()) {
            return false;
        }
        String error;
        try {
            int status = webhooks.post(claimed.get().url(), claimed.get().json());
            if (status >= 200 && status < 300) {
                ledger.sent(pk, node, now());
                return true;
            }
            error = "answered " + status;
        } catch (IOException e) {
            error = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        String reason = error;
        DeliveryStatus status = ledger.failed(pk, node, reason, now());
        LOG.warning(() -> "Change notification " + claimed.get().notificationId() + " not delivered (" + reason + "): "
                + status);
        return false;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
