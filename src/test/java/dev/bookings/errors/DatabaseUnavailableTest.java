package dev.bookings.errors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.resource.spi.ResourceAllocationException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    static Throwable wrapped(Throwable cause) {
        return new EJBException(new PersistenceException("Exception [EclipseLink-4002]", cause));
    }

    @Test
    void lostRefusedOrTimedOutDatabaseIsUnavailable() {
        assertTrue(DatabaseUnavailable.causes(wrapped(new SQLException("Connection refused", "08001"))));
        assertTrue(DatabaseUnavailable.causes(wrapped(new SQLException("An I/O error occurred", "08006"))));
        assertTrue(DatabaseUnavailable.causes(wrapped(new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(DatabaseUnavailable.causes(wrapped(new SQLException("the database system is starting up", "57P03"))));
        assertTrue(DatabaseUnavailable.causes(wrapped(new SQLException("canceling statement due to statement timeout", "57014"))));
        assertTrue(DatabaseUnavailable.causes(wrapped(new SQLException("canceling statement due to lock timeout", "55P03"))));
        assertTrue(DatabaseUnavailable.causes(wrapped(new SQLException("too many connections", "53300"))));
        assertTrue(DatabaseUnavailable.causes(wrapped(new SQLException("Timeout trying to lock table", "HYT00"))));
    }

    @Test
    void aConnectionLostDuringSelectForUpdateIsUnavailableNotAConflict() {
        Throwable lost = new EJBException(new PessimisticLockException(
                new PersistenceException(new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(DatabaseUnavailable.causes(lost));
    }

    @Test
    void anExhaustedPoolIsUnavailable() {
        assertTrue(DatabaseUnavailable.causes(wrapped(new SQLException("Error in allocating a connection. Cause: In-use"
                + " connections equal max-pool-size and expired max-wait-time."))));
        assertTrue(DatabaseUnavailable.causes(wrapped(new SQLException("Error", null, new ResourceAllocationException("pool")))));
    }

    @Test
    void ourFaultsAndConflictsAreNot() {
        assertFalse(DatabaseUnavailable.causes(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseUnavailable.causes(wrapped(new SQLException("syntax error", "42601"))));
        assertFalse(DatabaseUnavailable.causes(wrapped(new SQLException("General error", "HY000"))));
        assertFalse(DatabaseUnavailable.causes(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertFalse(DatabaseUnavailable.causes(new IllegalStateException("bug")));
        assertFalse(DatabaseUnavailable.causes(new PessimisticLockException("lost the race")));
    }
}
