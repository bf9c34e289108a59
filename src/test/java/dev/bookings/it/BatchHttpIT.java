package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.security.Scopes;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** JSON batching over HTTP: Graph's rules for the batch as a whole, and each request run as if sent alone. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BatchHttpIT {

    @ArquillianResource
    URL base;

    static JsonObject step(String id, String method, String url) {
        return Json.createObjectBuilder().add("id", id).add("method", method).add("url", url).build();
    }

    static JsonObject step(String id, String method, String url, JsonObject body, String... dependsOn) {
        var step = Json.createObjectBuilder(step(id, method, url));
        if (body != null) {
            step.add("headers", Json.createObjectBuilder().add("Content-Type", "application/json")).add("body", body);
        }
        if (dependsOn.length > 0) {
            step.add("dependsOn", Json.createArrayBuilder(List.of(dependsOn)));
        }
        return step.build();
    }

    Http.Reply batch(Api api, String root, String token, JsonObject... steps) {
        JsonArrayBuilder requests = Json.createArrayBuilder();
        for (JsonObject step : steps) {
            requests.add(step);
        }
        return Http.postJson(api.uri(root + "/$batch"), token,
                Json.createObjectBuilder().add("requests", requests).build().toString());
    }

    static Map<String, JsonObject> byId(Http.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("responses").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(r -> r.getString("id"), r -> r));
    }

    @Test
    void requestsRunInDependencyOrderEachAsIfSentAlone() {
        Api api = new Api(base);
        String business = Api.encode(api.business());
        String appointments = "/solutions/bookingBusinesses/" + business + "/appointments";
        JsonObject appointment = Json.createReader(new java.io.StringReader("{" + Api.times(Duration.ofDays(3))
                + ", \"serviceName\": \"Batch cut\"}")).readObject();
        Map<String, JsonObject> answers = byId(batch(api, "v1.0", api.manager,
                step("list", "GET", appointments + "?$select=serviceName", null, "create"),
                step("create", "POST", appointments, appointment),
                step("count", "GET", appointments + "/$count", null, "create"),
                step("business", "GET", "solutions/bookingBusinesses/" + business),
                step("stale", "PATCH", "/solutions/bookingBusinesses/" + business, Json.createObjectBuilder()
                        .add("phone", "1").build())));
        assertEquals(201, answers.get("create").getInt("status"), answers::toString);
        String created = answers.get("create").getJsonObject("body").getString("id");
        assertTrue(answers.get("create").getJsonObject("headers").getString("Location")
                .startsWith(base.toString().replaceAll("/$", "")), () -> "links use the client's base: " + answers);
        JsonObject list = answers.get("list").getJsonObject("body");
        assertEquals(200, answers.get("list").getInt("status"));
        assertEquals(created, list.getJsonArray("value").getJsonObject(0).getString("id"), "ran after what it depends on");
        assertEquals("1", answers.get("count").getString("body"), "a text/plain answer is a JSON string");
        assertEquals(200, answers.get("business").getInt("status"), "a url without its leading slash");
        assertEquals(204, answers.get("stale").getInt("status"));
        assertEquals("1", Http.get(api.uri(Api.V1 + "/" + business), api.manager).json().getString("phone"),
                "each request committed by itself");

        Map<String, JsonObject> beta = byId(batch(api, "beta", api.manager,
                step("one", "GET", "/bookingBusinesses/" + business + "/appointments/" + created + "?$select=start")));
        assertTrue(beta.get("one").getJsonObject("body").containsKey("start"), "beta's names under /beta/$batch");
    }

    @Test
    void aFailedDependencyIs424AndItsDependentsAreNotSent() {
        Api api = new Api(base);
        String business = api.business();
        String appointment = api.appointment(business);
        String item = "/solutions/bookingBusinesses/" + Api.encode(business) + "/appointments/";
        Map<String, JsonObject> answers = byId(batch(api, "v1.0", api.manager,
                step("missing", "GET", item + "no-such-appointment"),
                step("delete", "DELETE", item + appointment, null, "missing"),
                step("after", "GET", item + appointment, null, "delete")));
        assertEquals(404, answers.get("missing").getInt("status"));
        assertEquals("itemNotFound", answers.get("missing").getJsonObject("body").getJsonObject("error").getString("code"));
        assertEquals(424, answers.get("delete").getInt("status"));
        assertEquals(424, answers.get("after").getInt("status"), "a dependency of a dependency failed");
        assertEquals(200, Http.get(api.item(Api.V1, business, "appointments", appointment), api.manager).status(),
                "the dependent DELETE was not sent");
    }

    @Test
    void eachRequestIsAuthorizedWithTheBatchsTokenAndTenant() {
        Api api = new Api(base);
        String business = api.business();
        String appointment = api.appointment(business);
        String item = "/solutions/bookingBusinesses/" + Api.encode(business) + "/appointments/" + appointment;
        String reader = TestTokens.delegated(api.tenant, Scopes.BOOKINGS_READ_ALL);
        Map<String, JsonObject> answers = byId(batch(api, "v1.0", reader,
                step("read", "GET", item),
                step("cancel", "POST", item + "/cancel", Json.createObjectBuilder().build())));
        assertEquals(200, answers.get("read").getInt("status"));
        assertEquals(403, answers.get("cancel").getInt("status"), "a read-only token cannot cancel inside a batch");
        assertEquals(200, Http.get(api.item(Api.V1, business, "appointments", appointment), api.manager).status());

        JsonObject withOwnAuthorization = Json.createObjectBuilder(step("cancel", "POST", item + "/cancel"))
                .add("headers", Json.createObjectBuilder().add("Content-Type", "application/json")
                        .add("Authorization", "Bearer " + api.manager))
                .add("body", Json.createObjectBuilder()).build();
        assertEquals(403, byId(batch(api, "v1.0", reader, withOwnAuthorization)).get("cancel").getInt("status"),
                "a step's own Authorization header is not used");

        Api stranger = new Api(base);
        assertEquals(404, byId(batch(stranger, "v1.0", stranger.manager, step("peek", "GET", item))).get("peek").getInt("status"),
                "another tenant's data stays invisible");
        assertEquals(401, batch(api, "v1.0", null, step("read", "GET", item)).status(), "the batch itself needs a token");
        Http.Reply forged = Http.send("GET", api.uri(Api.V1), api.manager, null, null,
                "X-Bookings-Loopback", "guess", "X-Bookings-Loopback-Base", "http://evil.example/");
        assertTrue(forged.json().getString("@odata.context").startsWith(base.toString().replaceAll("/$", "")), forged::toString);
    }

    @Test
    void malformedBatchesAre400AsAWhole() {
        Api api = new Api(base);
        String business = api.business();
        String url = "/solutions/bookingBusinesses/" + Api.encode(business);
        JsonObject[] tooMany = new JsonObject[21];
        for (int i = 0; i < tooMany.length; i++) {
            tooMany[i] = step(Integer.toString(i), "GET", url);
        }
        assertBatchInvalid(batch(api, "v1.0", api.manager, tooMany), "at most 20");
        assertBatchInvalid(batch(api, "v1.0", api.manager, step("1", "GET", url), step("1", "GET", url)), "'1'");
        assertBatchInvalid(batch(api, "v1.0", api.manager, Json.createObjectBuilder(step("1", "PATCH", url))
                .add("body", Json.createObjectBuilder().add("phone", "2")).build()), "Content-Type");
        assertBatchInvalid(batch(api, "v1.0", api.manager, step("1", "GET", url, null, "9")), "'9'");
        assertBatchInvalid(batch(api, "v1.0", api.manager, step("1", "GET", url, null, "2"), step("2", "GET", url, null, "1")),
                "cycle");
        assertBatchInvalid(batch(api, "v1.0", api.manager, step("1", "TRACE", url)), "TRACE");
        assertBatchInvalid(batch(api, "v1.0", api.manager, Json.createObjectBuilder(step("1", "GET", url))
                .add("headers", Json.createObjectBuilder().add("X-Price", "5 €")).build()), "X-Price");
        for (String bad : new String[] {"//evil.example/x", "/solutions/../../admin", "/solutions/%2e%2e/x", "/$batch",
                "/solutions/a#b", "/solutions/a\\b"}) {
            assertBatchInvalid(batch(api, "v1.0", api.manager, step("1", "GET", bad)), "'url'");
        }
        assertBatchInvalid(batch(api, "v1.0", api.manager, Json.createObjectBuilder().add("id", "1").add("url", url).build()),
                "method");
        assertBatchInvalid(Http.postJson(api.uri("v1.0/$batch"), api.manager, "{\"requests\": {}}"), "requests");
        assertEquals(200, Http.get(api.uri(Api.V1 + "/" + Api.encode(business)), api.manager).status());
        assertEquals(405, Http.get(api.uri("v1.0/$batch"), api.manager).status());
    }

    static void assertBatchInvalid(Http.Reply reply, String word) {
        assertEquals(400, reply.status(), reply::toString);
        JsonObject error = reply.json().getJsonObject("error");
        assertEquals("invalidRequest", error.getString("code"));
        assertTrue(error.getString("message").contains(word), () -> word + " in " + reply);
    }
}
