package dev.bookings.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.bookings.it.Api;
import dev.bookings.it.Http;
import dev.bookings.it.MailServer;
import dev.bookings.it.PostgresServer;
import dev.bookings.it.PreviousRelease;
import dev.bookings.it.RawHttp;
import dev.bookings.it.TestTokens;
import dev.bookings.security.Scopes;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Production's shape: two Payara Micro instances of the WAR on one real PostgreSQL, with GreenMail as SMTP. The
 * database starts as the previous release left it (schema and data), so the first instance to boot upgrades it.
 * Everything goes over real HTTP with real signed tokens; what was stored is read straight from PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesClusterIT {

    static final Duration BOOT = Duration.ofMinutes(4);
    static final Duration DELIVERY = Duration.ofSeconds(60);
    /** The pool's acquisition and connect timeouts the instances run with (seconds) bound every answer in an outage. */
    static final int ACQUIRE_TIMEOUT_MS = 2000;
    static final int CONNECT_TIMEOUT_S = 2;
    static final Duration LONGEST_ANSWER = Duration.ofSeconds(15);

    final Path dir = Path.of(System.getProperty("bookings.it.dir", "target/it"), "cluster");
    PostgresServer postgres;
    String databaseUrl;
    PayaraInstance a;
    PayaraInstance b;

    @BeforeAll
    void startCluster() throws Exception {
        postgres = PostgresServer.embedded(dir.resolve("postgres"));
        databaseUrl = postgres.createDatabase("bookings_cluster");
        PreviousRelease.install(dataSource());
        MailServer.start();
        Path key = dir.resolve("public.pem");
        TestTokens.writePublicKey(key);
        List<String> options = new ArrayList<>(Arrays.asList(System.getProperty("payara.cmdOptions", "").trim().split("\\s+")));
        options.addAll(List.of("-Xmx384m",
                "-Dmp.jwt.verify.publickey.location=" + key.toAbsolutePath(),
                "-Dbookings.db.url=" + databaseUrl,
                "-Dbookings.db.datasource-class=" + PostgresServer.DATASOURCE_CLASS,
                "-Dbookings.db.user=" + PostgresServer.USER,
                "-Dbookings.db.password=" + PostgresServer.USER,
                "-Dbookings.db.pool.acquire-timeout-ms=" + ACQUIRE_TIMEOUT_MS,
                "-Dbookings.db.connect-timeout-seconds=" + CONNECT_TIMEOUT_S,
                "-Dbookings.db.statement-timeout-seconds=10",
                "-Dbookings.db.retry-after-seconds=2"));
        a = instance("a", options);
        b = instance("b", options);
        ExecutorService boot = Executors.newFixedThreadPool(2);
        try {
            // both at once, as a rolling deployment would not: the Flyway upgrade must be safe under a race too
            Future<?> first = boot.submit(() -> a.start(BOOT));
            Future<?> second = boot.submit(() -> b.start(BOOT));
            first.get();
            second.get();
        } finally {
            boot.shutdownNow();
        }
    }

    /** An instance whose public base URL is its own loopback address, as a proxy in front would set it. */
    PayaraInstance instance(String name, List<String> options) {
        int port = PostgresServer.freePort();
        List<String> own = new ArrayList<>(options);
        own.add("-Dbookings.public-base-url=http://127.0.0.1:" + port);
        return new PayaraInstance(name, port, dir.resolve(name), own);
    }

    @AfterAll
    void stopCluster() {
        for (AutoCloseable closeable : new AutoCloseable[] {a, b, postgres}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // best effort: the next closeable must still stop
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void bothInstancesServeTheUpgradedPreviousRelease() {
        String token = TestTokens.delegated(PreviousRelease.TENANT, Scopes.BOOKINGS_MANAGE_ALL);
        for (PayaraInstance instance : List.of(a, b)) {
            String business = Api.V1 + "/" + Api.encode(PreviousRelease.BUSINESS);
            Http.Reply reply = Http.get(instance.uri(business), token);
            assertEquals(200, reply.status(), reply::toString);
            assertEquals("Fourth Coffee", reply.json().getString("displayName"));
            Http.Reply booked = Http.get(instance.uri(business + "/appointments/" + PreviousRelease.BOOKED_APPOINTMENT), token);
            assertEquals(200, booked.status(), booked::toString);
            assertEquals("Bring a mug", booked.json().getString("serviceNotes"));
            assertEquals(404, Http.get(instance.uri(business + "/appointments/" + PreviousRelease.CANCELLED_APPOINTMENT), token).status());
        }
    }

    @Test
    @Order(1)
    void theOperatorsBootCommandsHideTheServersNameAndVersion() {
        Http.Reply reply = Http.get(a.uri(Api.V1), null);
        assertEquals(401, reply.status(), reply::toString);
        for (String header : List.of("Server", "X-Powered-By")) {
            assertNull(reply.header(header), () -> header + ": " + reply.header(header));
        }
    }

    @Test
    @Order(1)
    void unknownMethodsOnHealthAndMetricsAre501InGraphsShapeNamingNoInternalError() {
        // at the server's root, as the run command deploys: the application's error page answers for Payara's
        // health and metrics servlets too (the suite's other runs deploy under a context of their own)
        for (String path : List.of("health", "health/ready", "metrics")) {
            Http.Reply reply = Http.send("FOO", a.uri(path), null, null, null);
            assertEquals(501, reply.status(), reply::toString);
            assertEquals("notSupported", reply.errorCode(), reply::toString);
            assertEquals("The HTTP method is not supported.", reply.json().getJsonObject("error").getString("message"),
                    reply::toString);
        }
    }

    @Test
    @Order(1)
    void linksComeFromThePublicBaseUrlNeverFromTheHostHeader() throws Exception {
        Scenario s = new Scenario();
        Http.postJson(a.uri(Api.V1), s.api.manager, "{\"displayName\": \"Second Shop\"}");
        // a raw request: HTTP clients will not forge Host
        RawHttp.Answer answer = RawHttp.exchange("127.0.0.1", a.port, "GET /" + Api.V1 + "?%24top=1 HTTP/1.1\r\n"
                + "Host: evil.example\r\nAuthorization: Bearer " + s.api.manager + "\r\n", "", Duration.ofSeconds(30));
        String body = answer.head() + "\r\n\r\n" + answer.body();
        assertEquals(200, answer.status(), body);
        assertTrue(body.contains("\"@odata.context\":\"http://127.0.0.1:" + a.port + "/v1.0/$metadata"), body);
        assertTrue(body.contains("\"@odata.nextLink\":\"http://127.0.0.1:" + a.port + "/v1.0/solutions/bookingBusinesses?"), body);
        assertTrue(!body.contains("evil.example"), body);
    }

    @Test
    @Order(2)
    void hundredConcurrentCancelsOfOneAppointmentHalfToEachInstance() throws Exception {
        Scenario s = new Scenario();
        String appointment = s.appointment(a);
        List<Future<Http.Reply>> replies = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try {
            for (int i = 0; i < 100; i++) {
                PayaraInstance instance = i % 2 == 0 ? a : b;
                String message = "{\"cancellationMessage\": \"Closed, message " + i + "\"}";
                replies.add(clients.submit(() -> Http.postJson(s.cancel(instance, appointment), s.api.manager, message)));
            }
            for (Future<Http.Reply> reply : replies) {
                assertEquals(204, reply.get(60, TimeUnit.SECONDS).status(), () -> "every cancel answers 204");
            }
        } finally {
            clients.shutdownNow();
        }
        Map<String, Object> row = row("select status, cancelled_by, cancelled_at, cancellation_message from appointment where id = ?", appointment);
        assertEquals("CANCELLED", row.get("status"));
        assertNotNull(row.get("cancelled_by"));
        assertNotNull(row.get("cancelled_at"));
        assertTrue(String.valueOf(row.get("cancellation_message")).matches("Closed, message \\d+"), row::toString);
        assertEquals(3L, count("select count(*) from mail_message m where m.appointment_id = ? and m.message_kind = 'CANCELLED'",
                appointment), "one cancellation per recipient: customer, staff member, owner");

        List<MimeMessage> mails = MailServer.awaitCancellations(s.addresses(), 3, DELIVERY);
        PayaraInstance.sleep(Duration.ofSeconds(5)); // past a lease and several polls: a second sender would show by now
        mails = MailServer.cancellations(s.addresses());
        assertEquals(3, mails.size(), "exactly one mail per recipient");
        assertEquals(s.addresses(), recipients(mails));
    }

    @Test
    @Order(3)
    void patchAndCancelRacingAcrossInstancesEndInASerialOrder() throws Exception {
        Scenario s = new Scenario();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        Map<String, Integer> outcomes = new HashMap<>();
        try {
            for (int round = 0; round < 20; round++) {
                String appointment = s.appointment(a);
                PayaraInstance patchOn = round % 2 == 0 ? a : b;
                PayaraInstance cancelOn = round % 2 == 0 ? b : a;
                String notes = "patched in round " + round;
                CountDownLatch go = new CountDownLatch(1);
                Future<Http.Reply> patch = clients.submit(() -> {
                    go.await();
                    return Http.send("PATCH", s.item(patchOn, appointment), s.api.manager, "application/json",
                            "{\"serviceNotes\": \"" + notes + "\"}");
                });
                Future<Http.Reply> cancel = clients.submit(() -> {
                    go.await();
                    return Http.postJson(s.cancel(cancelOn, appointment), s.api.manager, "{\"cancellationMessage\": \"raced\"}");
                });
                go.countDown();
                Http.Reply patched = patch.get(60, TimeUnit.SECONDS);
                Http.Reply cancelled = cancel.get(60, TimeUnit.SECONDS);
                assertEquals(204, cancelled.status(), cancelled::toString);
                Map<String, Object> row = row("select status, service_notes, cancellation_message from appointment where id = ?", appointment);
                assertEquals("CANCELLED", row.get("status"));
                assertEquals("raced", row.get("cancellation_message"));
                if (patched.status() == 204) {
                    // PATCH, then cancel: the cancelled record keeps the change
                    assertEquals(notes, row.get("service_notes"), "a PATCH answered 204 is never lost");
                } else {
                    // cancel, then PATCH: the PATCH finds no booked appointment and changes nothing
                    assertEquals(404, patched.status(), patched::toString);
                    assertEquals("itemNotFound", patched.errorCode());
                    assertEquals(null, row.get("service_notes"));
                }
                outcomes.merge(String.valueOf(patched.status()), 1, Integer::sum);
            }
        } finally {
            clients.shutdownNow();
        }
        System.out.println("PATCH outcomes racing a cancel (status -> rounds): " + outcomes);
    }

    @Test
    @Order(4)
    void bothInstancesDeliverFromOneOutboxEachNoticeOnce() throws Exception {
        Scenario s = new Scenario();
        List<String> appointments = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            appointments.add(s.appointment(i % 2 == 0 ? a : b, s.customer("outbox-" + i)));
        }
        MailServer.stop(); // the notices pile up while SMTP is down, then both instances' workers drain one outbox
        try {
            for (int i = 0; i < appointments.size(); i++) {
                Http.Reply reply = Http.postJson(s.cancel(i % 2 == 0 ? a : b, appointments.get(i)), s.api.manager, "{}");
                assertEquals(204, reply.status(), reply::toString);
            }
            PayaraInstance.sleep(Duration.ofSeconds(2));
        } finally {
            MailServer.start();
        }
        MailServer.awaitCancellations(s.customers, s.customers.size(), DELIVERY);
        PayaraInstance.sleep(Duration.ofSeconds(5));
        List<MimeMessage> mails = MailServer.cancellations(s.customers);
        assertEquals(s.customers.size(), mails.size(), "each notice sent once, by one of the two instances");
        assertEquals(new HashSet<>(s.customers), recipients(mails));
        assertEquals(0L, unsent(s), "nothing stays pending or claimed");
    }

    @Test
    @Order(5)
    void anInstanceKilledMidLoadLosesNoAnsweredCancelAndNoNotice() throws Exception {
        Scenario s = new Scenario();
        int total = 60;
        List<String> appointments = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            appointments.add(s.appointment(a, s.customer("crash-" + i)));
        }
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> load = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            load.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    String appointment = appointments.get(i);
                    try {
                        Http.Reply reply = Http.postJson(s.cancel(i % 2 == 0 ? a : b, appointment), s.api.manager, "{}");
                        answers.put(appointment, reply.status());
                    } catch (RuntimeException noAnswer) {
                        answers.put(appointment, -1); // the connection died with the instance
                    }
                    done.incrementAndGet();
                    PayaraInstance.sleep(Duration.ofMillis(20));
                }
            }));
        }
        while (done.get() < total / 3) {
            PayaraInstance.sleep(Duration.ofMillis(20));
        }
        b.kill();
        for (Future<?> f : load) {
            f.get(120, TimeUnit.SECONDS);
        }
        clients.shutdownNow();
        b.start(BOOT);

        assertTrue(answers.containsValue(-1), "some cancels were sent to the killed instance: " + answers.values());
        for (Map.Entry<String, Integer> answer : answers.entrySet()) {
            String status = (String) row("select status from appointment where id = ?", answer.getKey()).get("status");
            if (answer.getValue() == 204) {
                assertEquals("CANCELLED", status, "a cancel answered 204 is stored");
            } else {
                assertEquals(-1, answer.getValue(), "only the killed instance left cancels unanswered");
            }
        }
        // every stored cancellation's notice is delivered in the end, by the survivor or the restarted instance
        List<String> cancelledCustomers = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            if ("CANCELLED".equals(row("select status from appointment where id = ?", appointments.get(i)).get("status"))) {
                cancelledCustomers.add(s.customers.get(i));
            }
        }
        MailServer.awaitCancellations(cancelledCustomers, cancelledCustomers.size(), DELIVERY);
        long end = System.nanoTime() + DELIVERY.toNanos();
        while (System.nanoTime() < end && unsent(s) > 0) {
            PayaraInstance.sleep(Duration.ofMillis(500));
        }
        assertEquals(0L, unsent(s), "nothing stays pending or claimed");
        List<MimeMessage> mails = MailServer.cancellations(s.customers);
        assertEquals(new HashSet<>(cancelledCustomers), recipients(mails), "a notice for every stored cancellation, for no other");
        int duplicates = mails.size() - cancelledCustomers.size();
        // SMTP cannot be made exactly-once: the one notice the killed instance may have handed to SMTP and not yet
        // marked sent goes again after its lease, with the same Message-ID. An instance sends one notice at a time.
        assertTrue(duplicates <= 1, "at most the killed instance's one in-flight notice is sent twice; was " + duplicates);
        Set<String> messageIds = new HashSet<>();
        for (MimeMessage mail : mails) {
            messageIds.add(mail.getMessageID());
        }
        assertEquals(cancelledCustomers.size(), messageIds.size(), "a repeat carries the same Message-ID");
        Http.Reply restarted = Http.get(b.uri(Api.V1 + "/" + Api.encode(s.business)), s.api.manager);
        assertEquals(200, restarted.status(), "the restarted instance serves again: " + restarted);
    }

    @Test
    @Order(6)
    void aDatabaseOutageIsAnswered503AndOutlived() throws Exception {
        Scenario s = new Scenario();
        int total = 400;
        List<String> appointments = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            appointments.add(s.appointment(i % 2 == 0 ? a : b));
        }
        Duration outage = Duration.ofSeconds(Long.getLong("bookings.it.outage-seconds", 30));
        Map<String, Http.Reply> answers = new ConcurrentHashMap<>();
        List<String> slow = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stopLoad = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(5);
        List<Future<?>> load = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            load.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < total && !stopLoad.get(); i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    Http.Reply reply = Http.postJson(s.cancel(i % 2 == 0 ? a : b, appointments.get(i)), s.api.manager, "{}");
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    if (took.compareTo(LONGEST_ANSWER) > 0) {
                        synchronized (slow) {
                            slow.add(appointments.get(i) + " took " + took);
                        }
                    }
                    answers.put(appointments.get(i), reply);
                    PayaraInstance.sleep(Duration.ofMillis(100));
                }
            }));
        }
        List<Integer> health = new ArrayList<>();
        load.add(clients.submit(() -> {
            while (!stopLoad.get()) {
                int status = a.readyStatus();
                synchronized (health) {
                    if (health.isEmpty() || health.get(health.size() - 1) != status) {
                        health.add(status);
                    }
                }
                PayaraInstance.sleep(Duration.ofMillis(250));
            }
        }));

        PayaraInstance.sleep(Duration.ofSeconds(3));
        postgres.stop();
        PayaraInstance.sleep(outage);
        postgres.start();
        // the service recovers without a restart: both instances cancel again
        for (PayaraInstance instance : List.of(a, b)) {
            String appointment = null;
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int status = 0;
            while (System.nanoTime() < end && status != 201) {
                Http.Reply created = Http.postJson(instance.uri(Api.V1 + "/" + Api.encode(s.business) + "/appointments"),
                        s.api.manager, s.appointmentBody(s.customer("after-outage-" + instance.name)));
                status = created.status();
                appointment = status == 201 ? created.json().getString("id") : null;
                PayaraInstance.sleep(Duration.ofMillis(500));
            }
            assertEquals(201, status, instance.name + " books again after the outage");
            assertEquals(204, Http.postJson(s.cancel(instance, appointment), s.api.manager, "{}").status(),
                    instance.name + " cancels again after the outage");
        }
        PayaraInstance.sleep(Duration.ofSeconds(2));
        stopLoad.set(true);
        for (Future<?> f : load) {
            f.get(120, TimeUnit.SECONDS);
        }
        clients.shutdownNow();

        assertEquals(List.of(), slow, "no answer waited longer than the configured timeouts allow");
        Map<Integer, Long> statuses = answers.values().stream().collect(Collectors.groupingBy(Http.Reply::status, Collectors.counting()));
        System.out.println("Answers during the outage test (status -> count): " + statuses + "; /health/ready went " + health);
        assertTrue(statuses.containsKey(503), "the outage was met with 503: " + statuses);
        assertTrue(statuses.containsKey(204), statuses::toString);
        for (Map.Entry<String, Http.Reply> answer : answers.entrySet()) {
            Http.Reply reply = answer.getValue();
            if (reply.status() == 204) {
                assertEquals("CANCELLED", row("select status from appointment where id = ?", answer.getKey()).get("status"),
                        "no 204 for a cancel that was not stored");
            } else {
                assertEquals(503, reply.status(), reply::toString);
                assertEquals("serviceNotAvailable", reply.errorCode(), reply::toString);
                assertNotNull(reply.header("Retry-After"), "503 says when to retry");
                assertNotNull(reply.json().getJsonObject("error").getJsonObject("innerError").getString("request-id"));
            }
        }
        int down = health.indexOf(503);
        assertTrue(down > 0 && health.subList(down, health.size()).contains(200),
                "/health/ready went DOWN and back UP: " + health);
        assertEquals(200, a.readyStatus());
        assertEquals(200, b.readyStatus());
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The tenant's mails still waiting or claimed (sent, superseded and failed ones are done). */
    long unsent(Scenario s) {
        return count("select count(*) from outbox_message o join mail_message m on m.pk = o.pk join booking_business b"
                + " on b.pk = m.business_pk where b.tenant_id = ? and o.status in ('PENDING', 'SENDING')", s.api.tenant);
    }

    static Set<String> recipients(Collection<MimeMessage> mails) throws Exception {
        Set<String> recipients = new HashSet<>();
        for (MimeMessage mail : mails) {
            recipients.add(mail.getAllRecipients()[0].toString().replaceAll(".*<|>", ""));
        }
        return recipients;
    }

    PGSimpleDataSource dataSource() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(databaseUrl);
        source.setUser(PostgresServer.USER);
        return source;
    }

    @Test
    @Order(7)
    void twoInstancesSendEachReminderOnceThoughOneIsKilledWhileSending() throws Exception {
        Scenario s = new Scenario();
        int total = 30;
        java.time.OffsetDateTime start = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusHours(1)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // every reminder due about 10 s from now, recorded half through each instance
        Duration offset = Duration.between(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(10), start)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (int i = 0; i < total; i++) {
            PayaraInstance on = i % 2 == 0 ? a : b;
            Http.Reply created = Http.postJson(on.uri(Api.V1 + "/" + Api.encode(s.business) + "/appointments"), s.api.manager,
                    "{\"startDateTime\": {\"dateTime\": \"" + start.toLocalDateTime() + "\", \"timeZone\": \"UTC\"},"
                    + " \"endDateTime\": {\"dateTime\": \"" + start.plusMinutes(30).toLocalDateTime() + "\", \"timeZone\": \"UTC\"},"
                    + " \"customers\": [{\"name\": \"Jordan\", \"emailAddress\": \"" + s.customer("reminded-" + i) + "\"}],"
                    + " \"reminders\": [{\"offset\": \"" + offset + "\", \"recipients\": \"customer\", \"message\": \"Soon\"}]}");
            assertEquals(201, created.status(), created::toString);
        }
        try {
            MailServer.eventually(() -> !reminders(s.customers).isEmpty(), DELIVERY);
            b.kill(); // while the instances drain the reminders that came due together
            MailServer.eventually(() -> recipientsOf(reminders(s.customers)).size() == total, DELIVERY);
            PayaraInstance.sleep(Duration.ofSeconds(5)); // past the killed instance's leases and several polls
            List<MimeMessage> sent = reminders(s.customers);
            assertEquals(new HashSet<>(s.customers), recipientsOf(sent), "every reminder sent, by the survivor if need be");
            assertTrue(sent.size() - total <= 1, "at most the killed instance's one in-flight reminder twice; was "
                    + (sent.size() - total));
        } finally {
            b.start(BOOT);
        }
    }

    static List<MimeMessage> reminders(Collection<String> addresses) {
        return MailServer.to(addresses).stream().filter(m -> MailServer.subject(m).startsWith("Reminder:")).toList();
    }

    static Set<String> recipientsOf(Collection<MimeMessage> mails) {
        try {
            return recipients(mails);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(8)
    void twoInstancesRacingOneIdempotencyKeyCreateOnce() throws Exception {
        Scenario s = new Scenario();
        String key = "\"" + UUID.randomUUID() + "\"";
        String body = "{\"displayName\": \"Robin\", \"emailAddress\": \"" + Scenario.unique("robin") + "\"}";
        ExecutorService clients = Executors.newFixedThreadPool(10);
        List<Future<Http.Reply>> replies = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 10; i++) {
            PayaraInstance on = i % 2 == 0 ? a : b;
            replies.add(clients.submit(() -> {
                go.await();
                return Http.send("POST", on.uri(Api.V1 + "/" + Api.encode(s.business) + "/customers"), s.api.manager,
                        "application/json", body, "Idempotency-Key", key);
            }));
        }
        go.countDown();
        Set<String> ids = new HashSet<>();
        for (Future<Http.Reply> future : replies) {
            Http.Reply reply = future.get(60, TimeUnit.SECONDS);
            assertTrue(reply.status() == 201 || reply.status() == 409, reply::toString);
            if (reply.status() == 201) {
                ids.add(reply.json().getString("id"));
            } else {
                assertEquals("1", reply.header("Retry-After"), reply::toString);
            }
        }
        clients.shutdownNow();
        assertEquals(1, ids.size(), "one execution, every other answer its replay or 409: " + ids);
        assertEquals(1L, count("select count(*) as count from booking_customer c join booking_business b"
                + " on b.pk = c.business_pk where b.tenant_id = ?", s.api.tenant));
    }

    /**
     * Runs last: instance b is killed as soon as its commit of a keyed create is visible in the database, whether or
     * not its answer has left; the retry on instance a gets the first answer, and the customer exists once.
     */
    @Test
    @Order(9)
    void aKeyedWriteCommittedByAKilledInstanceIsReplayedByTheOther() throws Exception {
        Scenario s = new Scenario();
        String key = "\"" + UUID.randomUUID() + "\"";
        String path = Api.V1 + "/" + Api.encode(s.business) + "/customers";
        String body = "{\"displayName\": \"Kim\", \"emailAddress\": \"" + Scenario.unique("kim") + "\"}";
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", b.port)) {
            socket.getOutputStream().write(("POST /" + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + b.port
                    + "\r\nAuthorization: Bearer " + s.api.manager + "\r\nContent-Type: application/json\r\nIdempotency-Key: "
                    + key + "\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (count("select count(*) as count from idempotent_request where tenant_id = ?", s.api.tenant) == 0) {
                assertTrue(System.nanoTime() < until, "the keyed create committed on b");
                Thread.onSpinWait();
            }
            b.kill();
        }
        Http.Reply retry = Http.send("POST", a.uri(path), s.api.manager, "application/json", body, "Idempotency-Key", key);
        assertEquals(201, retry.status(), retry::toString);
        assertEquals("true", retry.header("Idempotent-Replayed"), retry::toString);
        assertEquals(1L, count("select count(*) as count from booking_customer c join booking_business b"
                + " on b.pk = c.business_pk where b.tenant_id = ?", s.api.tenant));
        assertEquals(retry.json().getString("id"), row("select c.id from booking_customer c join booking_business b"
                + " on b.pk = c.business_pk where b.tenant_id = ?", s.api.tenant).get("id"));
    }

    Map<String, Object> row(String sql, Object parameter) {
        try (Connection connection = dataSource().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    fail("no row for " + parameter);
                }
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.put(result.getMetaData().getColumnName(i), result.getObject(i));
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql, Object parameter) {
        return ((Number) row(sql, parameter).get("count")).longValue();
    }

    /** One tenant's business with a staff member and an owner who gets confirmations, all at unique addresses. */
    final class Scenario {

        final Api api;
        final String business;
        final String owner = unique("owner");
        final String staff = unique("staff");
        final String staffId;
        final List<String> customers = new ArrayList<>();

        Scenario() {
            api = new Api(uri(a, ""));
            Http.Reply created = Http.postJson(a.uri(Api.V1), api.manager, "{\"displayName\": \"Cluster Cuts\", \"email\": \""
                    + owner + "\", \"schedulingPolicy\": {\"sendConfirmationsToOwner\": true}}");
            assertEquals(201, created.status(), created::toString);
            business = created.json().getString("id");
            staffId = api.create(Api.encode(business) + "/staffMembers", "{\"@odata.type\": \"#microsoft.graph.bookingStaffMember\","
                    + " \"displayName\": \"Dana\", \"emailAddress\": \"" + staff + "\", \"role\": \"teamMember\"}");
        }

        static String unique(String who) {
            return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.example";
        }

        String customer(String who) {
            String address = unique(who);
            customers.add(address);
            return address;
        }

        Set<String> addresses() {
            Set<String> all = new HashSet<>(customers);
            all.add(owner);
            all.add(staff);
            return all;
        }

        String appointmentBody(String customer) {
            return "{" + Api.times(Duration.ofDays(3)) + ", \"serviceName\": \"Haircut\", \"staffMemberIds\": [\"" + staffId
                    + "\"], \"customers\": [{\"@odata.type\": \"#microsoft.graph.bookingCustomerInformation\","
                    + " \"name\": \"Jordan\", \"emailAddress\": \"" + customer + "\"}]}";
        }

        String appointment(PayaraInstance on, String customer) {
            Http.Reply created = Http.postJson(on.uri(Api.V1 + "/" + Api.encode(business) + "/appointments"), api.manager,
                    appointmentBody(customer));
            assertEquals(201, created.status(), created::toString);
            return created.json().getString("id");
        }

        String appointment(PayaraInstance on) {
            return appointment(on, customer("customer"));
        }

        URI item(PayaraInstance on, String appointment) {
            return on.uri(Api.V1 + "/" + Api.encode(business) + "/appointments/" + Api.encode(appointment));
        }

        URI cancel(PayaraInstance on, String appointment) {
            return on.uri(Api.V1 + "/" + Api.encode(business) + "/appointments/" + Api.encode(appointment) + "/cancel");
        }
    }

    static java.net.URL uri(PayaraInstance instance, String path) {
        try {
            return instance.uri(path).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
