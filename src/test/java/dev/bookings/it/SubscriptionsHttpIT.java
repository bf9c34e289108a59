package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.security.Scopes;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Subscriptions and webhooks over HTTP, with a receiver on 127.0.0.1 (the suite allows {@code http://127.0.0.1:}
 * as a prefix, retries every second and removes a subscription failing for 6 s).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SubscriptionsHttpIT {

    @ArquillianResource
    URL base;

    static String in(Duration duration) {
        return OffsetDateTime.now(ZoneOffset.UTC).plus(duration).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String body(String resource, String changeType, String url, String lifecycleUrl, String expiration) {
        return "{\"resource\": \"" + resource + "\", \"changeType\": \"" + changeType + "\", \"notificationUrl\": \"" + url
                + "\"" + (lifecycleUrl == null ? "" : ", \"lifecycleNotificationUrl\": \"" + lifecycleUrl + "\"")
                + ", \"clientState\": \"secret-42\", \"expirationDateTime\": \"" + expiration + "\"}";
    }

    static String resource(String business) {
        return "solutions/bookingBusinesses/" + Api.encode(business) + "/appointments";
    }

    Http.Reply subscribe(Api api, String token, String body) {
        return Http.postJson(api.uri("v1.0/subscriptions"), token, body);
    }

    @Test
    void createdUpdatedCancelledAndDeletedReachTheReceiverWithClientState() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Api api = new Api(base);
            String business = api.business();
            String reader = TestTokens.delegated(api.tenant, Scopes.BOOKINGS_READ_ALL);
            Http.Reply created = subscribe(api, reader, body(resource(business), "created,updated,deleted",
                    receiver.url("/hook"), null, in(Duration.ofHours(1))));
            assertEquals(201, created.status(), created::toString);
            JsonObject subscription = created.json();
            assertEquals("created,updated,deleted", subscription.getString("changeType"));
            assertEquals("secret-42", subscription.getString("clientState"));
            assertEquals(1, receiver.validations.get(), "validated once before it was stored");
            String id = subscription.getString("id");

            String appointment = api.appointment(business);
            URI item = api.item(Api.V1, business, "appointments", appointment);
            assertEquals(204, Http.send("PATCH", item, api.manager, "application/json", "{\"serviceNotes\": \"x\"}").status());
            String second = api.appointment(business);
            assertEquals(204, Http.postJson(api.cancel(Api.V1, business, "appointments", appointment), api.manager, "{}").status());
            assertEquals(204, Http.send("DELETE", api.item(Api.V1, business, "appointments", second), api.manager, null, null)
                    .status());

            List<JsonObject> received = receiver.await("/hook", n -> true, 5);
            assertEquals(5, received.size(), received::toString);
            Map<String, List<String>> byAppointment = received.stream().collect(Collectors.groupingBy(
                    n -> n.getJsonObject("resourceData").getString("id"), Collectors.mapping(n -> n.getString("changeType")
                            + (n.getJsonObject("resourceData").containsKey("isCancelled") ? "+cancelled" : ""),
                            Collectors.toList())));
            assertTrue(byAppointment.get(appointment).containsAll(List.of("created", "updated", "updated+cancelled")),
                    byAppointment::toString);
            assertTrue(byAppointment.get(second).containsAll(List.of("created", "deleted")), byAppointment::toString);
            JsonObject one = received.get(0);
            assertEquals(id, one.getString("subscriptionId"));
            assertEquals("secret-42", one.getString("clientState"));
            assertEquals(api.tenant, one.getString("tenantId"));
            assertTrue(one.getString("resource").startsWith("solutions/bookingBusinesses/"), one::toString);
            assertEquals("#microsoft.graph.bookingAppointment", one.getJsonObject("resourceData").getString("@odata.type"));
            assertTrue(one.containsKey("subscriptionExpirationDateTime"));
            assertEquals(5, received.stream().map(n -> n.getString("id")).distinct().count(), "each once");

            Http.Reply health = Http.get(URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort()
                    + "/health/ready"), null);
            assertTrue(health.body().contains("webhook.sent"), health::toString);
            assertFalse(health.body().contains("127.0.0.1"), "no URLs on the open health endpoint");
        }
    }

    @Test
    void theHandshakeMustSucceedAndOnlyAllowedUrlsAreCalled() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Api api = new Api(base);
            String business = api.business();
            receiver.validation = WebhookReceiver.Validation.WRONG_TOKEN;
            assertCode(subscribe(api, api.manager, body(resource(business), "created", receiver.url("/hook"), null,
                    in(Duration.ofHours(1)))), 400, "subscriptionValidationFailed");
            receiver.validation = WebhookReceiver.Validation.SLOW;
            assertCode(subscribe(api, api.manager, body(resource(business), "created", receiver.url("/hook"), null,
                    in(Duration.ofHours(1)))), 400, "subscriptionValidationFailed");
            receiver.validation = WebhookReceiver.Validation.ECHO;
            assertCode(subscribe(api, api.manager, body(resource(business), "created", receiver.url("/hook"),
                    "http://127.0.0.1:9/nothing-listens", in(Duration.ofHours(1)))), 400, "subscriptionValidationFailed");
            assertEquals(0, Http.get(api.uri("v1.0/subscriptions"), api.manager).json().getJsonArray("value").size(),
                    "nothing stored");

            int calls = receiver.validations.get();
            for (String refused : new String[] {"https://hooks.example/x", "http://localhost:1/x", "ftp://127.0.0.1:1/x"}) {
                assertCode(subscribe(api, api.manager, body(resource(business), "created", refused, null,
                        in(Duration.ofHours(1)))), 400, "invalidRequest");
            }
            assertCode(subscribe(api, api.manager, body(resource(business), "created", receiver.url("/hook"),
                    "https://hooks.example/lifecycle", in(Duration.ofHours(1)))), 400, "invalidRequest");
            assertEquals(calls, receiver.validations.get(), "a refused URL is never called");

            assertCode(subscribe(api, api.manager, body(resource(business), "created", receiver.url("/h"), null,
                    in(Duration.ofDays(4)))), 400, "invalidRequest");
            assertCode(subscribe(api, api.manager, body(resource(business), "created", receiver.url("/h"), null,
                    in(Duration.ofHours(-1)))), 400, "invalidRequest");
            assertCode(subscribe(api, api.manager, body(resource(business), "created,moved", receiver.url("/h"), null,
                    in(Duration.ofHours(1)))), 400, "invalidRequest");
            assertCode(subscribe(api, api.manager, body("me/events", "created", receiver.url("/h"), null,
                    in(Duration.ofHours(1)))), 400, "invalidRequest");
            assertCode(subscribe(api, api.manager, body(resource(business), "created", receiver.url("/h"), null,
                    in(Duration.ofHours(1))).replace("secret-42", "x".repeat(129))), 400, "invalidRequest");
            for (int i = 0; i < 5; i++) {
                assertEquals(201, subscribe(api, api.manager, body(resource(business), "created", receiver.url("/h" + i), null,
                        in(Duration.ofHours(1)))).status());
            }
            assertCode(subscribe(api, api.manager, body(resource(business), "created", receiver.url("/h6"), null,
                    in(Duration.ofHours(1)))), 403, "subscriptionLimitReached");
        }
    }

    @Test
    void subscriptionsBelongToTheirTenant() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Api api = new Api(base);
            String business = api.business();
            String id = subscribe(api, api.manager, body(resource(business), "created", receiver.url("/mine"), null,
                    in(Duration.ofHours(1)))).json().getString("id");
            String otherApp = TestTokens.application(api.tenant, Scopes.BOOKINGS_MANAGE_ALL);
            assertEquals(404, Http.get(api.uri("v1.0/subscriptions/" + id), otherApp).status(),
                    "another application of the same tenant does not see it (its clientState is a secret)");
            assertEquals(0, Http.get(api.uri("v1.0/subscriptions"), otherApp).json().getJsonArray("value").size());
            assertEquals(404, Http.send("PATCH", api.uri("v1.0/subscriptions/" + id), otherApp, "application/json",
                    "{\"notificationUrl\": \"" + receiver.url("/stolen") + "\"}").status());
            Api other = new Api(base);
            assertEquals(404, Http.get(other.uri("v1.0/subscriptions/" + id), other.manager).status());
            assertEquals(404, Http.send("DELETE", other.uri("v1.0/subscriptions/" + id), other.manager, null, null).status());
            assertEquals(0, Http.get(other.uri("v1.0/subscriptions"), other.manager).json().getJsonArray("value").size());
            assertEquals(404, subscribe(other, other.manager, body(resource(business), "created", receiver.url("/theirs"), null,
                    in(Duration.ofHours(1)))).status(), "another tenant's business cannot be watched");
            String otherBusiness = other.business();
            other.appointment(otherBusiness);
            api.appointment(business);
            assertEquals(1, receiver.await("/mine", n -> true, 1).size());
            WebhookReceiver.sleep(Duration.ofSeconds(2));
            assertEquals(1, receiver.notifications.size(), "nothing of the other tenant's");
            assertEquals(api.tenant, receiver.notifications.get(0).getString("tenantId"));
            assertEquals(200, Http.get(api.uri("beta/subscriptions/" + id), api.manager).status());
            assertEquals(204, Http.send("DELETE", api.uri("v1.0/subscriptions/" + id), api.manager, null, null).status());
            assertEquals(404, Http.get(api.uri("v1.0/subscriptions/" + id), api.manager).status());
        }
    }

    @Test
    void aReceiverDownThenUpGetsEverythingAndOneFailingTooLongIsRemoved() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Api api = new Api(base);
            String business = api.business();
            assertEquals(201, subscribe(api, api.manager, body(resource(business), "created", receiver.url("/flaky"), null,
                    in(Duration.ofHours(1)))).status());
            receiver.status.set(503);
            String first = api.appointment(business);
            String second = api.appointment(business);
            WebhookReceiver.sleep(Duration.ofSeconds(2));
            assertTrue(receiver.notifications.isEmpty());
            receiver.status.set(200);
            List<JsonObject> received = receiver.await("/flaky", n -> true, 2);
            assertEquals(List.of(first, second), received.stream().map(n -> n.getJsonObject("resourceData").getString("id"))
                    .sorted((a, b) -> a.equals(first) ? -1 : 1).toList(), "delivered once it is up, nothing lost");

            receiver.status.set(500);
            String id = subscribe(api, api.manager, body(resource(business), "created", receiver.url("/dead"),
                    receiver.url("/lifecycle"), in(Duration.ofHours(1)))).json().getString("id");
            api.appointment(business);
            receiver.status.set(500);
            long until = System.nanoTime() + Duration.ofSeconds(25).toNanos();
            while (Http.get(api.uri("v1.0/subscriptions/" + id), api.manager).status() == 200 && System.nanoTime() < until) {
                WebhookReceiver.sleep(Duration.ofMillis(500));
            }
            assertEquals(404, Http.get(api.uri("v1.0/subscriptions/" + id), api.manager).status(), "removed after failing");
            receiver.status.set(202);
            List<JsonObject> lifecycle = receiver.await("/lifecycle", n -> true, 1);
            assertEquals("subscriptionRemoved", lifecycle.get(0).getString("lifecycleEvent"));
            assertEquals(id, lifecycle.get(0).getString("subscriptionId"));
        }
    }

    @Test
    void expiredSubscriptionsReceiveNothingAndRenewalKeepsThemAlive() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Api api = new Api(base);
            String business = api.business();
            assertEquals(201, subscribe(api, api.manager, body(resource(business), "created", receiver.url("/short"), null,
                    in(Duration.ofSeconds(4)))).status());
            String renewed = subscribe(api, api.manager, body(resource(business), "created", receiver.url("/renewed"), null,
                    in(Duration.ofSeconds(4)))).json().getString("id");
            String later = in(Duration.ofHours(2));
            Http.Reply patched = Http.send("PATCH", api.uri("v1.0/subscriptions/" + renewed), api.manager, "application/json",
                    "{\"expirationDateTime\": \"" + later + "\"}");
            assertEquals(200, patched.status(), patched::toString);
            assertEquals(OffsetDateTime.parse(later).toInstant(), OffsetDateTime.parse(patched.json().getString(
                    "expirationDateTime")).toInstant());
            assertCode(Http.send("PATCH", api.uri("v1.0/subscriptions/" + renewed), api.manager, "application/json",
                    "{\"expirationDateTime\": \"" + in(Duration.ofDays(5)) + "\"}"), 400, "invalidRequest");
            WebhookReceiver.sleep(Duration.ofSeconds(5));
            api.appointment(business);
            assertEquals(1, receiver.await("/renewed", n -> true, 1).size());
            WebhookReceiver.sleep(Duration.ofSeconds(2));
            assertTrue(receiver.await("/short", n -> true, 0).isEmpty(), "expired: nothing sent");
        }
    }

    static void assertCode(Http.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(code, reply.json().getJsonObject("error").getString("code"), reply::toString);
    }
}
