package dev.bookings.platform;

import dev.bookings.errors.DuplicateKey;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

/**
 * Database row locks by name, held until the caller's transaction ends, on every instance alike: for work that a
 * unique key alone would turn into a failed transaction (two creates racing for the same derived id), where the
 * transaction must not fail because it also carries other rows (the request's idempotency record).
 */
@Stateless
public class NamedLocks {

    @PersistenceContext(unitName = "bookings")
    EntityManager em;

    @Resource
    SessionContext context;

    /** Tries to find a lock's row that a concurrent first use is still creating. */
    static final int ATTEMPTS = 100;

    /** Waits (at most the database's lock timeout) until this transaction holds the lock named {@code name}. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void lock(String name) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (em.find(NamedLock.class, name, LockModeType.PESSIMISTIC_WRITE) != null) {
                return;
            }
            if (attempt > 0) {
                Thread.onSpinWait(); // another transaction creates the row and commits it in a moment
                Thread.yield();
            }
            context.getBusinessObject(NamedLocks.class).create(name);
        }
        throw new IllegalStateException("the row of lock " + name + " could not be created");
    }

    /**
     * Creates the lock's row, once: a concurrent creation of the same name is as good as this one (a unique key's
     * refusal; on H2 also "concurrent update", 90131, while the other has not committed yet).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void create(String name) {
        try {
            em.persist(new NamedLock(name));
            em.flush();
        } catch (PersistenceException e) {
            if (!DuplicateKey.causes(e) && !DuplicateKey.pending(e)) {
                throw e;
            }
            context.setRollbackOnly();
        }
    }

}
