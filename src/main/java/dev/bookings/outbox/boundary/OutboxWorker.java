package dev.bookings.outbox.boundary;

import dev.bookings.outbox.control.Courier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the outbox's delivery with the application (after the schema is migrated) and runs a round every
 * {@code bookings.outbox.poll-seconds}. Says at start where each kind of message goes, or why it waits.
 */
@Singleton
@Startup
@DependsOn("Database")
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());

    @Inject
    OutboxDelivery delivery;

    @Inject
    @Any
    Instance<Courier<?>> couriers;

    @Inject
    @ConfigProperty(name = "bookings.outbox.poll-seconds")
    int pollSeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> timer;

    @PostConstruct
    void start() {
        for (Courier<?> courier : couriers) {
            if (courier.ready()) {
                LOG.info(courier::readiness);
            } else {
                LOG.warning(courier::readiness);
            }
        }
        timer = scheduler.scheduleWithFixedDelay(delivery::deliverDue, 1, Math.max(1, pollSeconds), TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
