package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.security.Scopes;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Repeated writes over plain HTTP: an {@code Idempotency-Key} or an SDK retry's {@code client-request-id} gets the
 * first answer again and changes nothing twice; a key reused for another request is 422; equal keys of two callers
 * are two keys; a refusal is answered again as it was; a {@code $batch} is one request.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdempotencyHttpIT {

    @ArquillianResource
    URL base;

    private static String key() {
        return "\"" + UUID.randomUUID() + "\"";
    }

    private static Http.Reply post(URI uri, String token, String body, String... headers) {
        return Http.send("POST", uri, token, "application/json", body, headers);
    }

    private static int count(Api api, String path) {
        Http.Reply list = Http.get(api.uri(Api.V1 + "/" + path), api.manager);
        assertEquals(200, list.status(), list::toString);
        return list.json().getJsonArray("value").size();
    }

    private static String appointmentBody(Duration startIn) {
        return "{" + Api.times(startIn) + ", \"serviceName\": \"Haircut\", \"customers\": [{\"@odata.type\":"
                + " \"#microsoft.graph.bookingCustomerInformation\", \"name\": \"Jordan\","
                + " \"emailAddress\": \"jordan@contoso.example\"}]}";
    }

    @Test
    void aRepeatedCreateWithAnIdempotencyKeyIsAnsweredAsTheFirstAndBooksOnce() {
        Api api = new Api(base);
        String business = api.business();
        URI appointments = api.uri(Api.V1 + "/" + Api.encode(business) + "/appointments");
        String key = key();
        String body = appointmentBody(Duration.ofDays(3));

        Http.Reply first = post(appointments, api.manager, body, "Idempotency-Key", key);
        Http.Reply again = post(appointments, api.manager, body, "Idempotency-Key", key);

        assertEquals(201, first.status(), first::toString);
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals(201, again.status(), again::toString);
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.body(), again.body());
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.header("Content-Type"), again.header("Content-Type"));
        assertNotEquals(first.header("request-id"), again.header("request-id"));
        assertEquals(1, count(api, Api.encode(business) + "/appointments"));
    }

    @Test
    void theSameKeyOnAnotherRequestIs422AndChangesNothing() {
        Api api = new Api(base);
        String business = api.business();
        URI appointments = api.uri(Api.V1 + "/" + Api.encode(business) + "/appointments");
        String key = key();
        assertEquals(201, post(appointments, api.manager, appointmentBody(Duration.ofDays(3)), "Idempotency-Key", key).status());

        Http.Reply otherBody = post(appointments, api.manager, appointmentBody(Duration.ofDays(4)), "Idempotency-Key", key);
        Http.Reply otherPath = post(api.uri(Api.V1 + "/" + Api.encode(business) + "/customers"), api.manager,
                "{\"displayName\": \"Jordan\", \"emailAddress\": \"jordan@contoso.example\"}", "Idempotency-Key", key);

        assertEquals(422, otherBody.status(), otherBody::toString);
        assertEquals("idempotencyKeyReused", otherBody.errorCode());
        assertEquals(422, otherPath.status(), otherPath::toString);
        assertEquals(1, count(api, Api.encode(business) + "/appointments"));
        assertEquals(0, count(api, Api.encode(business) + "/customers"));
    }

    @Test
    void anotherCallersEqualKeyIsAnotherKey() {
        Api api = new Api(base);
        String business = api.business();
        URI customers = api.uri(Api.V1 + "/" + Api.encode(business) + "/customers");
        String key = key();
        String body = "{\"displayName\": \"Jordan\", \"emailAddress\": \"jordan@contoso.example\"}";
        String application = TestTokens.application(api.tenant, Scopes.BOOKINGS_READ_WRITE_ALL);

        Http.Reply byUser = post(customers, api.manager, body, "Idempotency-Key", key);
        Http.Reply byApplication = post(customers, application, body, "Idempotency-Key", key);

        assertEquals(201, byUser.status(), byUser::toString);
        assertEquals(201, byApplication.status(), byApplication::toString);
        assertNull(byApplication.header("Idempotent-Replayed"));
        assertNotEquals(byUser.json().getString("id"), byApplication.json().getString("id"));
        assertEquals(2, count(api, Api.encode(business) + "/customers"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unquoted", "\"\"", "\"with \"inner\" quotes\"", "\"a\tb\"", "\"a\", \"b\""})
    void aMalformedIdempotencyKeyIs400AndChangesNothing(String header) {
        Api api = new Api(base);
        String business = api.business();
        Http.Reply reply = post(api.uri(Api.V1 + "/" + Api.encode(business) + "/customers"), api.manager,
                "{\"displayName\": \"Jordan\", \"emailAddress\": \"jordan@contoso.example\"}", "Idempotency-Key", header);
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("invalidRequest", reply.errorCode());
        assertTrue(reply.json().getJsonObject("error").getString("message").contains("Idempotency-Key"));
        assertEquals(0, count(api, Api.encode(business) + "/customers"));
    }

    @Test
    void aKeyOfMoreThan255CharactersIs400() {
        Api api = new Api(base);
        Http.Reply reply = post(api.uri(Api.V1), api.manager, "{\"displayName\": \"Long key\"}",
                "Idempotency-Key", "\"" + "k".repeat(256) + "\"");
        assertEquals(400, reply.status(), reply::toString);
        Http.Reply longest = post(api.uri(Api.V1), api.manager, "{\"displayName\": \"Long key\"}",
                "Idempotency-Key", "\"" + "k".repeat(255) + "\"");
        assertEquals(201, longest.status(), longest::toString);
    }

    @Test
    void anSdkRetryOfAClientRequestIdIsReplayedAndAReuseWithoutRetryAttemptIsANewRequest() {
        Api api = new Api(base);
        String business = api.business();
        URI customers = api.uri(Api.V1 + "/" + Api.encode(business) + "/customers");
        String id = UUID.randomUUID().toString();
        String body = "{\"displayName\": \"Jordan\", \"emailAddress\": \"jordan@contoso.example\"}";

        Http.Reply first = post(customers, api.manager, body, "client-request-id", id);
        Http.Reply retry = post(customers, api.manager, body, "client-request-id", id, "Retry-Attempt", "1");
        Http.Reply reused = post(customers, api.manager, body, "client-request-id", id);

        assertEquals(201, first.status(), first::toString);
        assertEquals(201, retry.status(), retry::toString);
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.json().getString("id"), retry.json().getString("id"));
        assertEquals(id, retry.header("client-request-id"));
        assertEquals(201, reused.status(), reused::toString);
        assertNull(reused.header("Idempotent-Replayed"));
        assertNotEquals(first.json().getString("id"), reused.json().getString("id"));
        assertEquals(2, count(api, Api.encode(business) + "/customers"));
    }

    @Test
    void aRepeatedPatchWithIfMatchGetsItsFirstAnswerNot412() {
        Api api = new Api(base);
        String business = api.business();
        String appointment = api.appointment(business);
        URI item = api.item(Api.V1, business, "appointments", appointment);
        String etag = Http.get(item, api.manager).header("ETag");
        String key = key();

        Http.Reply first = Http.send("PATCH", item, api.manager, "application/json",
                "{\"serviceNotes\": \"bring the dog\"}", "If-Match", etag, "Idempotency-Key", key);
        Http.Reply again = Http.send("PATCH", item, api.manager, "application/json",
                "{\"serviceNotes\": \"bring the dog\"}", "If-Match", etag, "Idempotency-Key", key);
        Http.Reply unkeyed = Http.send("PATCH", item, api.manager, "application/json",
                "{\"serviceNotes\": \"bring the dog\"}", "If-Match", etag);

        assertEquals(204, first.status(), first::toString);
        assertEquals(204, again.status(), again::toString);
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(412, unkeyed.status(), unkeyed::toString);
        assertNotEquals(etag, Http.get(item, api.manager).header("ETag"));
    }

    @Test
    void theAnswerOfAPatchOrCreateCarriesTheStoredVersion() {
        Api api = new Api(base);
        String business = api.business();
        String appointment = api.appointment(business);
        URI item = api.item(Api.V1, business, "appointments", appointment);
        Http.Reply before = Http.get(item, api.manager);
        Http.Reply patched = Http.send("PATCH", item, api.manager, "application/json",
                "{\"serviceNotes\": \"first\"}", "If-Match", before.header("ETag"), "Idempotency-Key", key());
        assertEquals(204, patched.status(), patched::toString);
        Http.Reply after = Http.get(item, api.manager);
        Http.Reply second = Http.send("PATCH", item, api.manager, "application/json",
                "{\"serviceNotes\": \"second\"}", "If-Match", after.header("ETag"));
        assertEquals(204, second.status(), second::toString);
        assertEquals("second", Http.get(item, api.manager).json().getString("serviceNotes"));
    }

    @Test
    void aRefusalIsAnsweredAgainAsItWas() {
        Api api = new Api(base);
        String business = api.business();
        URI cancel = api.cancel(Api.V1, business, "appointments", "no-such-appointment");
        String key = key();
        Http.Reply first = post(cancel, api.manager, "{\"cancellationMessage\": \"x\"}", "Idempotency-Key", key);
        Http.Reply again = post(cancel, api.manager, "{\"cancellationMessage\": \"x\"}", "Idempotency-Key", key);
        assertEquals(404, first.status(), first::toString);
        assertEquals(404, again.status(), again::toString);
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.json().getJsonObject("error").getString("message"),
                again.json().getJsonObject("error").getString("message"));
    }

    @Test
    void aRepeatedCancelIsReplayed() {
        Api api = new Api(base);
        String business = api.business();
        String appointment = api.appointment(business);
        URI cancel = api.cancel(Api.BETA, business, "calendarView", appointment);
        String key = key();
        Http.Reply first = post(cancel, api.manager, "{\"cancellationMessage\": \"closed\"}", "Idempotency-Key", key);
        Http.Reply again = post(cancel, api.manager, "{\"cancellationMessage\": \"closed\"}", "Idempotency-Key", key);
        assertEquals(204, first.status(), first::toString);
        assertEquals(204, again.status(), again::toString);
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals("", again.body());
    }

    @Test
    void concurrentRepeatsOfOneKeyRunOnce() throws Exception {
        Api api = new Api(base);
        String business = api.business();
        URI customers = api.uri(Api.V1 + "/" + Api.encode(business) + "/customers");
        String key = key();
        String body = "{\"displayName\": \"Jordan\", \"emailAddress\": \"jordan@contoso.example\"}";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            java.util.List<Future<Http.Reply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                replies.add(pool.submit(() -> post(customers, api.manager, body, "Idempotency-Key", key)));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (Future<Http.Reply> future : replies) {
                Http.Reply reply = future.get();
                assertTrue(reply.status() == 201 || reply.status() == 409, reply::toString);
                if (reply.status() == 201) {
                    ids.add(reply.json().getString("id"));
                } else {
                    assertEquals("1", reply.header("Retry-After"));
                    assertEquals("conflict", reply.errorCode());
                }
            }
            assertEquals(1, ids.size(), ids::toString);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count(api, Api.encode(business) + "/customers"));
    }

    /** The suite keeps answers for {@code bookings.idempotency.retention-hours=0.005} (18 s, pom.xml). */
    @Test
    void afterItsRetentionAKeyIsNew() throws InterruptedException {
        Api api = new Api(base);
        String business = api.business();
        URI customers = api.uri(Api.V1 + "/" + Api.encode(business) + "/customers");
        String key = key();
        String body = "{\"displayName\": \"Jordan\", \"emailAddress\": \"jordan@contoso.example\"}";
        Http.Reply first = post(customers, api.manager, body, "Idempotency-Key", key);
        assertEquals(201, first.status(), first::toString);
        assertEquals("true", post(customers, api.manager, body, "Idempotency-Key", key).header("Idempotent-Replayed"));

        Thread.sleep(19_000);
        Http.Reply later = post(customers, api.manager, body, "Idempotency-Key", key);
        assertEquals(201, later.status(), later::toString);
        assertNull(later.header("Idempotent-Replayed"));
        assertNotEquals(first.json().getString("id"), later.json().getString("id"));
    }

    @Test
    void aRepeatedBatchIsAnsweredAsTheFirstAndEachOfItsChangesHappensOnce() {
        Api api = new Api(base);
        String business = api.business();
        String batch = "{\"requests\": [{\"id\": \"1\", \"method\": \"POST\", \"url\": \"/solutions/bookingBusinesses/"
                + Api.encode(business) + "/customers\", \"headers\": {\"Content-Type\": \"application/json\"},"
                + " \"body\": {\"displayName\": \"Jordan\", \"emailAddress\": \"jordan@contoso.example\"}},"
                + " {\"id\": \"2\", \"method\": \"GET\", \"url\": \"/solutions/bookingBusinesses/" + Api.encode(business)
                + "\"}]}";
        URI uri = api.uri("v1.0/$batch");
        String key = key();
        Http.Reply first = post(uri, api.manager, batch, "Idempotency-Key", key);
        Http.Reply again = post(uri, api.manager, batch, "Idempotency-Key", key);
        assertEquals(200, first.status(), first::toString);
        assertEquals(200, again.status(), again::toString);
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.body(), again.body());
        assertEquals(1, count(api, Api.encode(business) + "/customers"));

        // the same batch under a new key whose first answer was lost runs again; its create is new
        String crid = UUID.randomUUID().toString();
        Http.Reply sdkFirst = post(uri, api.manager, batch, "client-request-id", crid);
        JsonObject created = sdkFirst.json().getJsonArray("responses").getJsonObject(0);
        assertEquals(201, created.getInt("status"), sdkFirst::toString);
        Http.Reply sdkRetry = post(uri, api.manager, batch, "client-request-id", crid, "Retry-Attempt", "1");
        assertEquals(sdkFirst.body(), sdkRetry.body());
        assertEquals(2, count(api, Api.encode(business) + "/customers"));
    }

    /**
     * A batch whose answer is not stored (one request refused 403, which is not kept) runs again when the SDK
     * retries it; its create, done by the first try, answers from its own record, whatever try of the batch it is.
     */
    @Test
    void aRetriedBatchWithoutAStoredAnswerRepeatsNoneOfItsChanges() {
        Api api = new Api(base);
        String business = api.business();
        String writer = TestTokens.delegated(api.tenant, Scopes.BOOKINGS_READ_WRITE_ALL);
        String batch = "{\"requests\": [{\"id\": \"1\", \"method\": \"POST\", \"url\": \"/solutions/bookingBusinesses/"
                + Api.encode(business) + "/customers\", \"headers\": {\"Content-Type\": \"application/json\"},"
                + " \"body\": {\"displayName\": \"Jordan\", \"emailAddress\": \"jordan@contoso.example\"}},"
                + " {\"id\": \"2\", \"method\": \"POST\", \"url\": \"/solutions/bookingBusinesses\","
                + " \"headers\": {\"Content-Type\": \"application/json\"}, \"body\": {\"displayName\": \"Not mine\"}}]}";
        String crid = UUID.randomUUID().toString();
        Http.Reply first = post(api.uri("v1.0/$batch"), writer, batch, "client-request-id", crid);
        Http.Reply retry = post(api.uri("v1.0/$batch"), writer, batch, "client-request-id", crid, "Retry-Attempt", "1");
        assertEquals(200, first.status(), first::toString);
        assertEquals(200, retry.status(), retry::toString);
        assertNull(retry.header("Idempotent-Replayed"), "the batch ran again: its answer was not stored");
        JsonObject created = first.json().getJsonArray("responses").getJsonObject(0);
        JsonObject again = retry.json().getJsonArray("responses").getJsonObject(0);
        assertEquals(201, created.getInt("status"), first::toString);
        assertEquals(403, first.json().getJsonArray("responses").getJsonObject(1).getInt("status"), first::toString);
        assertEquals(201, again.getInt("status"), retry::toString);
        assertEquals(created.getJsonObject("body").getString("id"), again.getJsonObject("body").getString("id"));
        assertEquals(1, count(api, Api.encode(business) + "/customers"));
    }

    /**
     * Tries of one PATCH with {@code If-Match} that run at the same time (retries after a balancer's 504 while the
     * first still runs) wait for each other on the appointment's row: one changes it, each other gets its answer
     * (or 409 with {@code Retry-After} while it still runs), never 412 for their own change.
     */
    @Test
    void concurrentRepeatsOfAPatchWithIfMatchGetTheFirstAnswer() throws Exception {
        Api api = new Api(base);
        String business = api.business();
        String appointment = api.appointment(business);
        URI item = api.item(Api.V1, business, "appointments", appointment);
        String etag = Http.get(item, api.manager).header("ETag");
        String crid = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            java.util.List<Future<Http.Reply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String attempt = Integer.toString(i + 1);
                replies.add(pool.submit(() -> Http.send("PATCH", item, api.manager, "application/json",
                        "{\"serviceNotes\": \"once\"}", "If-Match", etag, "client-request-id", crid, "Retry-Attempt", attempt)));
            }
            int succeeded = 0;
            for (Future<Http.Reply> future : replies) {
                Http.Reply reply = future.get();
                assertTrue(reply.status() == 204 || reply.status() == 409 && "1".equals(reply.header("Retry-After")),
                        reply::toString);
                succeeded += reply.status() == 204 ? 1 : 0;
            }
            assertTrue(succeeded >= 1);
        } finally {
            pool.shutdownNow();
        }
        String after = Http.get(item, api.manager).header("ETag");
        assertEquals(version(etag) + 1, version(after), "changed once: " + etag + " then " + after);
    }

    /** The version in an entity tag {@code W/"<pk>.<version>"} (hexadecimal). */
    private static long version(String etag) {
        return Long.parseLong(etag.substring(etag.indexOf('.') + 1, etag.length() - 1), 16);
    }

    @Test
    void aBatchRequestsOwnIdempotencyKeyIsHonoured() {
        Api api = new Api(base);
        String business = api.business();
        String key = UUID.randomUUID().toString();
        String step = "{\"id\": \"1\", \"method\": \"POST\", \"url\": \"/solutions/bookingBusinesses/"
                + Api.encode(business) + "/customers\", \"headers\": {\"Content-Type\": \"application/json\","
                + " \"Idempotency-Key\": \"\\\"" + key + "\\\"\"}, \"body\": {\"displayName\": \"Jordan\","
                + " \"emailAddress\": \"jordan@contoso.example\"}}";
        Http.Reply first = post(api.uri("v1.0/$batch"), api.manager, "{\"requests\": [" + step + "]}");
        Http.Reply second = post(api.uri("v1.0/$batch"), api.manager, "{\"requests\": [" + step + "]}");
        JsonObject one = first.json().getJsonArray("responses").getJsonObject(0);
        JsonObject two = second.json().getJsonArray("responses").getJsonObject(0);
        assertEquals(201, one.getInt("status"), first::toString);
        assertEquals(201, two.getInt("status"), second::toString);
        assertEquals(one.getJsonObject("body").getString("id"), two.getJsonObject("body").getString("id"));
        assertEquals(1, count(api, Api.encode(business) + "/customers"));
    }
}
