package dev.bookings.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.it.Api;
import dev.bookings.it.Http;
import dev.bookings.it.PostgresServer;
import dev.bookings.it.TestTokens;
import dev.bookings.security.Scopes;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The cost of the most expensive reads is bounded, on a small heap. One instance with {@code -Xmx256m} on H2 and
 * the shipped bounds ({@code bookings.availability.max-items} 50,000, {@code bookings.availability.max-concurrent}
 * 4, {@code bookings.batch.max-answer-bytes} 8 MiB): a business with 48 slots a day and 100 staff members who keep
 * them; 20 concurrent {@code getStaffAvailability} calls for all of them over 62 days (each would hold about 600,000
 * items) and a 20-step {@code $batch} of such calls, while another tenant reads an appointment again and again.
 * Every expensive call is answered 400 {@code answerTooLarge} or 429 with {@code Retry-After}, the batch 200 with
 * each of its requests refused, the other tenant within a second each time, and the heap never runs out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundedCostIT {

    final Path dir = Path.of(System.getProperty("bookings.it.dir", "target/it"), "small-heap");
    PayaraInstance small;

    @BeforeAll
    void start() throws IOException {
        Path key = dir.resolve("public.pem");
        TestTokens.writePublicKey(key);
        List<String> options = new ArrayList<>(List.of(System.getProperty("payara.cmdOptions", "").trim().split("\\s+")));
        options.removeIf(String::isBlank);
        int port = PostgresServer.freePort();
        options.addAll(List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-Dmp.jwt.verify.publickey.location=" + key.toAbsolutePath(),
                "-Dbookings.db.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("data/bookings"),
                "-Dbookings.public-base-url=http://127.0.0.1:" + port));
        Files.createDirectories(dir);
        small = new PayaraInstance("small", port, dir, options);
        small.start(TwoInstancesClusterIT.BOOT);
    }

    @AfterAll
    void stop() {
        if (small != null) {
            small.close();
        }
    }

    @Test
    void worstCaseAvailabilityCallsAndABatchOfThemLeaveOtherTenantsServedAndTheHeapWithinItsLimit() throws Exception {
        Api api = new Api(url(""));
        String business = Api.encode(api.business());
        StringBuilder slots = new StringBuilder("[");
        for (int half = 0; half < 48; half++) {
            slots.append(half == 0 ? "" : ",").append(String.format("{\"startTime\": \"%02d:%02d:00\", \"endTime\": \"%02d:%02d:00\"}",
                    half / 2, half % 2 * 30, half / 2, half % 2 * 30 + 20));
        }
        slots.append(']');
        String hours = "[" + String.join(",", List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                "sunday").stream().map(d -> "{\"day\": \"" + d + "\", \"timeSlots\": " + slots + "}").toList()) + "]";
        assertEquals(204, Http.send("PATCH", small.uri(Api.V1 + "/" + business), api.manager, "application/json",
                "{\"businessHours\": " + hours + "}").status());
        List<String> staff = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            staff.add(api.create(business + "/staffMembers", "{\"displayName\": \"Staff " + i + "\", \"emailAddress\": \"s" + i
                    + "@contoso.example\", \"role\": \"teamMember\", \"useBusinessHours\": true}"));
        }
        String ids = String.join(",", staff.stream().map(id -> "\"" + id + "\"").toList());
        String worst = "{\"staffIds\": [" + ids + "], \"startDateTime\": {\"dateTime\": \"2027-01-01T00:00:00\", \"timeZone\":"
                + " \"UTC\"}, \"endDateTime\": {\"dateTime\": \"2027-03-04T00:00:00\", \"timeZone\": \"UTC\"}}";
        String reader = TestTokens.application(api.tenant, Scopes.BOOKINGS_READ_ALL);
        URI availability = small.uri(Api.V1 + "/" + business + "/getStaffAvailability");
        String batch = "{\"requests\": [" + String.join(",", IntStream.range(0, 20).mapToObj(i -> "{\"id\": \"" + i
                + "\", \"method\": \"POST\", \"url\": \"/solutions/bookingBusinesses/" + business + "/getStaffAvailability\","
                + " \"headers\": {\"Content-Type\": \"application/json\"}, \"body\": " + worst + "}").toList()) + "]}";

        Api other = new Api(url(""), "tenant-" + UUID.randomUUID());
        String otherBusiness = other.business();
        URI otherItem = small.uri(Api.V1 + "/" + Api.encode(otherBusiness) + "/appointments/"
                + Api.encode(other.appointment(otherBusiness)));

        for (int i = 0; i < 20; i++) {
            assertEquals(200, Http.get(otherItem, other.manager).status()); // warm, as a tenant's steady reads are
        }
        AtomicBoolean loaded = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(22);
        try {
            List<Future<Http.Reply>> expensive = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                expensive.add(clients.submit(() -> Http.postJson(availability, reader, worst)));
            }
            Future<Http.Reply> batched = clients.submit(() -> Http.postJson(small.uri("v1.0/$batch"), reader, batch));
            Future<List<Long>> timings = clients.submit(() -> {
                List<Long> millis = new ArrayList<>();
                while (loaded.get() || millis.size() < 5) {
                    long start = System.nanoTime();
                    Http.Reply read = Http.get(otherItem, other.manager);
                    millis.add((System.nanoTime() - start) / 1_000_000);
                    assertEquals(200, read.status(), read::toString);
                    Thread.sleep(50);
                }
                return millis;
            });
            for (Future<Http.Reply> call : expensive) {
                Http.Reply reply = call.get(120, TimeUnit.SECONDS);
                assertTrue(reply.status() == 400 && "answerTooLarge".equals(reply.errorCode())
                        || reply.status() == 429 && reply.header("Retry-After") != null, reply::toString);
            }
            Http.Reply answer = batched.get(180, TimeUnit.SECONDS);
            loaded.set(false);
            assertEquals(200, answer.status(), answer::toString);
            for (JsonObject step : answer.json().getJsonArray("responses").getValuesAs(JsonObject.class)) {
                int status = step.getInt("status");
                assertTrue(status == 400 || status == 429, step::toString);
            }
            List<Long> millis = timings.get(60, TimeUnit.SECONDS);
            System.out.println("BoundedCostIT: another tenant's reads under load, ms: " + millis);
            assertTrue(millis.stream().allMatch(ms -> ms < 1000), "another tenant's reads, in ms: " + millis);
        } finally {
            loaded.set(false);
            clients.shutdownNow();
        }
        Http.Reply health = Http.get(small.uri("health/ready"), null);
        assertEquals(200, health.status(), "the instance is alive: " + health);
        String log = Files.readString(dir.resolve("small-1.log"));
        assertFalse(log.contains("OutOfMemoryError"), "the heap never ran out");
    }

    java.net.URL url(String path) {
        return TwoInstancesClusterIT.uri(small, path);
    }
}
