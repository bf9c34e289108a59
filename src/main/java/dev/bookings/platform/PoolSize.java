package dev.bookings.platform;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import javax.sql.DataSource;

/**
 * Sets the size of the application's connection pool from MicroProfile Config ({@code bookings.db.pool.max-size}),
 * which Payara cannot do by itself: it reads an application-defined pool's size only from
 * {@code @DataSourceDefinition}'s int attribute ({@code web.xml}'s {@code <data-source>} is schema-validated before
 * {@code ${MPCONFIG=…}} is expanded, and a {@code glassfish-resources.xml} pool's attributes are not expanded at all).
 * So the annotation declares a ceiling ({@link Database#POOL_CEILING}) and at start, before any request, the pool is
 * given the configured maximum the way Payara's own dynamic reconfiguration ({@code ConnectionPool.reconfigurePool},
 * what {@code asadmin set …max-pool-size} runs) does it, in its two places:
 * <ol>
 * <li>{@code ResourcePool.setMaxPoolSize}: the pool's own field, which decides whether a request that finds no free
 * connection may open one or must wait (and closes free connections above the new size);</li>
 * <li>{@code DataStructure.setMaxSize} on the pool's {@code ds}: the atomic capacity that every path opening a
 * connection must take a unit of. Setting only the first let two threads that both saw room open a
 * connection each, and the pool went past its size under concurrent load.</li>
 * </ol>
 * Those are Payara's connector classes, reached by reflection because Payara publishes no artifact to compile them
 * against. Should a Payara release change them, the deployment fails with a clear message rather than run with the
 * ceiling (both limits are read back after they are set). {@code DatabasePoolIT} runs the suite with a size other
 * than the default, also with 48 threads taking connections at once (which passed the size when only the pool's
 * field was set).
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
            Object connectionFactory = field(dataSource.getClass(), "mcf").get(dataSource);
            Object poolInfo = method(connectionFactory.getClass(), "getPoolInfo").invoke(connectionFactory);
            Class<?> runtimeClass = Class.forName("com.sun.enterprise.connectors.ConnectorRuntime", true,
                    dataSource.getClass().getClassLoader());
            Object runtime = runtimeClass.getMethod("getRuntime").invoke(null);
            Object poolManager = runtimeClass.getMethod("getPoolManager").invoke(runtime);
            Object pool = poolManager.getClass().getMethod("getPool", poolInfo.getClass()).invoke(poolManager, poolInfo);
            if (pool == null) {
                throw new IllegalStateException("no pool for " + poolInfo);
            }
            Object resources = field(pool.getClass(), "ds").get(pool);
            // under the pool's lock, as reconfigurePool (a synchronized method) holds it: the pool's field (which
            // also closes free connections above the new size), then its data structure's capacity
            synchronized (pool) {
                pool.getClass().getMethod("setMaxPoolSize", int.class).invoke(pool, maxSize);
                method(resources.getClass(), "setMaxSize", int.class).invoke(resources, maxSize);
            }
            // read both limits back: the capacity is the one that holds against racing takers
            int field = (int) pool.getClass().getMethod("getMaxPoolSize").invoke(pool);
            int capacity = field(resources.getClass(), "maxSize").getInt(resources);
            if (field != maxSize || capacity != maxSize) {
                throw new IllegalStateException("the pool kept " + field + " and its data structure " + capacity
                        + " connections as their maximum");
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

    private static Method method(Class<?> type, String name, Class<?>... parameters) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod(name, parameters);
                m.setAccessible(true);
                return m;
            } catch (NoSuchMethodException notHere) {
                // look in the superclass
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name);
    }
}
