package dev.bookings.outbox.boundary;

import dev.bookings.outbox.control.Courier;
import dev.bookings.outbox.control.OutboxLedger;
import dev.bookings.outbox.entity.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox for operators, at {@code /health/ready}: for each kind of message ({@code mail}, {@code webhook}) the
 * count in each state and whether it can go out now. Nothing more: health is open to anyone who can reach it, so
 * which messages failed and why (errors may quote addresses) is only in the log, where each failure is written.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    @Inject
    OutboxLedger ledger;

    @Inject
    @Any
    Instance<Courier<?>> couriers;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox").up();
        List<String> kinds = new ArrayList<>();
        couriers.forEach(courier -> {
            kinds.add(courier.kind());
            response.withData(courier.kind().toLowerCase(Locale.ROOT) + ".ready", courier.ready());
        });
        Map<String, Map<DeliveryStatus, Long>> counts;
        try {
            counts = ledger.counts(kinds);
        } catch (RuntimeException e) {
            // the database check says why; the outbox cannot be read meanwhile
            return response.down().withData("outbox", "unreadable").build();
        }
        counts.forEach((kind, byStatus) -> byStatus.forEach((status, count) -> response.withData(
                kind.toLowerCase(Locale.ROOT) + "." + status.name().toLowerCase(Locale.ROOT), count)));
        return response.build();
    }
}
