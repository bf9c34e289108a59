package dev.bookings.idempotency.boundary;

import dev.bookings.errors.DuplicateKey;
import dev.bookings.idempotency.control.IdempotentRequestStore;
import dev.bookings.idempotency.control.RequestKey;
import dev.bookings.idempotency.control.StoredAnswer;
import dev.bookings.idempotency.entity.IdempotentRequest;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The records of keyed write requests outside a request's own transaction: a refusal's answer stored after its
 * transaction rolled back, a record removed for good, the purge. Inside it, {@code IdempotentRequestStore}.
 */
@Stateless
public class IdempotentRequests {

    @PersistenceContext(unitName = "bookings")
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    IdempotentRequestStore store;

    /** Removes a record for good, in a transaction of its own: the key is free for the request that removes it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void remove(String id) {
        IdempotentRequest record = em.find(IdempotentRequest.class, id);
        if (record != null) {
            em.remove(record);
        }
    }

    /**
     * Keeps the answer of a request whose own transaction changed nothing and rolled back (a refusal such as 404),
     * or that ran none (a {@code $batch}), unless the key has been taken meanwhile.
     */
    public void record(RequestKey key, StoredAnswer answer, OffsetDateTime now, OffsetDateTime expiresAt) {
        if (!key.retry()) {
            store.replace(key, answer, now, expiresAt); // a first try's record replaces an earlier one
            return;
        }
        IdempotentRequest record = new IdempotentRequest(key.id(), key.tenantId(), key.fingerprint(), now, expiresAt);
        record.answered(answer.status(), answer.headersJson(), answer.body());
        try {
            em.persist(record);
            em.flush();
        } catch (PersistenceException e) {
            if (!DuplicateKey.causes(e) && !DuplicateKey.pending(e)) {
                throw e;
            }
            context.setRollbackOnly();
        }
    }

    /** Deletes up to {@code batch} expired records; answers how many. */
    public int purgeExpired(OffsetDateTime now, int batch) {
        List<String> ids = em.createNamedQuery(IdempotentRequest.EXPIRED, String.class).setParameter("now", now)
                .setMaxResults(batch).getResultList();
        return delete(ids);
    }

    /** The tenants that hold more than {@code bound} records. */
    public List<String> tenantsOver(long bound) {
        return em.createNamedQuery(IdempotentRequest.TENANTS_OVER, String.class).setParameter("bound", bound)
                .getResultList();
    }

    /** Deletes up to {@code batch} of the tenant's oldest records beyond its newest {@code bound}; answers how many. */
    public int trim(String tenant, long bound, int batch) {
        long count = em.createNamedQuery(IdempotentRequest.COUNT_OF_TENANT, Long.class).setParameter("tenant", tenant)
                .getSingleResult();
        if (count <= bound) {
            return 0;
        }
        List<String> ids = em.createNamedQuery(IdempotentRequest.OLDEST_OF_TENANT, String.class)
                .setParameter("tenant", tenant).setMaxResults((int) Math.min(count - bound, batch)).getResultList();
        return delete(ids);
    }

    private int delete(List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNamedQuery(IdempotentRequest.DELETE_IDS).setParameter("ids", ids).executeUpdate();
    }
}
