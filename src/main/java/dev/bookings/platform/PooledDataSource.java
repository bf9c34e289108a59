package dev.bookings.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connection pool behind {@link Database}'s data source, sized and timed by MicroProfile Config.
 * <p>
 * Why not Payara's own pool: Payara takes the size of a pool that an application defines only from
 * {@code @DataSourceDefinition}'s int attributes (it expands {@code ${MPCONFIG=…}} in strings alone, and a
 * {@code web.xml} {@code <data-source>} is schema-validated before any expansion), so an operator could not size it
 * without rebuilding the WAR. Payara therefore runs this data source unpooled ({@code fish.payara.pooling=false}:
 * it still enlists each connection in the JTA transaction and closes it at the end) and HikariCP pools underneath,
 * with every limit a string property that Payara expands and sets through the setters below.
 * <p>
 * The driver's own data source ({@link #setDriverClass}) gets only the properties it has a setter for, as Payara
 * does: H2, the embedded default, has no socket or server-side timeouts; PostgreSQL takes them all.
 */
public class PooledDataSource extends HikariDataSource {

    private static final Set<PooledDataSource> OPEN = ConcurrentHashMap.newKeySet();
    private static final long FIRST_CONNECTION_TIMEOUT_MS = 60_000;

    private final Map<String, String> driverProperties = new LinkedHashMap<>();
    private volatile boolean configured;

    public PooledDataSource() {
        setPoolName("bookings");
        // the first use (the schema migration at deployment) waits up to this long for the first connection, so that a
        // database that is starting, or a busy machine, does not fail the deployment; later, while the database is
        // out of reach, a request waits connectionTimeout and then fails (503)
        setInitializationFailTimeout(FIRST_CONNECTION_TIMEOUT_MS);
        OPEN.add(this);
    }

    /** Closes every pool this application opened (at undeploy: Payara never closes an unpooled data source). */
    static void closeAll() {
        OPEN.forEach(HikariDataSource::close);
        OPEN.clear();
    }

    public void setDriverClass(String className) {
        setDataSourceClassName(className);
    }

    public void setUrl(String url) {
        driverProperties.put("url", url);
    }

    public void setDatabaseUser(String user) {
        driverProperties.put("user", user);
    }

    public void setDatabasePassword(String password) {
        driverProperties.put("password", password);
    }

    public void setConnectTimeoutSeconds(String seconds) {
        driverProperties.put("loginTimeout", seconds);
        driverProperties.put("connectTimeout", seconds);
    }

    public void setSocketTimeoutSeconds(String seconds) {
        driverProperties.put("socketTimeout", seconds);
    }

    /** PostgreSQL's startup options: the server enforces its statement and lock timeouts, no client-side timer. */
    public void setOptions(String options) {
        driverProperties.put("options", options);
    }

    public void setApplicationName(String name) {
        driverProperties.put("applicationName", name);
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!configured) {
            configure();
        }
        return super.getConnection();
    }

    private synchronized void configure() throws SQLException {
        if (configured) {
            return;
        }
        Class<?> driver;
        try {
            driver = Class.forName(getDataSourceClassName(), false, PooledDataSource.class.getClassLoader());
        } catch (ClassNotFoundException | RuntimeException e) {
            throw new SQLException("No JDBC data source class " + getDataSourceClassName(), "08001", e);
        }
        driverProperties.forEach((name, value) -> {
            if (hasSetter(driver, name)) {
                addDataSourceProperty(name, value);
            }
        });
        configured = true;
    }

    private static boolean hasSetter(Class<?> type, String property) {
        String setter = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method method : type.getMethods()) {
            if (method.getName().equals(setter) && method.getParameterCount() == 1) {
                return true;
            }
        }
        return false;
    }
}
