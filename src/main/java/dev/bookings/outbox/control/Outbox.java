package dev.bookings.outbox.control;

import dev.bookings.outbox.entity.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Records messages in the caller's transaction: they go out once it commits, and not at all if it rolls back. A
 * message with an order key supersedes the messages with that key that are still waiting (unless it only adds to
 * them, {@code OutboxMessage.supersedesOlder}): a newer state of an
 * appointment makes an older one's message pointless, and no recipient gets the older after the newer. One that is
 * being sent right now is not superseded; the newer waits for it ({@code OutboxLedger}).
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext(unitName = "bookings")
    EntityManager em;

    @Inject
    Event<MessagesRecorded> recorded;

    public void record(Collection<? extends OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        messages.forEach(m -> {
            if (m.orderKey() != null && m.supersedesOlder()) {
                keys.add(m.orderKey());
            }
        });
        for (String key : keys) {
            supersede(key);
        }
        messages.forEach(em::persist);
        recorded.fire(new MessagesRecorded(messages.size()));
    }

    /**
     * Drops the committed messages with {@code orderKey} that have not gone out yet; one being sent goes on. The
     * messages of one change are recorded in one call, so none of them is dropped by its siblings.
     */
    private void supersede(String orderKey) {
        em.createNativeQuery("update outbox_message set status = 'SUPERSEDED', version = version + 1"
                + " where order_key = ?1 and status = 'PENDING'").setParameter(1, orderKey)
                .setFlushMode(FlushModeType.COMMIT).executeUpdate();
    }
}
