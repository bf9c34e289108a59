package dev.bookings.notifications.boundary;

import dev.bookings.notifications.control.MailSettings;
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
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts notice delivery with the application (after the schema is migrated) and runs a round every
 * {@code bookings.notices.poll-seconds}. Says at start whether SMTP is configured: without it notices wait.
 */
@Singleton
@Startup
@DependsOn("Database")
public class NoticeWorker {

    private static final Logger LOG = Logger.getLogger(NoticeWorker.class.getName());

    @Inject
    NoticeDelivery delivery;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "bookings.notices.poll-seconds", defaultValue = "10")
    int pollSeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> timer;

    @PostConstruct
    void start() {
        MailSettings settings = MailSettings.of(config);
        if (settings.configured()) {
            LOG.info(() -> "Cancellation notices are sent through " + settings + ".");
        } else {
            LOG.warning("No SMTP server is configured (bookings.mail.smtp.host): cancellation notices are recorded and"
                    + " stay pending until one is; nothing is dropped.");
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
