package dev.bookings.idempotency.control;

import dev.bookings.errors.DuplicateKey;
import dev.bookings.idempotency.entity.IdempotentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    /** PostgreSQL's upsert; H2 (every other URL) has {@code MERGE … KEY}. */
    private static final String UPSERT_POSTGRESQL = "insert into idempotent_request (id, tenant_id, fingerprint, status,"
            + " headers_json, body, created_at, expires_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (id) do"
            + " update set tenant_id = excluded.tenant_id, fingerprint = excluded.fingerprint, status = excluded.status,"
            + " headers_json = excluded.headers_json, body = excluded.body, created_at = excluded.created_at,"
            + " expires_at = excluded.expires_at";
    private static final String UPSERT_H2 = "merge into idempotent_request (id, tenant_id, fingerprint, status,"
            + " headers_json, body, created_at, expires_at) key (id) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

    @PersistenceContext(unitName = "bookings")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "bookings.db.url")
    String databaseUrl;

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

    /**
     * Stores the record of a {@code client-request-id}'s first try in one statement, replacing the record of an
     * earlier request with the same id and the same method, path and body (such a reuse is a new request): a first
     * try has no earlier try to be answered from, so it reads nothing first, and its retry finds this record.
     */
    public Claim replace(RequestKey key, StoredAnswer answer, OffsetDateTime now, OffsetDateTime expiresAt) {
        try {
            // the record's table holds no entity of the request's: nothing to flush before it (a flush would
            // compute the transaction's changes once more, and its commit computes them anyway)
            em.createNativeQuery(databaseUrl.startsWith("jdbc:postgresql:") ? UPSERT_POSTGRESQL : UPSERT_H2)
                    .setFlushMode(FlushModeType.COMMIT).setParameter(1, key.id()).setParameter(2, key.tenantId()).setParameter(3, key.fingerprint())
                    .setParameter(4, answer.status()).setParameter(5, answer.headersJson()).setParameter(6, answer.body())
                    .setParameter(7, now).setParameter(8, expiresAt).executeUpdate();
            return Claim.STORED;
        } catch (PersistenceException e) {
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
