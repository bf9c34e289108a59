package dev.bookings.idempotency.boundary;

import dev.bookings.errors.DatabaseUnavailable;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Purges the records of keyed write requests every {@code bookings.idempotency.purge-seconds}: first those past
 * their retention, then, for a tenant holding more than {@code bookings.idempotency.max-per-tenant}, its oldest
 * beyond that bound. Each statement deletes at most {@code bookings.idempotency.purge-batch} records, in a
 * transaction of its own, and a round stops after {@value #MAX_BATCHES} of them, so a purge never holds many rows
 * or a long transaction. Several instances may purge at once: they delete the same rows at most once.
 */
@Singleton
@Startup
@DependsOn("Database")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class.getName());
    static final int MAX_BATCHES = 100;

    @Inject
    IdempotentRequests records;

    @Inject
    @ConfigProperty(name = "bookings.idempotency.purge-seconds")
    int purgeSeconds;

    @Inject
    @ConfigProperty(name = "bookings.idempotency.purge-batch")
    int batch;

    @Inject
    @ConfigProperty(name = "bookings.idempotency.max-per-tenant")
    long maxPerTenant;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> timer;

    @PostConstruct
    void start() {
        timer = scheduler.scheduleWithFixedDelay(this::purge, Math.max(1, purgeSeconds), Math.max(1, purgeSeconds),
                TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    void purge() {
        try {
            int size = Math.max(1, batch);
            int batches = 0;
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            while (batches++ < MAX_BATCHES && records.purgeExpired(now, size) == size) {
                // another full batch may be waiting
            }
            for (String tenant : records.tenantsOver(maxPerTenant)) {
                while (batches++ < MAX_BATCHES && records.trim(tenant, maxPerTenant, size) > 0) {
                    // the tenant's oldest beyond its bound, a batch at a time
                }
            }
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.causes(e)) {
                LOG.warning("Purging idempotency records failed: the database is unavailable; the next round retries");
            } else {
                LOG.log(Level.WARNING, "Purging idempotency records failed; the next round retries", e);
            }
        }
    }
}
