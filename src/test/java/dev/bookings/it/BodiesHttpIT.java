package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A body means one thing, the thing a proxy or filter parsing the whole body would see: a charset other than UTF-8
 * is 415, bytes that are not UTF-8, an escaped lone surrogate and anything after the JSON value are 400, each in
 * Graph's shape and each creating nothing; UTF-8 in any spelling of its name is read as sent.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BodiesHttpIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @ArquillianResource
    URL base;

    @Test
    void aBodyIsUtf8JsonAndOneValueOrNothingChanges() throws Exception {
        Api api = new Api(base);
        String business = api.business();
        URI customers = api.uri(Api.V1 + "/" + Api.encode(business) + "/customers");
        String cafe = "{\"displayName\": \"café\", \"emailAddress\": \"cafe@example.com\"}";

        expect(415, "unsupportedMediaType", "UTF-8", post(api, customers, "application/json; charset=ISO-8859-1",
                cafe.getBytes(StandardCharsets.ISO_8859_1)));
        expect(415, "unsupportedMediaType", "UTF-8", post(api, customers, "application/json;charset=windows-1252",
                cafe.getBytes(StandardCharsets.ISO_8859_1)));
        expect(400, "invalidRequest", "UTF-8", post(api, customers, "application/json",
                cafe.getBytes(StandardCharsets.ISO_8859_1)));
        expect(400, "invalidRequest", "surrogate", post(api, customers, "application/json",
                "{\"displayName\": \"\\uD800\"}".getBytes(StandardCharsets.UTF_8)));
        expect(400, "invalidRequest", "more after", post(api, customers, "application/json",
                "{\"displayName\": \"first\"}{\"displayName\": \"second\"}".getBytes(StandardCharsets.UTF_8)));
        expect(400, "invalidRequest", "more after", post(api, customers, "application/json",
                "{\"displayName\": \"first\"} garbage".getBytes(StandardCharsets.UTF_8)));
        Http.Reply none = Http.get(api.uri(Api.V1 + "/" + Api.encode(business) + "/customers/$count"), api.manager);
        assertEquals("0", none.body(), "nothing was created");

        HttpResponse<String> created = post(api, customers, "application/json; charset=\"UTF-8\"",
                cafe.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"displayName\":\"café\""), created.body());
    }

    @Test
    void valuesThatMeanNothingAre400AndPreconditionsFollowRfc9110() {
        Api api = new Api(base);
        String business = api.business();
        String path = Api.V1 + "/" + Api.encode(business);
        String when = Api.times(java.time.Duration.ofDays(3));
        for (String price : List.of("-5", "9223372036854775808", "1e300")) {
            Http.Reply reply = Http.postJson(api.uri(path + "/appointments"), api.manager,
                    "{" + when + ", \"price\": " + price + "}");
            assertEquals(400, reply.status(), price + ": " + reply);
            assertTrue(reply.body().contains("price"), reply::toString);
        }
        assertEquals(400, Http.postJson(api.uri(path + "/services"), api.manager,
                "{\"displayName\": \"Cut\", \"defaultPrice\": -1}").status());

        // a customerId names a customer of this business, not another tenant's
        Api other = new Api(base, java.util.UUID.randomUUID().toString());
        String theirs = other.create(Api.encode(other.business()) + "/customers",
                "{\"displayName\": \"Theirs\", \"emailAddress\": \"theirs@example.com\"}");
        String ours = api.create(Api.encode(business) + "/customers",
                "{\"displayName\": \"Ours\", \"emailAddress\": \"ours@example.com\"}");
        Http.Reply foreign = Http.postJson(api.uri(path + "/appointments"), api.manager,
                "{" + when + ", \"customers\": [{\"customerId\": \"" + theirs + "\", \"name\": \"X\"}]}");
        assertEquals(400, foreign.status(), foreign::toString);
        assertTrue(foreign.body().contains(theirs), foreign::toString);
        Http.Reply own = Http.postJson(api.uri(path + "/appointments"), api.manager,
                "{" + when + ", \"customers\": [{\"customerId\": \"" + ours + "\", \"name\": \"Ours\"}]}");
        assertEquals(201, own.status(), own::toString);

        // If-None-Match and If-Match lists
        URI item = api.uri(path + "/appointments/" + own.json().getString("id"));
        String tag = Http.get(item, api.manager).header("ETag");
        String patch = "{\"serviceNotes\": \"changed\"}";
        assertEquals(412, Http.send("PATCH", item, api.manager, "application/json", patch, "If-None-Match", "*").status(),
                "If-None-Match: * on an existing appointment");
        assertEquals(412, Http.send("PATCH", item, api.manager, "application/json", patch, "If-None-Match", tag).status());
        assertEquals(400, Http.send("PATCH", item, api.manager, "application/json", patch, "If-Match", "W/\"0.0\", *")
                .status(), "'*' with tags");
        assertEquals(400, Http.send("PATCH", item, api.manager, "application/json", patch, "If-Match", "0.0").status(),
                "an unquoted tag");
        assertEquals(tag, Http.get(item, api.manager).header("ETag"), "nothing changed so far");
        assertEquals(204, Http.send("PATCH", item, api.manager, "application/json", patch, "If-Match",
                "W/\"0.0\", " + tag, "If-None-Match", "W/\"0.0\"").status(), "the current tag in a list");
    }

    private static HttpResponse<String> post(Api api, URI uri, String contentType, byte[] body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + api.manager).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, String code, String word, HttpResponse<String> reply) {
        assertEquals(status, reply.statusCode(), reply.body());
        assertTrue(reply.body().startsWith("{\"error\":{\"code\":\"" + code + "\""), reply.body());
        assertTrue(reply.body().contains(word), reply.body());
    }
}
