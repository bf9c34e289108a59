package dev.bookings.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * A write request runs in one transaction, begun before its resource is called and committed after its answer is
 * made (idempotency's {@code WriteRequestFilter}), so every use case it calls joins that transaction. This
 * interceptor, bound to every use case ({@link WritesThrough}), writes the use case's changes to the database when it
 * returns something, as its own commit would: what the resource answers from it (an ETag, a version) is what the
 * database holds, and a refused change (a unique key, a stale version) fails inside the use case. A use case that
 * returns nothing is written by the commit ({@code WriteRequestFilter} maps a failed commit as the exception mappers
 * would). Outside such a request it does nothing.
 */
@Interceptor
@WritesThrough
@Priority(Interceptor.Priority.LIBRARY_AFTER)
public class OneTransaction implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The key under which the request's transaction is marked in the transaction synchronisation registry. */
    public static final String MARK = OneTransaction.class.getName();

    @PersistenceContext(unitName = "bookings")
    transient EntityManager em;

    @Resource
    transient TransactionSynchronizationRegistry registry;

    /** Marks the current transaction as a write request's: use cases flush their changes when they return. */
    public static void mark(TransactionSynchronizationRegistry registry) {
        registry.putResource(MARK, Boolean.TRUE);
    }

    @AroundInvoke
    public Object flushOnReturn(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        // only a use case that returns something can have its answer built from what it changed (a version, an
        // ETag); one that returns nothing (cancel, a PATCH answered 204) is flushed by the commit, whose failures
        // the request's filter maps the same way, and a flush here would compute its changes twice
        if (result != null && registry.getTransactionKey() != null && registry.getResource(MARK) != null
                && !registry.getRollbackOnly() && em.isJoinedToTransaction()) {
            em.flush();
        }
        return result;
    }
}
