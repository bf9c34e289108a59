package dev.bookings.outbox.control;

import dev.bookings.outbox.entity.DeliveryStatus;
import dev.bookings.outbox.entity.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The delivery's bookkeeping, each step in a short transaction of its own so that no transaction spans a delivery.
 * A message is claimed with one conditional update: whoever changes the row owns it until its lease ends; a
 * claimant that dies leaves a lease that expires, and the message goes again. A message waits while an older one
 * with its order key is waiting or being sent, so one recipient gets an appointment's messages in order.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class OutboxLedger {

    /** A message claimed for sending: its courier and what it sends. */
    public record Claimed<P>(Courier<P> courier, P parcel, String description) {
    }

    private static final Pattern KIND = Pattern.compile("[A-Z]{1,16}");
    private static final String IN_LINE = " and not exists (select 1 from outbox_message o where o.order_key = %s.order_key"
            + " and o.pk < %s.pk and o.status in ('PENDING', 'SENDING'))";
    private static final String DUE = "select m.pk from outbox_message m where m.kind in (%s) and ((m.status = 'PENDING'"
            + " and m.next_attempt_at <= ?1) or (m.status = 'SENDING' and m.lease_until < ?1))" + IN_LINE.formatted("m", "m")
            + " order by m.next_attempt_at, m.pk";
    private static final String CLAIM = "update outbox_message set status = 'SENDING', claimed_by = ?1, lease_until = ?2,"
            + " attempts = attempts + 1, version = version + 1 where pk = ?3 and ((status = 'PENDING' and next_attempt_at"
            + " <= ?4) or (status = 'SENDING' and lease_until < ?4))"
            + IN_LINE.formatted("outbox_message", "outbox_message");

    @PersistenceContext(unitName = "bookings")
    EntityManager em;

    /** Up to {@code limit} messages of these kinds that are due now, oldest due first. */
    public List<Long> due(OffsetDateTime now, Collection<String> kinds, int limit) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        String in = kinds.stream().map(kind -> {
            if (!KIND.matcher(kind).matches()) {
                throw new IllegalArgumentException("Not a message kind: " + kind);
            }
            return "'" + kind + "'";
        }).collect(Collectors.joining(", "));
        List<?> rows = em.createNativeQuery(DUE.formatted(in)).setParameter(1, now).setMaxResults(limit).getResultList();
        return rows.stream().map(row -> ((Number) row).longValue()).toList();
    }

    /**
     * Claims the message for {@code node} if it is still due and its courier is among {@code couriers}, and has the
     * courier prepare it; empty if someone else has it, or if the courier decided not to send it.
     */
    public Optional<Claimed<?>> claim(long pk, String node, OffsetDateTime now, Map<String, Courier<?>> couriers) {
        Object kind = em.createNativeQuery("select kind from outbox_message where pk = ?1").setParameter(1, pk)
                .getResultStream().findFirst().orElse(null);
        Courier<?> courier = kind == null ? null : couriers.get(kind.toString());
        if (courier == null) {
            return Optional.empty();
        }
        int claimed = em.createNativeQuery(CLAIM).setParameter(1, node).setParameter(2, now.plus(courier.lease()))
                .setParameter(3, pk).setParameter(4, now).executeUpdate();
        if (claimed != 1) {
            return Optional.empty();
        }
        return prepare(courier, em.find(OutboxMessage.class, pk), node, now);
    }

    private static <P> Optional<Claimed<?>> prepare(Courier<P> courier, OutboxMessage message, String node,
            OffsetDateTime now) {
        return courier.prepare(message, node, now).map(parcel -> new Claimed<>(courier, parcel, courier.describe(message)));
    }

    /** Delivered, if {@code node} still holds the claim. */
    public void sent(long pk, String node, OffsetDateTime now, Courier<?> courier) {
        OutboxMessage message = em.find(OutboxMessage.class, pk);
        if (message != null && message.sent(node, now)) {
            courier.delivered(message, now);
        }
    }

    /**
     * Records a failed attempt: retried when the courier says, FAILED for good when it says never. A message that
     * would wait for a retry while a newer one with its order key exists is superseded instead: the newer one says
     * more, and it must not wait behind the older.
     */
    public DeliveryStatus failed(long pk, String node, Undeliverable failure, OffsetDateTime now, Courier<?> courier) {
        OutboxMessage message = em.find(OutboxMessage.class, pk);
        if (message == null) {
            return DeliveryStatus.FAILED;
        }
        OffsetDateTime next = courier.retryAt(message, failure, now);
        message.attemptFailed(node, failure.getMessage(), next);
        if (message.status() == DeliveryStatus.PENDING && message.orderKey() != null && newerExists(message)) {
            message.supersede();
        }
        return message.status();
    }

    private boolean newerExists(OutboxMessage message) {
        return !em.createNativeQuery("select 1 from outbox_message where order_key = ?1 and pk > ?2")
                .setParameter(1, message.orderKey()).setParameter(2, message.pk()).setMaxResults(1).getResultList()
                .isEmpty();
    }

    /** How many messages of each kind are in each state: kind → status → count, every status present. */
    public Map<String, Map<DeliveryStatus, Long>> counts(Collection<String> kinds) {
        Map<String, Map<DeliveryStatus, Long>> counts = new TreeMap<>();
        for (String kind : kinds) {
            Map<DeliveryStatus, Long> byStatus = new java.util.EnumMap<>(DeliveryStatus.class);
            for (DeliveryStatus status : DeliveryStatus.values()) {
                byStatus.put(status, 0L);
            }
            counts.put(kind, byStatus);
        }
        List<?> rows = em.createNativeQuery("select kind, status, count(*) from outbox_message group by kind, status")
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            Map<DeliveryStatus, Long> byStatus = counts.get(columns[0].toString());
            if (byStatus != null) {
                byStatus.put(DeliveryStatus.valueOf(columns[1].toString()), ((Number) columns[2]).longValue());
            }
        }
        return counts;
    }
}
