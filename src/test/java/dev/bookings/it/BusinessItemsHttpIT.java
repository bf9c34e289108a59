package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.security.Scopes;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** services, staffMembers and customers of a business: the same life for each, Graph's rules for each. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BusinessItemsHttpIT {

    @ArquillianResource
    URL base;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "services|{\"displayName\": \"Haircut\", \"defaultDuration\": \"PT30M\"}|displayName|{\"notes\": \"x\"}|{\"defaultDuration\": \"soon\"}|",
        "staffMembers|{\"displayName\": \"Dana\", \"emailAddress\": \"dana@contoso.example\", \"role\": \"teamMember\"}|role|{\"timeZone\": \"UTC\"}|{\"role\": \"boss\"}|#microsoft.graph.bookingStaffMember",
        "customers|{\"displayName\": \"Jordan\", \"emailAddress\": \"jordan@contoso.example\"}|displayName|{\"phones\": []}|{\"emailAddress\": \"not an address\"}|#microsoft.graph.bookingCustomer"})
    void createListGetPatchDelete(String collection, String body, String required, String patch, String invalidPatch, String type) {
        Api api = new Api(base);
        String business = api.business();
        String path = Api.V1 + "/" + Api.encode(business) + "/" + collection;
        String id = api.create(Api.encode(business) + "/" + collection, body);

        JsonObject list = Http.get(api.uri(path), TestTokens.delegated(api.tenant, Scopes.BOOKINGS_READ_ALL)).json();
        assertEquals(1, list.getJsonArray("value").size());
        JsonObject element = list.getJsonArray("value").getJsonObject(0);
        assertEquals(id, element.getString("id"));
        if (type != null) {
            assertEquals(type, element.getString("@odata.type"));
        }
        URI item = api.uri(path + "/" + id);
        JsonObject before = Http.get(item, api.manager).json();
        assertTrue(before.getString("@odata.context").endsWith(collection + "/$entity"), before::toString);

        assertEquals(204, Http.send("PATCH", item, api.manager, "application/json", patch).status());
        JsonObject after = Http.get(item, api.manager).json();
        assertEquals(before.getString("displayName"), after.getString("displayName"), "PATCH keeps what it does not send");
        Http.Reply invalid = Http.send("PATCH", item, api.manager, "application/json", invalidPatch);
        assertEquals(400, invalid.status(), invalid::toString);

        var incomplete = jakarta.json.Json.createObjectBuilder(Http.get(item, api.manager).json()).remove(required)
                .remove("id").remove("@odata.context").build().toString();
        Http.Reply missing = Http.postJson(api.uri(path), api.manager, incomplete);
        assertEquals(400, missing.status(), missing::toString);
        assertTrue(missing.json().getJsonObject("error").getString("message").contains(required), missing::toString);

        Api other = new Api(base);
        assertEquals(404, Http.get(other.uri(path + "/" + id), other.manager).status());
        assertEquals(404, Http.send("DELETE", other.uri(path + "/" + id), other.manager, null, null).status());

        assertEquals(403, Http.send("DELETE", item, TestTokens.delegated(api.tenant, Scopes.BOOKINGS_READ_ALL), null, null).status());
        assertEquals(204, Http.send("DELETE", item, api.manager, null, null).status());
        assertEquals(404, Http.get(item, api.manager).status());
    }

    @Test
    void appointmentServiceIdMustNameAServiceWhoseNameFillsIn() {
        Api api = new Api(base);
        String business = api.business();
        String service = api.create(Api.encode(business) + "/services", "{\"displayName\": \"Beard trim\", \"defaultDuration\": \"PT45M\"}");
        String appointment = api.create(Api.encode(business) + "/appointments", "{" + Api.times(Duration.ofDays(2)) + ","
                + " \"serviceId\": \"" + service + "\"}");
        JsonObject json = Http.get(api.item(Api.V1, business, "appointments", appointment), api.manager).json();
        assertEquals("Beard trim", json.getString("serviceName"));
        assertEquals(service, json.getString("serviceId"));

        String startOnly = api.create(Api.encode(business) + "/appointments", "{\"serviceId\": \"" + service + "\","
                + " \"startDateTime\": {\"dateTime\": \"2030-01-01T10:00:00\", \"timeZone\": \"UTC\"}}");
        JsonObject filled = Http.get(api.item(Api.V1, business, "appointments", startOnly), api.manager).json();
        assertEquals("PT45M", filled.getString("duration"), "the service's defaultDuration gives the end");
        assertEquals("2030-01-01T10:45:00.0000000Z", filled.getJsonObject("endDateTime").getString("dateTime"));
        Http.Reply noEnd = Http.postJson(api.uri(Api.V1 + "/" + Api.encode(business) + "/appointments"), api.manager,
                "{\"startDateTime\": {\"dateTime\": \"2030-01-01T10:00:00\", \"timeZone\": \"UTC\"}}");
        assertEquals(400, noEnd.status(), noEnd::toString);
        assertTrue(noEnd.json().getJsonObject("error").getString("message").contains("endDateTime"));

        Http.Reply unknown = Http.postJson(api.uri(Api.V1 + "/" + Api.encode(business) + "/appointments"), api.manager,
                "{" + Api.times(Duration.ofDays(2)) + ", \"serviceId\": \"nope\"}");
        assertEquals(404, unknown.status(), unknown::toString);
        Http.Reply unknownStaff = Http.postJson(api.uri(Api.V1 + "/" + Api.encode(business) + "/appointments"), api.manager,
                "{" + Api.times(Duration.ofDays(2)) + ", \"staffMemberIds\": [\"nobody\"]}");
        assertEquals(404, unknownStaff.status(), unknownStaff::toString);
    }
}
