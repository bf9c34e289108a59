package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The appointment lifecycle around cancel: lists with paging, calendarView, PATCH, DELETE; business operations. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LifecycleHttpIT {

    @ArquillianResource
    URL base;

    static List<String> ids(JsonObject page) {
        List<String> ids = new ArrayList<>();
        page.getJsonArray("value").forEach(v -> ids.add(v.asJsonObject().getString("id")));
        return ids;
    }

    @Test
    void listsArePagedWithNextLinksAndNeverTruncated() {
        Api api = new Api(base);
        String business = api.business();
        Set<String> booked = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            booked.add(api.appointment(business, Duration.ofDays(2 + i), Duration.ofHours(1)));
        }
        String cancelled = api.appointment(business);
        assertEquals(204, Http.postJson(api.cancel(Api.V1, business, "appointments", cancelled), api.manager, "{}").status());

        Set<String> seen = new HashSet<>();
        URI next = api.uri(Api.V1 + "/" + Api.encode(business) + "/appointments?$top=2");
        int pages = 0;
        while (next != null) {
            Http.Reply reply = Http.get(next, api.manager);
            assertEquals(200, reply.status(), reply::toString);
            JsonObject page = reply.json();
            assertTrue(page.getString("@odata.context").contains("$metadata#"), page::toString);
            List<String> ids = ids(page);
            assertTrue(ids.size() <= 2);
            ids.forEach(id -> assertTrue(seen.add(id), "no duplicates across pages"));
            next = page.containsKey("@odata.nextLink") ? URI.create(page.getString("@odata.nextLink")) : null;
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(booked, seen, "every booked appointment, the cancelled one absent");

        Http.Reply badToken = Http.get(api.uri(Api.V1 + "/" + Api.encode(business) + "/appointments?$skiptoken=xyz"), api.manager);
        assertEquals(400, badToken.status());
        Http.Reply badTop = Http.get(api.uri(Api.V1 + "/" + Api.encode(business) + "/appointments?$top=-1"), api.manager);
        assertEquals(400, badTop.status());
    }

    @Test
    void calendarViewFindsAppointmentsThatStartedLongBeforeTheWindow() {
        // calendarView searches from the window's start minus the business's longest appointment (V6): an
        // appointment booked long, or made longer by PATCH, is still found in every window it overlaps
        Api api = new Api(base);
        String business = api.business();
        String shortOne = api.appointment(business, Duration.ofDays(10), Duration.ofMinutes(30));
        String retreat = api.appointment(business, Duration.ofDays(2), Duration.ofDays(4));
        String view = Api.V1 + "/" + Api.encode(business) + "/calendarView";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String window = "?start=" + Api.encode(now.plusDays(5).toString()) + "&end="
                + Api.encode(now.plusDays(5).plusHours(1).toString());
        assertEquals(List.of(retreat), ids(Http.get(api.uri(view + window), api.manager).json()),
                "a four-day appointment that began three days before the window");

        OffsetDateTime shortStart = now.plusDays(10);
        Http.Reply longer = Http.send("PATCH", api.item(Api.V1, business, "appointments", shortOne), api.manager,
                "application/json", "{\"endDateTime\": {\"dateTime\": \"" + shortStart.plusDays(7).toLocalDateTime()
                        + "\", \"timeZone\": \"UTC\"}}");
        assertEquals(204, longer.status(), longer::toString);
        String later = "?start=" + Api.encode(now.plusDays(16).toString()) + "&end="
                + Api.encode(now.plusDays(16).plusHours(1).toString());
        assertEquals(List.of(shortOne), ids(Http.get(api.uri(view + later), api.manager).json()),
                "made seven days long by PATCH, it overlaps a window six days after its start");
        assertEquals("1", Http.get(api.uri(view + "/$count" + later), api.manager).body());
    }

    @Test
    void calendarViewListsOverlappingAppointmentsAndRejectsBadRanges() {
        Api api = new Api(base);
        String business = api.business();
        api.appointment(business, Duration.ofDays(1), Duration.ofHours(1));
        String inside = api.appointment(business, Duration.ofDays(3), Duration.ofHours(1));
        api.appointment(business, Duration.ofDays(5), Duration.ofHours(1));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String from = now.plusDays(2).toString();
        String to = now.plusDays(4).withOffsetSameInstant(ZoneOffset.ofHours(-8)).toString();
        String view = Api.V1 + "/" + Api.encode(business) + "/calendarView";

        Http.Reply reply = Http.get(api.uri(view + "?end=" + Api.encode(to) + "&start=" + Api.encode(from)), api.manager);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(List.of(inside), ids(reply.json()));
        Http.Reply alias = Http.get(api.uri(Api.BETA + "/" + Api.encode(business) + "/calendarView?startDateTime="
                + Api.encode(from) + "&endDateTime=" + Api.encode(to)), api.manager);
        assertEquals(List.of(inside), ids(alias.json()));
        assertTrue(alias.json().getJsonArray("value").getJsonObject(0).containsKey("start"), "beta names");

        Http.Reply missing = Http.get(api.uri(view + "?start=" + Api.encode(from)), api.manager);
        assertEquals(400, missing.status());
        assertEquals("calendarViewRangeRequired", missing.errorCode());
        Http.Reply reversed = Http.get(api.uri(view + "?start=" + Api.encode(to) + "&end=" + Api.encode(from)), api.manager);
        assertEquals(400, reversed.status());
        assertEquals("calendarViewRangeReversed", reversed.errorCode());
        Http.Reply invalid = Http.get(api.uri(view + "?start=tomorrow&end=" + Api.encode(to)), api.manager);
        assertEquals(400, invalid.status());
        assertEquals("invalidDateTime", invalid.errorCode());
        Http.Reply noOffset = Http.get(api.uri(view + "?start=2030-01-01T00:00:00&end=2030-01-02T00:00:00"), api.manager);
        assertEquals(400, noOffset.status());
    }

    @Test
    void patchChangesOnlyWhatIsSentAndKeepsServiceId() {
        Api api = new Api(base);
        String business = api.business();
        String service = api.create(Api.encode(business) + "/services", "{\"displayName\": \"Haircut\", \"defaultDuration\": \"PT1H\"}");
        String id = api.create(Api.encode(business) + "/appointments", "{" + Api.times(Duration.ofDays(2)) + ","
                + " \"serviceId\": \"" + service + "\", \"serviceNotes\": \"before\","
                + " \"customers\": [{\"name\": \"Jordan\", \"emailAddress\": \"jordan@contoso.example\"}]}");
        URI item = api.item(Api.V1, business, "appointments", id);
        JsonObject before = Http.get(item, api.manager).json();

        Http.Reply patched = Http.send("PATCH", item, api.manager, "application/json",
                "{\"serviceNotes\": \"after\", \"duration\": \"PT9H\", \"filledAttendeesCount\": 42, \"unknown\": true}");
        assertEquals(204, patched.status(), patched::toString);
        JsonObject after = Http.get(item, api.manager).json();
        assertEquals("after", after.getString("serviceNotes"));
        assertEquals(before.getJsonObject("startDateTime"), after.getJsonObject("startDateTime"));
        assertEquals(before.getJsonObject("endDateTime"), after.getJsonObject("endDateTime"));
        assertEquals("PT1H", after.getString("duration"));
        assertEquals(1, after.getInt("filledAttendeesCount"));
        assertEquals(before.getJsonArray("customers"), after.getJsonArray("customers"));
        assertEquals("Haircut", after.getString("serviceName"));
        assertNotEquals(before.getString("lastUpdatedDateTime"), after.getString("lastUpdatedDateTime"));

        OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusDays(10).truncatedTo(ChronoUnit.SECONDS);
        Http.Reply moved = Http.send("PATCH", api.item(Api.BETA, business, "calendarView", id), api.manager, "application/json",
                "{\"end\": {\"dateTime\": \"" + later.plusHours(2) + "\", \"timeZone\": \"UTC\"},"
                        + " \"start\": {\"dateTime\": \"" + later + "\", \"timeZone\": \"UTC\"}}");
        assertEquals(204, moved.status(), moved::toString);
        assertEquals("PT2H", Http.get(item, api.manager).json().getString("duration"));

        Http.Reply reversed = Http.send("PATCH", item, api.manager, "application/json",
                "{\"endDateTime\": {\"dateTime\": \"" + later.minusDays(1) + "\", \"timeZone\": \"UTC\"}}");
        assertEquals(400, reversed.status(), reversed::toString);
        Http.Reply serviceChange = Http.send("PATCH", item, api.manager, "application/json", "{\"serviceId\": \"svc-2\"}");
        assertEquals(400, serviceChange.status(), serviceChange::toString);
        assertTrue(serviceChange.json().getJsonObject("error").getString("message").contains("serviceId"));
        Http.Reply badType = Http.send("PATCH", item, api.manager, "application/json", "{\"price\": \"cheap\"}");
        assertEquals(400, badType.status());
        assertEquals("PT2H", Http.get(item, api.manager).json().getString("duration"), "rejected PATCHes change nothing");
    }

    @Test
    void deleteRemovesTheAppointmentAndItsCalendarEntries() throws Exception {
        Api api = new Api(base);
        String business = api.business();
        String customer = "deleted-" + System.nanoTime() + "@contoso.example";
        String id = api.create(Api.encode(business) + "/appointments", "{" + Api.times(Duration.ofDays(2)) + ","
                + " \"customers\": [{\"name\": \"Jordan\", \"emailAddress\": \"" + customer + "\"}]}");
        Http.Reply deleted = Http.send("DELETE", api.item(Api.V1, business, "calendarView", id), api.manager, null, null);
        assertEquals(204, deleted.status(), deleted::toString);
        assertEquals(404, Http.get(api.item(Api.V1, business, "appointments", id), api.manager).status());
        assertEquals(404, Http.send("DELETE", api.item(Api.V1, business, "appointments", id), api.manager, null, null).status());
        // the customer's calendar entry goes too: one cancellation (its iCalendar part is checked in
        // AppointmentMessagesHttpIT), and a repeated DELETE sends nothing more
        assertEquals(1, MailServer.awaitCancellations(Set.of(customer), 1, Duration.ofSeconds(20)).size());
        Thread.sleep(1500);
        assertEquals(1, MailServer.cancellations(Set.of(customer)).size());
    }

    @Test
    void businessesCanBeFilteredPatchedPublishedAndDeleted() {
        Api api = new Api(base);
        String cuts = api.business("Contoso Cuts", null);
        String lunch = api.business("Fourth Coffee", null);
        String root = Api.BETA_SOLUTIONS;

        JsonObject filtered = Http.get(api.uri(root + "?query=coffee"), api.manager).json();
        assertEquals(List.of(lunch), ids(filtered));

        Http.Reply patched = Http.send("PATCH", api.uri(root + "/" + Api.encode(cuts)), api.manager, "application/json",
                "{\"phone\": \"206-555-0100\", \"schedulingPolicy\": {\"minimumLeadTime\": \"PT2H\"}}");
        assertEquals(204, patched.status(), patched::toString);
        JsonObject business = Http.get(api.uri(root + "/" + Api.encode(cuts)), api.manager).json();
        assertEquals("206-555-0100", business.getString("phone"));
        assertEquals("Contoso Cuts", business.getString("displayName"));
        assertEquals("PT2H", business.getJsonObject("schedulingPolicy").getString("minimumLeadTime"));
        assertEquals(400, Http.send("PATCH", api.uri(root + "/" + Api.encode(cuts)), api.manager, "application/json",
                "{\"displayName\": null}").status());

        assertEquals(204, Http.postJson(api.uri(root + "/" + Api.encode(cuts) + "/publish"), api.manager, null).status());
        assertTrue(Http.get(api.uri(root + "/" + Api.encode(cuts)), api.manager).json().getBoolean("isPublished"));
        assertEquals(204, Http.postJson(api.uri(root + "/" + Api.encode(cuts) + "/unpublish"), api.manager, null).status());
        assertFalse(Http.get(api.uri(root + "/" + Api.encode(cuts)), api.manager).json().getBoolean("isPublished"));

        String appointment = api.appointment(cuts);
        assertEquals(204, Http.send("DELETE", api.uri(root + "/" + Api.encode(cuts)), api.manager, null, null).status());
        assertEquals(404, Http.get(api.uri(root + "/" + Api.encode(cuts)), api.manager).status());
        assertEquals(404, Http.get(api.item(Api.V1, cuts, "appointments", appointment), api.manager).status());
        assertEquals(JsonValue.ValueType.ARRAY, Http.get(api.uri(root), api.manager).json().get("value").getValueType());
        assertEquals(List.of(lunch), ids(Http.get(api.uri(root), api.manager).json()));
    }
}
