package dev.bookings.idempotency.boundary;

import dev.bookings.errors.DuplicateKey;
import dev.bookings.idempotency.control.RequestKey;
import dev.bookings.idempotency.control.StoredAnswer;
import dev.bookings.idempotency.entity.IdempotentRequest;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The records of keyed write requests: claimed and answered in the request's transaction, read, purged. */
@Stateless
public class IdempotentRequests {

    @PersistenceContext(unitName = "bookings")
    EntityManager em;

    @Resource
    SessionContext context;

    /** What {@link #store} found. */
    public enum Claim {
        /** The record is this transaction's. */
        STORED,
        /** A committed record has the key; this transaction can only roll back. */
        TAKEN,
        /** Another transaction holds the key and did not end within the database's lock timeout. */
        BUSY
    }

    /**
     * Inserts the record of a request with its answer, in the request's transaction, just before it commits. A
     * committed record of the key makes this fail on the unique key; one that another transaction holds uncommitted
     * makes it wait for that transaction (at most the database's lock timeout). Neither is a failure of the service:
     * no exception, nothing logged; the caller rolls its transaction back.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Claim store(RequestKey key, StoredAnswer answer, OffsetDateTime now, OffsetDateTime expiresAt) {
        IdempotentRequest record = new IdempotentRequest(key.id(), key.tenantId(), key.fingerprint(), now, expiresAt);
        record.answered(answer.status(), answer.headersJson(), answer.body());
        try {
            em.persist(record);
            em.flush();
            return Claim.STORED;
        } catch (PersistenceException e) {
            Claim claim = DuplicateKey.causes(e) ? Claim.TAKEN : lockTimedOut(e) ? Claim.BUSY : null;
            if (claim == null) {
                throw e;
            }
            context.setRollbackOnly();
            return claim;
        }
    }

    /** A lock wait that ran out of time: PostgreSQL's {@code lock_timeout} (55P03), H2's lock timeout (50200). */
    private static boolean lockTimedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && ("55P03".equals(sql.getSQLState()) || sql.getErrorCode() == 50200)) {
                return true;
            }
        }
        return false;
    }

    /** The committed record of a key, detached (a later insert of the key in this transaction is a new row). */
    public Optional<IdempotentRequest> find(String id) {
        IdempotentRequest record = em.find(IdempotentRequest.class, id);
        if (record != null) {
            em.detach(record);
        }
        return Optional.ofNullable(record);
    }

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
        IdempotentRequest record = new IdempotentRequest(key.id(), key.tenantId(), key.fingerprint(), now, expiresAt);
        record.answered(answer.status(), answer.headersJson(), answer.body());
        try {
            em.persist(record);
            em.flush();
        } catch (PersistenceException e) {
            if (!DuplicateKey.causes(e)) {
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
