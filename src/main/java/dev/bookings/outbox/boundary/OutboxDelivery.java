package dev.bookings.outbox.boundary;

import dev.bookings.outbox.control.Courier;
import dev.bookings.outbox.control.MessagesRecorded;
import dev.bookings.outbox.control.OutboxLedger;
import dev.bookings.outbox.control.OutboxLedger.Claimed;
import dev.bookings.outbox.control.Undeliverable;
import dev.bookings.outbox.entity.DeliveryStatus;
import dev.bookings.platform.Rounds;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one delivery round for every kind of message: after every transaction that recorded messages commits, and
 * on a timer (retries, messages due later such as reminders, what another instance left behind, after a restart).
 * One round at a time per instance; across instances the ledger's claim keeps a message with one sender. Kinds
 * whose courier is not ready (mail without an SMTP server) are left waiting, unclaimed.
 */
@ApplicationScoped
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());
    private static final int BATCH = 50;

    /** This instance's name in claims: unique per process, readable in the table. */
    private final String node = Rounds.nodeName();
    private final Rounds rounds = new Rounds(LOG, "Outbox delivery");

    @Inject
    OutboxLedger ledger;

    @Inject
    @Any
    Instance<Courier<?>> couriers;

    @Resource
    ManagedExecutorService executor;

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagesRecorded event) {
        rounds.submit(executor, this::deliverDue);
    }

    public String node() {
        return node;
    }

    /** Delivers what is due; rounds asked for while one runs are coalesced. */
    public void deliverDue() {
        rounds.run(() -> deliver(node));
    }

    /** One round as {@code node}: sends every due message it can claim. Returns how many were delivered. */
    public int deliver(String node) {
        Map<String, Courier<?>> ready = new LinkedHashMap<>();
        for (Courier<?> courier : couriers) {
            if (courier.ready()) {
                ready.put(courier.kind(), courier);
            }
        }
        if (ready.isEmpty()) {
            return 0;
        }
        int sent = 0;
        List<Long> due;
        do {
            due = ledger.due(now(), ready.keySet(), BATCH);
            for (Long pk : due) {
                Optional<Claimed<?>> claimed = ledger.claim(pk, node, now(), ready);
                if (claimed.isPresent() && deliverOne(pk, node, claimed.get())) {
                    sent++;
                }
            }
        } while (due.size() == BATCH);
        return sent;
    }

    private <P> boolean deliverOne(long pk, String node, Claimed<P> claimed) {
        try {
            claimed.courier().deliver(claimed.parcel());
        } catch (Undeliverable failure) {
            DeliveryStatus status = ledger.failed(pk, node, failure, now(), claimed.courier());
            LOG.log(status == DeliveryStatus.FAILED ? Level.SEVERE : Level.WARNING, () -> claimed.description()
                    + " not delivered (" + status + "): " + failure.getMessage());
            return false;
        }
        ledger.sent(pk, node, now(), claimed.courier());
        return true;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
