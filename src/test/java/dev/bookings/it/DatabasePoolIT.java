package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.platform.Database;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pool is bounded on purpose: exactly {@link Database#MAX_POOL_SIZE} connections can be held at once; one more
 * waits {@code bookings.db.pool.acquire-timeout-ms} (MicroProfile Config) and fails, then is served again.
 */
@ExtendWith(ArquillianExtension.class)
class DatabasePoolIT {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Test
    void thePoolHoldsAsManyConnectionsAsConfiguredAndNoMore() throws Exception {
        int maxSize = Database.MAX_POOL_SIZE;
        long acquireTimeoutMs = ConfigProvider.getConfig().getValue("bookings.db.pool.acquire-timeout-ms", Long.class);
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < maxSize; i++) {
                held.add(dataSource.getConnection());
            }
            assertEquals(maxSize, held.size());
            long start = System.nanoTime();
            assertThrows(SQLException.class, () -> dataSource.getConnection().close(), "one connection beyond the pool");
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waitedMs >= acquireTimeoutMs - 100, () -> "waited " + waitedMs + " ms for a connection");
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        try (Connection again = dataSource.getConnection()) {
            assertTrue(again.isValid(2), "the connections went back to the pool");
        }
    }
}
