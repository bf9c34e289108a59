package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.idempotency.boundary.IdempotentRequests;
import dev.bookings.idempotency.control.IdempotentRequestStore;
import dev.bookings.idempotency.control.RequestKey;
import dev.bookings.idempotency.control.StoredAnswer;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The background purge of idempotency records inside Payara: records past their retention go, and a tenant over
 * its bound keeps only its newest. The suite runs with {@code bookings.idempotency.purge-seconds=1} and
 * {@code bookings.idempotency.max-per-tenant=50} (pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
class IdempotencyPurgeIT {

    static final int BOUND = 50;

    @Inject
    IdempotentRequests cut;

    @Inject
    IdempotentRequestStore records;

    private static RequestKey key(String tenant) {
        return new RequestKey(UUID.randomUUID().toString().replace("-", ""), tenant, "f".repeat(64), true, true);
    }

    private static final StoredAnswer ANSWER = new StoredAnswer(201, Map.of("Location", List.of("http://x/1")), "{}");

    @Test
    void expiredRecordsArePurgedAndATenantKeepsOnlyItsNewestBeyondItsBound() throws InterruptedException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        RequestKey expired = key("purge-tenant-a");
        RequestKey fresh = key("purge-tenant-a");
        cut.record(expired, ANSWER, now.minusHours(2), now.minusHours(1));
        cut.record(fresh, ANSWER, now, now.plusHours(1));
        String crowded = "purge-tenant-" + UUID.randomUUID();
        List<RequestKey> many = new ArrayList<>();
        for (int i = 0; i < BOUND + 12; i++) {
            RequestKey key = key(crowded);
            many.add(key);
            cut.record(key, ANSWER, now.minusMinutes(BOUND + 12 - i), now.plusHours(1));
        }

        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline && (records.find(expired.id()).isPresent() || records.find(many.get(11).id()).isPresent())) {
            Thread.sleep(200);
        }

        assertTrue(records.find(expired.id()).isEmpty(), "the expired record is purged");
        assertTrue(records.find(fresh.id()).isPresent(), "a record within its retention stays");
        long kept = many.stream().filter(k -> records.find(k.id()).isPresent()).count();
        assertEquals(BOUND, kept);
        for (int i = 0; i < 12; i++) {
            assertTrue(records.find(many.get(i).id()).isEmpty(), "the oldest go first: " + i);
        }
        assertEquals(201, records.find(many.get(BOUND + 11).id()).orElseThrow().status());
    }
}
