package dev.bookings.errors;

import java.sql.SQLException;
import java.util.Set;

/**
 * Recognises failures that mean "the database cannot serve this now" rather than a fault of ours or of the request:
 * no connection could be had (refused, lost, pool exhausted within its acquisition timeout), the server is shutting
 * down or starting, or a statement or lock wait ran out of time. The transaction has rolled back; the client may
 * retry after a while, so the answer is 503 {@code serviceNotAvailable} with {@code Retry-After}, never 500.
 */
public final class DatabaseUnavailable {

    /** SQLSTATE classes and codes (SQL standard, PostgreSQL and H2) that say the database is out of reach or busy. */
    private static final Set<String> CLASSES = Set.of("08", "53");
    private static final Set<String> CODES = Set.of("57P01", "57P02", "57P03", "57014", "55P03");

    private DatabaseUnavailable() {
    }

    /** True if {@code failure}, or a cause of it, says the database is unreachable, overloaded or timed out. */
    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof jakarta.resource.ResourceException) {
                return true; // the container's pool could not allocate a connection
            }
            if (cause instanceof SQLException sql && unavailable(sql)) {
                return true;
            }
            if (cause instanceof jakarta.transaction.SystemException
                    || cause instanceof jakarta.transaction.HeuristicMixedException
                    || cause instanceof jakarta.transaction.HeuristicRollbackException) {
                return true; // the commit could not reach the database
            }
        }
        return false;
    }

    private static boolean unavailable(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // Payara's pool reports allocation failures as a bare SQLException ("Error in allocating a connection")
            return sql.getMessage() != null && sql.getMessage().startsWith("Error in allocating a connection");
        }
        return CODES.contains(state) || (state.length() >= 2 && CLASSES.contains(state.substring(0, 2)))
                || state.startsWith("HYT"); // H2: lock or statement timeout
    }
}
