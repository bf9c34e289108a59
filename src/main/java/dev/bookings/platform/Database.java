package dev.bookings.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The application's own data source (never Payara's {@code jdbc/__default}, which is wiped at every boot),
 * configured through MicroProfile Config: H2 in {@code ./data} by default, PostgreSQL by setting
 * {@code bookings.db.*}. At start the schema is brought up to date by Flyway's versioned migrations in
 * {@code db/migration}; JPA never generates DDL. A failed migration fails the deployment.
 * <p>
 * The pool's limits are chosen on purpose and all come from MicroProfile Config (README, "Database pool and
 * timeouts"): at most {@code bookings.db.pool.max-size} connections per instance; no request waits longer than
 * {@code bookings.db.pool.acquire-timeout-ms} for one; on PostgreSQL no statement (row-lock waits included) runs
 * longer than {@code bookings.db.statement-timeout-seconds}, a lock wait gives up after
 * {@code bookings.db.lock-timeout-ms} and a dead socket after {@code bookings.db.socket-timeout-seconds} (H2, the
 * embedded default, takes its own {@code LOCK_TIMEOUT} from the URL). The pool ({@link PooledDataSource}) checks a
 * connection ({@code Connection.isValid}) before handing it out when it has been idle, so the service recovers by
 * itself after a database outage.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "dev.bookings.platform.PooledDataSource",
        // Payara's own pool is off (below); these only keep its bounds check quiet
        minPoolSize = 0,
        maxPoolSize = 10_000,
        properties = {
                // Payara runs the data source unpooled (still enlisting each connection in the JTA transaction);
                // PooledDataSource pools underneath, every limit from MicroProfile Config
                "fish.payara.pooling=false",
                "maximumPoolSize=${MPCONFIG=bookings.db.pool.max-size}",
                "minimumIdle=${MPCONFIG=bookings.db.pool.min-idle}",
                "connectionTimeout=${MPCONFIG=bookings.db.pool.acquire-timeout-ms}",
                // the driver's data source (a property the driver has no setter for is left out)
                "driverClass=${MPCONFIG=bookings.db.datasource-class}",
                "url=${MPCONFIG=bookings.db.url}",
                "databaseUser=${MPCONFIG=bookings.db.user}",
                "databasePassword=${MPCONFIG=bookings.db.password}",
                "connectTimeoutSeconds=${MPCONFIG=bookings.db.connect-timeout-seconds}",
                "socketTimeoutSeconds=${MPCONFIG=bookings.db.socket-timeout-seconds}",
                // PostgreSQL enforces the statement and lock timeouts itself, with no client-side timer per statement
                "options=-c statement_timeout=${MPCONFIG=bookings.db.statement-timeout-seconds}s"
                        + " -c lock_timeout=${MPCONFIG=bookings.db.lock-timeout-ms}ms",
                "applicationName=bookings"})
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/bookings";
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    @PreDestroy
    void closePool() {
        PooledDataSource.closeAll();
    }
}
