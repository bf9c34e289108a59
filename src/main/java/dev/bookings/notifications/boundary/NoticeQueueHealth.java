package dev.bookings.notifications.boundary;

import dev.bookings.notifications.control.MailSettings;
import dev.bookings.notifications.control.NoticeLedger;
import dev.bookings.notifications.entity.NoticeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The notice queue for operators, at {@code /health/ready}: counts by state and whether SMTP is configured. Nothing
 * more: health is open to anyone who can reach it, so which notices failed and why (errors quote addresses) is only
 * in the log, where each failure is written when it happens.
 */
@Readiness
@ApplicationScoped
public class NoticeQueueHealth implements HealthCheck {

    @Inject
    NoticeLedger ledger;

    @Inject
    Config config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("cancellation-notices").up();
        Map<NoticeStatus, Long> counts;
        try {
            counts = ledger.counts();
        } catch (RuntimeException e) {
            // the database check says why; the queue cannot be read meanwhile
            return response.down().withData("queue", "unreadable").build();
        }
        counts.forEach((status, count) -> response.withData(status.name().toLowerCase(Locale.ROOT), count));
        response.withData("smtpConfigured", MailSettings.of(config).configured());
        return response.build();
    }
}
