package dev.bookings.idempotency.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long answers are kept and how large they may be ({@code bookings.idempotency.*}). */
@ApplicationScoped
public class IdempotencySettings {

    /** The most a stored answer may hold: the size of its column. */
    static final int MAX_ANSWER_BYTES = 262_144;

    @Inject
    @ConfigProperty(name = "bookings.idempotency.retention-hours")
    double retentionHours;

    @Inject
    @ConfigProperty(name = "bookings.idempotency.max-answer-bytes")
    int maxAnswerBytes;

    Duration retention() {
        return Duration.ofMillis(Math.max(1, Math.round(retentionHours * 3_600_000)));
    }

    int maxAnswerBytes() {
        return Math.min(Math.max(0, maxAnswerBytes), MAX_ANSWER_BYTES);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
