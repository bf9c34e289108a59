package dev.bookings.errors;

import java.sql.SQLException;

/** Recognises a unique key refusing a second row with the same key (SQLSTATE 23505, on H2 and PostgreSQL alike). */
public final class DuplicateKey {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final int H2_CONCURRENT_UPDATE = 90131;

    private DuplicateKey() {
    }

    /**
     * Whether {@code failure}, or one of its causes, is H2's refusal of a key that another transaction holds
     * uncommitted: H2 does not wait for that transaction as PostgreSQL does, it answers "concurrent update" (90131)
     * at once. The key may become taken or free, depending on how the other transaction ends.
     */
    public static boolean pending(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_CONCURRENT_UPDATE) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code failure}, or one of its causes, is a unique key's refusal. */
    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
