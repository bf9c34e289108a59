package dev.bookings.idempotency.control;

import dev.bookings.errors.DuplicateKey;
import dev.bookings.idempotency.entity.IdempotentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The records of keyed write requests as a write request's own transaction reads and writes them: plain calls on
 * the transaction's {@code EntityManager}, no EJB between (two of them per keyed write cost a tenth of a create's
 * CPU; src/site/markdown/benchmark.md). The rest (records outside a request's transaction, the purge) is
 * {@code IdempotentRequests}'.
 */
@ApplicationScoped
public class IdempotentRequestStore {

    /** What {@link #store} found. */
    public enum Claim {
        /** The record is this transaction's. */
        STORED,
        /** A committed record has the key; this transaction can only roll back. */
        TAKEN,
        /** Another transaction holds the key and did not end in time (or, on H2, at all yet). */
        BUSY
    }

    @PersistenceContext(unitName = "bookings")
    EntityManager em;

    /** The committed record of a key, detached (a later insert of the key in this transaction is a new row). */
    public Optional<IdempotentRequest> find(String id) {
        IdempotentRequest record = em.find(IdempotentRequest.class, id);
        if (record != null && em.isJoinedToTransaction()) {
            em.detach(record);
        }
        return Optional.ofNullable(record);
    }

    /**
     * Inserts the record of a request with its answer, in the request's transaction, just before it commits. A
     * committed record of the key makes this fail on the unique key; one that another transaction holds uncommitted
     * makes it wait for that transaction (at most the database's lock timeout; H2 does not wait). Neither is a
     * failure of the service: no exception, nothing logged; the caller rolls its transaction back.
     */
    public Claim store(RequestKey key, StoredAnswer answer, OffsetDateTime now, OffsetDateTime expiresAt) {
        IdempotentRequest record = new IdempotentRequest(key.id(), key.tenantId(), key.fingerprint(), now, expiresAt);
        record.answered(answer.status(), answer.headersJson(), answer.body());
        try {
            em.persist(record);
            em.flush();
            return Claim.STORED;
        } catch (PersistenceException e) {
            if (DuplicateKey.causes(e)) {
                return Claim.TAKEN;
            }
            if (lockTimedOut(e) || DuplicateKey.pending(e)) {
                return Claim.BUSY;
            }
            throw e;
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
}
