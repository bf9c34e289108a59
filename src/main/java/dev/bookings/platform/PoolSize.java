package dev.bookings.platform;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import javax.sql.DataSource;

/**
 * Sets the size of the application's connection pool from MicroProfile Config ({@code bookings.db.pool.max-size}),
 * which Payara cannot do by itself: it reads an application-defined pool's size only from
 * {@code @DataSourceDefinition}'s int attribute ({@code web.xml}'s {@code <data-source>} is schema-validated before
 * {@code ${MPCONFIG=…}} is expanded, and a {@code glassfish-resources.xml} pool's attributes are not expanded at all).
 * So the annotation declares a ceiling ({@link Database#POOL_CEILING}), which sizes the pool's internal table, and at
 * start, before any request, the pool is told the configured maximum through {@code ResourcePool.setMaxPoolSize},
 * the call Payara's own pool reconfiguration makes: the pool then never grows past it.
 * <p>
 * Those are Payara's connector classes, reached by reflection because Payara publishes no artifact to compile them
 * against. Should a Payara release change them, the deployment fails with a clear message rather than run with the
 * ceiling; {@code DatabasePoolIT} runs the suite with a size other than the default and would catch it too.
 */
final class PoolSize {

    private PoolSize() {
    }

    /**
     * Limits the pool behind {@code dataSource} to {@code maxSize} connections.
     *
     * @throws IllegalStateException if {@code maxSize} is outside [{@code minSize}, {@code ceiling}] or the pool
     *         cannot be reached
     */
    static void apply(DataSource dataSource, int maxSize, int minSize, int ceiling) {
        if (maxSize < minSize || maxSize > ceiling) {
            throw new IllegalStateException("bookings.db.pool.max-size is " + maxSize + "; it must be between "
                    + minSize + " and " + ceiling);
        }
        try {
            Field factoryField = field(dataSource.getClass(), "mcf");
            Object connectionFactory = factoryField.get(dataSource);
            Object poolInfo = method(connectionFactory.getClass(), "getPoolInfo").invoke(connectionFactory);
            Class<?> runtimeClass = Class.forName("com.sun.enterprise.connectors.ConnectorRuntime", true,
                    dataSource.getClass().getClassLoader());
            Object runtime = runtimeClass.getMethod("getRuntime").invoke(null);
            Object poolManager = runtimeClass.getMethod("getPoolManager").invoke(runtime);
            Object pool = poolManager.getClass().getMethod("getPool", poolInfo.getClass()).invoke(poolManager, poolInfo);
            if (pool == null) {
                throw new IllegalStateException("no pool for " + poolInfo);
            }
            pool.getClass().getMethod("setMaxPoolSize", int.class).invoke(pool, maxSize);
            int now = (int) pool.getClass().getMethod("getMaxPoolSize").invoke(pool);
            if (now != maxSize) {
                throw new IllegalStateException("the pool kept " + now + " connections as its maximum");
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Could not set the database pool's size to bookings.db.pool.max-size="
                    + maxSize + " (Payara's connector classes are not as expected: " + e + ")", e);
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    f.setAccessible(true);
                    return f;
                }
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == 0) {
                    m.setAccessible(true);
                    return m;
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name + "()");
    }
}
