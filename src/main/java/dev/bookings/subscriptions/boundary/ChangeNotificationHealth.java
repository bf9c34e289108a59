package dev.bookings.subscriptions.boundary;

import dev.bookings.subscriptions.control.ChangeNotificationLedger;
import dev.bookings.subscriptions.entity.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Change notifications for operators, at {@code /health/ready}: counts by state only (no URLs, no payloads). */
@Readiness
@ApplicationScoped
public class ChangeNotificationHealth implements HealthCheck {

    @Inject
    ChangeNotificationLedger ledger;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("change-notifications").up();
        Map<DeliveryStatus, Long> counts;
        try {
            counts = ledger.counts();
        } catch (RuntimeException e) {
            return response.down().withData("queue", "unreadable").build();
        }
        counts.forEach((status, count) -> response.withData(status.name().toLowerCase(Locale.ROOT), count));
        return response.build();
    }
}
