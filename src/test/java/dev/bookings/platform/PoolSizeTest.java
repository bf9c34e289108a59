package dev.bookings.platform;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.sql.Connection;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The pool's size is refused outside its bounds, and a data source that is not Payara's stops the start. */
class PoolSizeTest {

    @Test
    void aSizeBelowTheIdleConnectionsOrAboveTheCeilingIsRefused() {
        IllegalStateException low = assertThrows(IllegalStateException.class,
                () -> PoolSize.apply(new NotPayaras(), 1, 2, 100));
        assertTrue(low.getMessage().contains("bookings.db.pool.max-size is 1"), low.getMessage());
        assertThrows(IllegalStateException.class, () -> PoolSize.apply(new NotPayaras(), 101, 2, 100));
    }

    @Test
    void aPoolThatCannotBeReachedStopsTheStartInsteadOfRunningWithTheCeiling() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PoolSize.apply(new NotPayaras(), 16, 2, 100));
        assertTrue(e.getMessage().contains("bookings.db.pool.max-size=16"), e.getMessage());
    }

    /** A data source with none of Payara's connector internals. */
    private static final class NotPayaras implements DataSource {
        @Override
        public Connection getConnection() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Connection getConnection(String username, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
