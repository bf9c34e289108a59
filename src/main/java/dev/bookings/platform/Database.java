package dev.bookings.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The application's own data source (never Payara's {@code jdbc/__default}, which is wiped at every boot),
 * configured through MicroProfile Config: H2 in {@code ./data} by default, PostgreSQL by setting
 * {@code bookings.db.*}. At start the schema is brought up to date by Flyway's versioned migrations in
 * {@code db/migration}; JPA never generates DDL. A failed migration fails the deployment.
 * <p>
 * The pool's limits are chosen on purpose (src/site/markdown/operating.md, "Database pool and timeouts"): no request waits longer than
 * {@code bookings.db.pool.acquire-timeout-ms} for a connection; on PostgreSQL no statement (row-lock waits included)
 * runs longer than {@code bookings.db.statement-timeout-seconds}, a lock wait gives up after
 * {@code bookings.db.lock-timeout-ms} and a dead socket after {@code bookings.db.socket-timeout-seconds} (H2, the
 * embedded default, takes its own {@code LOCK_TIMEOUT} from the URL). A connection is checked
 * ({@code Connection.isValid}) before use at most every five seconds, and one failed check discards the whole pool,
 * so the service recovers by itself after a database outage. The pool holds at most {@code bookings.db.pool.max-size}
 * connections per instance (16 by default, which suits 2 cores and several instances on one PostgreSQL, whose default
 * allows 100): Payara reads an annotation's pool size only from its int attribute, so that declares a ceiling and
 * {@link PoolSize} applies the configured size at start, before Flyway or any request takes a connection.
 * <p>
 * Each {@code ${MPCONFIG=key:default}} repeats the WAR's default for its key: Payara first expands these while the
 * deployment starts, before the application's {@code microprofile-config.properties} is visible, and without a
 * default it warned "no value found, no default given" for every key not set by a system property or environment
 * variable (six false warnings at each start). {@code ConfigDefaultsTest} keeps the two copies equal.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "${MPCONFIG=bookings.db.datasource-class:org.h2.jdbcx.JdbcDataSource}",
        url = "${MPCONFIG=bookings.db.url:jdbc:h2:file:./data/bookings}",
        user = "${MPCONFIG=bookings.db.user:bookings}",
        password = "${MPCONFIG=bookings.db.password:bookings}",
        minPoolSize = Database.MIN_POOL_SIZE,
        maxPoolSize = Database.POOL_CEILING,
        properties = {
                // Payara's pool: a connection is checked (Connection.isValid) before use at most every 5 s, and one
                // failed check empties the pool
                "fish.payara.max-wait-time-in-millis=${MPCONFIG=bookings.db.pool.acquire-timeout-ms:5000}",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=5",
                "fish.payara.fail-all-connections=true",
                // no statement cache of the pool's (fish.payara.statement-cache-size): with its type unset, Payara 7
                // looks for a class named "null" (a SEVERE line per new connection, nothing cached); with the type
                // FIXED, it handed out statements already closed (H2 90007)

                // the driver's data source (a property the driver does not know is ignored); PostgreSQL enforces
                // the statement and lock timeouts itself, with no client-side timer per statement
                "loginTimeout=${MPCONFIG=bookings.db.connect-timeout-seconds:5}",
                "connectTimeout=${MPCONFIG=bookings.db.connect-timeout-seconds:5}",
                "socketTimeout=${MPCONFIG=bookings.db.socket-timeout-seconds:60}",
                "options=-c statement_timeout=${MPCONFIG=bookings.db.statement-timeout-seconds:30}s"
                        + " -c lock_timeout=${MPCONFIG=bookings.db.lock-timeout-ms:10000}ms",
                "ApplicationName=bookings"})
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/bookings";
    /** The most connections per instance that {@code bookings.db.pool.max-size} may ask for. */
    static final int POOL_CEILING = 100;
    /** Connections kept open when idle, and the least {@code bookings.db.pool.max-size} may ask for. */
    static final int MIN_POOL_SIZE = 2;
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "bookings.db.pool.max-size")
    int maxPoolSize;

    @PostConstruct
    void start() {
        PoolSize.apply(dataSource, maxPoolSize, MIN_POOL_SIZE, POOL_CEILING);
        LOG.info(() -> "Database pool: at most " + maxPoolSize + " connections");
        migrate();
    }

    private void migrate() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }
}
