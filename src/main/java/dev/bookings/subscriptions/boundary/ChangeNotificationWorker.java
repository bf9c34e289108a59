package dev.bookings.subscriptions.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Starts change notification delivery with the application and runs a round every {@code bookings.subscriptions.poll-seconds}. */
@Singleton
@Startup
@DependsOn("Database")
public class ChangeNotificationWorker {

    @Inject
    ChangeNotificationDelivery delivery;

    @Inject
    @ConfigProperty(name = "bookings.subscriptions.poll-seconds")
    int pollSeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> timer;

    @PostConstruct
    void start() {
        timer = scheduler.scheduleWithFixedDelay(delivery::deliverDue, 1, Math.max(1, pollSeconds), TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
