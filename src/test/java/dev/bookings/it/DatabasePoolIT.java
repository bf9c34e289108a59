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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pool is bounded on purpose: exactly {@code bookings.db.pool.max-size} connections can be held at once; one more
 * waits {@code bookings.db.pool.acquire-timeout-ms} and fails, then is served again. The suite sets both keys to
 * values other than their defaults (the pom's {@code it.payara.cmdOptions}), so this shows them read from
 * MicroProfile Config. Many threads taking connections at once get no more than that either: the size must bound
 * every path that opens a connection, not only a lone taker's (setting the pool's field alone let racing takers
 * pass it).
 */
@ExtendWith(ArquillianExtension.class)
class DatabasePoolIT {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Test
    void thePoolHoldsAsManyConnectionsAsConfiguredAndNoMore() throws Exception {
        int maxSize = ConfigProvider.getConfig().getValue("bookings.db.pool.max-size", Integer.class);
        assertEquals(12, maxSize, "the suite's size, not the default (16)");
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

    @Test
    void takersRacingForConnectionsGetNoMoreThanTheConfiguredSize() throws Exception {
        int maxSize = ConfigProvider.getConfig().getValue("bookings.db.pool.max-size", Integer.class);
        int takers = 4 * maxSize;
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch allTried = new CountDownLatch(takers);
        ExecutorService pool = Executors.newFixedThreadPool(takers);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < takers; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    Connection connection = null;
                    try {
                        connection = dataSource.getConnection();
                    } catch (SQLException refused) {
                        // waited the acquisition timeout: the pool was full
                    } finally {
                        allTried.countDown();
                    }
                    if (connection == null) {
                        return false;
                    }
                    try (Connection held = connection) {
                        allTried.await(); // hold it until every taker has had its answer
                        return true;
                    }
                }));
            }
            start.countDown();
            int got = 0;
            for (Future<Boolean> outcome : outcomes) {
                got += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            int held = got;
            assertTrue(held <= maxSize, () -> held + " connections held at once by " + takers + " racing takers");
            // the background workers take the pool's connections too, now and then one at the very moment the
            // takers give up: at most two short
            assertTrue(held >= maxSize - 2, () -> "only " + held + " of " + maxSize + " connections were taken");
        } finally {
            pool.shutdownNow();
        }
    }
}
