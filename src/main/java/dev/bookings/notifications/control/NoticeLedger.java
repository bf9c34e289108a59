package dev.bookings.notifications.control;

import dev.bookings.notifications.entity.Notice;
import dev.bookings.notifications.entity.NoticeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery's bookkeeping, each step in a short transaction of its own so that no transaction spans an SMTP
 * conversation. A notice is claimed with one conditional update: whoever changes the row owns it until its lease
 * ends; a claimant that dies leaves a lease that expires, and the notice is sent again (same Message-ID).
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class NoticeLedger {

    @PersistenceContext
    EntityManager em;

    public List<Long> due(OffsetDateTime now, int limit) {
        return em.createNamedQuery(Notice.DUE, Long.class).setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /** Claims the notice for {@code node} if it is still due, and renders it; empty if someone else has it. */
    public Optional<OutgoingMail> claim(long pk, String node, OffsetDateTime now, Duration lease) {
        int claimed = em.createNamedQuery(Notice.CLAIM)
                .setParameter("pk", pk).setParameter("node", node).setParameter("now", now)
                .setParameter("until", now.plus(lease)).executeUpdate();
        if (claimed != 1) {
            return Optional.empty();
        }
        return Optional.of(NoticeMessages.render(em.find(Notice.class, pk)));
    }

    public boolean sent(long pk, String node, OffsetDateTime now) {
        return em.find(Notice.class, pk).sent(node, now);
    }

    /** Records a failed attempt: retry after the backoff, or FAILED when attempts are used up or it is permanent. */
    public NoticeStatus failed(long pk, String node, String error, MailSettings settings, boolean permanent, OffsetDateTime now) {
        Notice notice = em.find(Notice.class, pk);
        Duration backoff = permanent ? null : settings.backoff(notice.attempts());
        notice.attemptFailed(node, error, backoff == null ? null : now.plus(backoff));
        return notice.status();
    }

    public Map<NoticeStatus, Long> counts() {
        Map<NoticeStatus, Long> counts = new EnumMap<>(NoticeStatus.class);
        for (NoticeStatus status : NoticeStatus.values()) {
            counts.put(status, 0L);
        }
        for (Object[] row : em.createNamedQuery(Notice.COUNT_BY_STATUS, Object[].class).getResultList()) {
            counts.put((NoticeStatus) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
