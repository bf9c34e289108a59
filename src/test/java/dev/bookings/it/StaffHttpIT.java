package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.security.Scopes;
import java.net.URL;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** staffMembers of a business: Graph's required fields, @odata.type on every element, tenant isolation. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StaffHttpIT {

    @ArquillianResource
    URL base;

    @Test
    void createListGetWithRequiredFieldsAndTypeAnnotations() {
        Api api = new Api(base);
        String business = api.business();
        String staff = Api.encode(business) + "/staffMembers";
        String id = api.create(staff, "{\"@odata.type\": \"#microsoft.graph.bookingStaffMember\", \"displayName\": \"Dana\","
                + " \"emailAddress\": \"dana@contoso.example\", \"role\": \"teamMember\", \"unknown\": 1}");

        Http.Reply list = Http.get(api.uri(Api.BETA + "/" + staff), TestTokens.delegated(api.tenant, Scopes.BOOKINGS_READ_ALL));
        assertEquals(200, list.status(), list::toString);
        var element = list.json().getJsonArray("value").getJsonObject(0);
        assertEquals("#microsoft.graph.bookingStaffMember", element.getString("@odata.type"));
        assertEquals(id, element.getString("id"));
        assertTrue(element.getBoolean("isEmailNotificationEnabled"), "notifications are on by default");

        Http.Reply one = Http.get(api.uri(Api.V1 + "/" + staff + "/" + id), api.manager);
        assertEquals(200, one.status(), one::toString);
        assertEquals("dana@contoso.example", one.json().getString("emailAddress"));

        for (String missing : new String[] {"displayName", "emailAddress", "role"}) {
            var body = jakarta.json.Json.createObjectBuilder().add("displayName", "Dana")
                    .add("emailAddress", "dana@contoso.example").add("role", "teamMember").remove(missing).build().toString();
            Http.Reply reply = Http.postJson(api.uri(Api.V1 + "/" + staff), api.manager, body);
            assertEquals(400, reply.status(), () -> missing + ": " + reply);
            assertTrue(reply.json().getJsonObject("error").getString("message").contains(missing), reply::toString);
        }
        Http.Reply badRole = Http.postJson(api.uri(Api.V1 + "/" + staff), api.manager,
                "{\"displayName\": \"D\", \"emailAddress\": \"d@contoso.example\", \"role\": \"boss\"}");
        assertEquals(400, badRole.status(), badRole::toString);

        String legacy = api.create(staff, "{\"displayName\": \"Lee\", \"emailAddress\": \"lee@contoso.example\","
                + " \"role\": \"member\"}");
        assertEquals("teamMember", Http.get(api.uri(Api.V1 + "/" + staff + "/" + legacy), api.manager).json().getString("role"),
                "the real service's 'member' is accepted and answered as the SDKs' teamMember");

        Api other = new Api(base);
        assertEquals(404, Http.get(other.uri(Api.V1 + "/" + staff + "/" + id), other.manager).status());
        assertEquals(404, Http.get(other.uri(Api.V1 + "/" + staff), other.manager).status());
    }
}
