package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input on every write operation: a clear 4xx in Graph's error shape, never a 500, never a stack trace,
 * and nothing changed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputHttpIT {

    @ArquillianResource
    URL base;

    static final String BIG = "\"" + "x".repeat(20_000) + "\"";

    static final List<String> BODIES = List.of(
            "", "   ", "null", "[]", "\"text\"", "42", "{", "{\"a\":}", "{\"a\": 1,}", "{'single': 'quotes'}",
            "{\"displayName\": 5}", "{\"displayName\": null}", "{\"displayName\": \"\"}", "{\"displayName\": " + BIG + "}",
            "{\"startDateTime\": 5}", "{\"startDateTime\": {\"dateTime\": \"2030-13-45T99:00:00\"}}",
            "{\"startDateTime\": {\"dateTime\": \"2030-01-01T10:00:00\", \"timeZone\": \"Mars/Base\"},"
                    + " \"endDateTime\": {\"dateTime\": \"2030-01-01T11:00:00\"}}",
            "{\"start\": {\"dateTime\": \"+999999999-01-01T00:00:00\"}, \"end\": {\"dateTime\": \"2030-01-01T11:00:00\"}}",
            "{\"customers\": \"nobody\"}", "{\"customers\": [1, 2]}", "{\"customers\": [{\"emailAddress\": \"a@b.example\\r\\nBcc: x@y.example\"}]}",
            "{\"staffMemberIds\": \"one\"}", "{\"staffMemberIds\": [1]}", "{\"price\": \"free\"}", "{\"price\": 1e999}",
            "{\"maximumAttendeesCount\": 1.5}", "{\"maximumAttendeesCount\": 99999999999999999999}", "{\"priceType\": \"gratis\"}",
            "{\"preBuffer\": \"soon\"}", "{\"preBuffer\": \"-PT5M\"}", "{\"isLocationOnline\": \"yes\"}",
            "{\"serviceLocation\": [1]}", "{\"serviceLocation\": {\"displayName\": " + BIG + "}}", "{\"reminders\": {}}",
            "{\"emailAddress\": \"not an address\"}", "{\"role\": \"boss\"}", "{\"schedulingPolicy\": \"strict\"}",
            "{\"schedulingPolicy\": {\"minimumLeadTime\": \"tomorrow\"}}", "{\"address\": {\"street\": " + BIG + "}}",
            "{\"phones\": [" + BIG + "]}", "{\"workingHours\": [" + BIG + "]}", "{\"cancellationMessage\": {\"nested\": true}}",
            "{\"cancellationMessage\": [\"a\"]}", "{\"displayName\": \"nul\\u0000byte\"}", "{\"staffMemberIds\": [\"a\\u0000\"]}",
            "{\"address\": {\"street\": \"\\u0000\"}}", "[{\"cancellationMessage\": \"x\"}]",
            "\uFEFF{\"cancellationMessage\": \"BOM\"}", "{\"a\": " + "[".repeat(5000) + "]".repeat(5000) + "}");

    @Test
    void everyWriteOperationAnswersBadInputWith4xxInGraphsShape() {
        Api api = new Api(base);
        String business = api.business();
        String b = Api.V1 + "/" + Api.encode(business);
        String staff = api.create(Api.encode(business) + "/staffMembers",
                "{\"displayName\": \"Dana\", \"emailAddress\": \"dana@contoso.example\", \"role\": \"teamMember\"}");
        String service = api.create(Api.encode(business) + "/services", "{\"displayName\": \"Cut\"}");
        String customer = api.create(Api.encode(business) + "/customers", "{\"displayName\": \"Pat\"}");
        String appointment = api.appointment(business, Duration.ofDays(2), Duration.ofHours(1));
        String toCancel = api.appointment(business, Duration.ofDays(3), Duration.ofHours(1));
        String before = Http.get(api.item(Api.V1, business, "appointments", appointment), api.manager).body();

        Map<String, String> writes = new LinkedHashMap<>();
        writes.put("POST " + Api.V1, "");
        writes.put("PATCH " + b, "");
        writes.put("POST " + b + "/appointments", "");
        writes.put("PATCH " + b + "/appointments/" + appointment, "");
        writes.put("PATCH " + b + "/calendarView/" + appointment, "");
        writes.put("POST " + b + "/appointments/" + toCancel + "/cancel", "cancel");
        writes.put("POST " + b + "/staffMembers", "");
        writes.put("PATCH " + b + "/staffMembers/" + staff, "");
        writes.put("POST " + b + "/services", "");
        writes.put("PATCH " + b + "/services/" + service, "");
        writes.put("POST " + b + "/customers", "");
        writes.put("PATCH " + b + "/customers/" + customer, "");

        int checked = 0;
        for (var write : writes.entrySet()) {
            String[] parts = write.getKey().split(" ", 2);
            URI uri = api.uri(parts[1]);
            for (String body : BODIES) {
                Http.Reply reply = Http.send(parts[0], uri, api.manager, "application/json", body);
                String what = write.getKey() + " with " + (body.length() > 80 ? body.substring(0, 80) + "…" : body);
                assertTrue(reply.status() < 500, () -> what + ": " + reply.status() + " " + reply.body());
                if (reply.status() >= 400) {
                    var error = reply.json().getJsonObject("error");
                    assertNotNull(error.getString("code"), what);
                    assertNotNull(error.getJsonObject("innerError").getString("request-id"), what);
                    assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "), what);
                    checked++;
                }
            }
        }
        assertTrue(checked > writes.size() * 10, "most bad bodies were refused: " + checked);

        for (String id : new String[] {"%00", "a%0Ab", "%7F", "x".repeat(400)}) {
            // the HTTP listener itself refuses an encoded NUL with a bare 400, before the application sees it
            Http.Reply reply = Http.get(api.uri(b + "/appointments/" + id), api.manager);
            assertTrue(reply.status() == 404 || reply.status() == 400, () -> id + ": " + reply);
            Http.Reply businessReply = Http.get(api.uri(Api.V1 + "/" + id), api.manager);
            assertTrue(businessReply.status() == 404 || businessReply.status() == 400, () -> id + ": " + businessReply);
        }

        assertEquals(unstamped(before), unstamped(Http.get(api.item(Api.V1, business, "appointments", appointment),
                api.manager).body()), "no rejected or ignored PATCH changed the appointment");
    }

    /** The entity without what an accepted PATCH changes even when it sets nothing: its timestamp and tag. */
    static String unstamped(String json) {
        return jakarta.json.Json.createObjectBuilder(jakarta.json.Json.createReader(new java.io.StringReader(json))
                .readObject()).remove("lastUpdatedDateTime").remove("@odata.etag").build().toString();
    }
}
