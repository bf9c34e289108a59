package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Graph's query options over HTTP on every list ({@code $count $select $filter $orderby $skip $top}), and entity
 * tags with {@code If-Match} on PATCH, DELETE and cancel.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QueryOptionsHttpIT {

    static final OffsetDateTime DAY = OffsetDateTime.now(ZoneOffset.UTC).plusDays(10).truncatedTo(ChronoUnit.DAYS);

    @ArquillianResource
    URL base;

    /** A business with five appointments, an hour apart from DAY 09:00, named and priced as given. */
    record Fixture(Api api, String business, List<String> appointments) {
        URI list(String root, String collection, String query) {
            return api.uri(root + "/" + Api.encode(business) + "/" + collection + (query == null ? "" : "?" + query));
        }
    }

    Fixture fixture() {
        Api api = new Api(base);
        String business = api.business();
        String[] names = {"Haircut", "Beard trim", "Haircut deluxe", "Colour", "Hair wash"};
        double[] prices = {30, 15, 55, 80, 10};
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            OffsetDateTime start = DAY.plusHours(9 + i);
            ids.add(api.create(Api.encode(business) + "/appointments", "{\"startDateTime\": {\"dateTime\": \""
                    + start.toLocalDateTime() + "\", \"timeZone\": \"UTC\"}, \"endDateTime\": {\"dateTime\": \""
                    + start.plusMinutes(45).toLocalDateTime() + "\", \"timeZone\": \"UTC\"}, \"serviceName\": \""
                    + names[i] + "\", \"price\": " + prices[i] + ", \"isLocationOnline\": " + (i % 2 == 0) + "}"));
        }
        return new Fixture(api, business, ids);
    }

    static String q(String value) {
        return Api.encode(value);
    }

    static List<String> names(Http.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("value").getValuesAs(JsonObject.class).stream()
                .map(o -> o.getString("serviceName")).toList();
    }

    static void assertInvalid(Http.Reply reply, String... words) {
        assertEquals(400, reply.status(), reply::toString);
        JsonObject error = reply.json().getJsonObject("error");
        assertEquals("invalidRequest", error.getString("code"), reply::toString);
        for (String word : words) {
            assertTrue(error.getString("message").contains(word), () -> word + " in " + reply);
        }
    }

    @Test
    void filterCombinesComparisonsFunctionsAndLogicOnEveryRoot() {
        Fixture f = fixture();
        String token = f.api().manager;
        String at10 = DAY.plusHours(10).toLocalDateTime().toString();
        assertEquals(List.of("Beard trim", "Haircut deluxe", "Colour", "Hair wash"), names(Http.get(f.list(Api.V1, "appointments",
                "$filter=" + q("startDateTime/dateTime ge '" + at10 + "'")), token)));
        assertEquals(List.of("Beard trim", "Haircut deluxe", "Colour", "Hair wash"), names(Http.get(f.list(Api.BETA, "appointments",
                "$filter=" + q("start/dateTime ge " + at10 + "Z")), token)), "beta's names, an unquoted date-time");
        assertEquals(List.of("Haircut", "Haircut deluxe", "Hair wash"), names(Http.get(f.list(Api.V1, "appointments",
                "$filter=" + q("startswith(serviceName,'hair')")), token)), "startswith ignores case");
        assertEquals(List.of("Haircut", "Haircut deluxe"), names(Http.get(f.list(Api.V1, "appointments",
                "$filter=" + q("contains(serviceName, 'cut') and price lt 60")), token)));
        assertEquals(List.of("Beard trim", "Colour", "Hair wash"), names(Http.get(f.list(Api.V1, "appointments",
                "$filter=" + q("not (startswith(serviceName,'Haircut')) and (price le 15 or price gt 70)")), token)));
        assertEquals(List.of("Haircut deluxe", "Hair wash"), names(Http.get(f.list(Api.V1, "appointments",
                "$filter=" + q("isLocationOnline eq true and serviceName ne 'Haircut'")), token)));
        assertEquals(List.of("Beard trim", "Colour"), names(Http.get(f.list(Api.V1, "appointments",
                "$filter=" + q("serviceName in ('Colour', 'Beard trim', 'Nothing')")), token)));
        assertEquals(List.of("Colour"), names(Http.get(f.list(Api.V1, "calendarView", "start=" + q(DAY + "")
                + "&end=" + q(DAY.plusDays(1) + "") + "&$filter=" + q("price ge 60.5 and price ne 55")), token)),
                "calendarView's range and the filter both apply");
        assertEquals(List.of(), names(Http.get(f.list(Api.V1, "appointments",
                "$filter=" + q("serviceName eq 'x'' or 1=1 --'")), token)), "a quote in a value is data, never SQL");
    }

    @Test
    void orderbySkipTopAndNextLinksCarryTheOptions() {
        Fixture f = fixture();
        String token = f.api().manager;
        assertEquals(List.of("Colour", "Haircut deluxe", "Haircut", "Beard trim", "Hair wash"), names(Http.get(
                f.list(Api.V1, "appointments", "$orderby=" + q("price desc")), token)));
        assertEquals(List.of("Beard trim", "Colour", "Hair wash", "Haircut", "Haircut deluxe"), names(Http.get(
                f.list(Api.BETA_SOLUTIONS, "appointments", "$orderby=" + q("serviceName asc")), token)));
        assertEquals(List.of("Haircut deluxe", "Colour"), names(Http.get(
                f.list(Api.V1, "appointments", "$skip=2&$top=2"), token)));

        List<String> seen = new ArrayList<>();
        URI next = f.list(Api.V1, "appointments", "$filter=" + q("price ge 15") + "&$orderby=" + q("price desc")
                + "&$top=1&$skip=1&$count=true&$select=serviceName,price");
        for (int pages = 0; next != null; pages++) {
            assertTrue(pages < 10, "paging ends");
            Http.Reply page = Http.get(next, token);
            assertEquals(200, page.status(), page::toString);
            assertEquals(4, page.json().getInt("@odata.count"), "the count ignores paging");
            JsonObject item = page.json().getJsonArray("value").getJsonObject(0);
            assertEquals(List.of("@odata.etag", "id", "price", "serviceName"), item.keySet().stream().sorted().toList(),
                    "only what was selected, the id and annotations");
            seen.add(item.getString("serviceName"));
            next = page.json().containsKey("@odata.nextLink") ? URI.create(page.json().getString("@odata.nextLink")) : null;
        }
        assertEquals(List.of("Haircut deluxe", "Haircut", "Beard trim"), seen, "skip 1, then every later page");
    }

    @Test
    void countSegmentAndCountOption() {
        Fixture f = fixture();
        String token = f.api().manager;
        Http.Reply count = Http.send("GET", f.list(Api.V1, "appointments/$count", null), token, null, null,
                "Accept", "text/plain;q=0.9");
        assertEquals(200, count.status(), count::toString);
        assertTrue(count.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), count::toString);
        assertEquals("5", count.body());
        assertEquals("2", Http.get(f.list(Api.BETA, "appointments/$count", "$filter=" + q("price gt 50")), token).body());
        assertEquals("5", Http.get(f.list(Api.V1, "calendarView/$count", "start=" + q(DAY + "") + "&end="
                + q(DAY.plusDays(1) + "")), token).body());
        assertEquals(400, Http.get(f.list(Api.V1, "calendarView/$count", null), token).status(), "calendarView needs its range");

        f.api().create(Api.encode(f.business()) + "/staffMembers", "{\"displayName\": \"Dana\", \"emailAddress\":"
                + " \"dana@contoso.example\", \"role\": \"teamMember\"}");
        f.api().create(Api.encode(f.business()) + "/staffMembers", "{\"displayName\": \"Sam\", \"emailAddress\":"
                + " \"sam@contoso.example\", \"role\": \"administrator\"}");
        assertEquals("2", Http.get(f.list(Api.V1, "staffMembers/$count", null), token).body());
        assertEquals("1", Http.get(f.list(Api.V1, "staffMembers/$count", "$filter=" + q("role eq 'administrator'")), token).body());
        assertEquals("0", Http.get(f.list(Api.V1, "services/$count", null), token).body());
        assertEquals("0", Http.get(f.list(Api.V1, "customers/$count", null), token).body());
        Http.Reply listed = Http.get(f.list(Api.V1, "staffMembers", "$count=true&$filter=" + q("startswith(displayName,'S')")), token);
        assertEquals(1, listed.json().getInt("@odata.count"), listed::toString);
        assertEquals("Sam", listed.json().getJsonArray("value").getJsonObject(0).getString("displayName"));

        assertEquals("1", Http.get(f.api().uri(Api.V1 + "/$count"), token).body(), "the tenant's businesses");
        Api other = new Api(base);
        assertEquals(404, Http.get(f.list(Api.V1, "appointments/$count", null), other.manager).status(),
                "another tenant's business does not exist");
        assertEquals("0", Http.get(other.uri(Api.V1 + "/$count"), other.manager).body());
    }

    @Test
    void selectOnEntitiesAndLists() {
        Fixture f = fixture();
        String token = f.api().manager;
        Http.Reply one = Http.get(f.list(Api.V1, "appointments/" + f.appointments().get(0), "$select=serviceName,startDateTime"), token);
        assertEquals(200, one.status(), one::toString);
        assertEquals(List.of("@odata.context", "@odata.etag", "id", "serviceName", "startDateTime"),
                one.json().keySet().stream().sorted().toList());
        Http.Reply business = Http.get(f.api().uri(Api.V1 + "/" + Api.encode(f.business()) + "?$select=displayName"), token);
        assertEquals(List.of("@odata.context", "@odata.etag", "displayName", "id"), business.json().keySet().stream().sorted().toList());
        Http.Reply businesses = Http.get(f.api().uri(Api.V1 + "?$select=email"), token);
        assertEquals("owner@contoso.example", businesses.json().getJsonArray("value").getJsonObject(0).getString("email"));
        assertFalse(businesses.json().getJsonArray("value").getJsonObject(0).containsKey("displayName"));
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "$select=serviceName,nonsense"), token), "nonsense");
        assertInvalid(Http.get(f.list(Api.V1, "appointments/" + f.appointments().get(0), "$select=customerName"), token),
                "customerName");
        assertEquals(200, Http.get(f.list(Api.BETA, "appointments/" + f.appointments().get(0), "$select=customerName"), token)
                .status(), "beta's appointment has customerName");
    }

    @Test
    void onBetaTheDollarIsOptionalOnV1ItIsRequired() {
        Fixture f = fixture();
        String token = f.api().manager;
        String filter = q("startswith(serviceName,'hair')");
        List<String> withDollar = names(Http.get(f.list(Api.BETA, "appointments",
                "$filter=" + filter + "&$orderby=" + q("price desc") + "&$top=2&$select=serviceName,price"), token));
        assertEquals(2, withDollar.size(), withDollar::toString);
        assertEquals(withDollar, names(Http.get(f.list(Api.BETA, "appointments",
                "filter=" + filter + "&orderby=" + q("price desc") + "&top=2&select=serviceName,price"), token)),
                "beta: the same answer without the '$'");
        assertEquals(List.of(), names(Http.get(f.list(Api.BETA, "appointments", "filter=" + q("serviceName eq 'zzz'")),
                token)), "beta: filter= filters, never an unfiltered list");
        assertEquals("2", Http.get(f.list(Api.BETA, "appointments/$count", "filter=" + q("price gt 50")), token).body());
        assertInvalid(Http.get(f.list(Api.BETA, "appointments", "top=1&$top=2"), token), "more than once");
        assertInvalid(Http.get(f.list(Api.BETA, "appointments", "expand=customers"), token), "$expand");
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "filter=" + q("serviceName eq 'zzz'")), token),
                "filter", "$filter");
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "top=1"), token), "$top");
    }

    @Test
    void unsupportedOrMalformedOptionsAre400InGraphsShape() {
        Fixture f = fixture();
        String token = f.api().manager;
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "$filter=" + q("endswith(serviceName,'cut')")), token), "endswith");
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "$filter=" + q("price add 5 eq 10")), token), "add");
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "$filter=" + q("customers/any(c: c/name eq 'x')")), token),
                "customers");
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "$filter=" + q("nonsense eq 1")), token), "nonsense");
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "$filter=" + q("price eq 'ten'")), token), "price");
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "$filter=" + q("(price eq 10")), token), "$filter");
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "$filter=" + q("serviceName eq 'open")), token), "closed");
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "$filter=" + q("startDateTime/dateTime gt 'soon'")), token), "soon");
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "$filter=" + q("(".repeat(40) + "price eq 1" + ")".repeat(40))),
                token), "deeper");
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "$orderby=" + q("price sideways")), token), "sideways");
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "$orderby=customers"), token), "customers");
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "$skip=-1"), token), "$skip");
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "$count=maybe"), token), "$count");
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "$expand=customers"), token), "$expand");
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "$search=" + q("\"hair\"")), token), "$search");
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "$top=1&$top=2"), token), "more than once");
        assertInvalid(Http.get(f.list(Api.V1, "staffMembers", "$filter=" + q("workingHours eq null")), token), "workingHours");
        assertInvalid(Http.get(f.list(Api.V1, "appointments", "$filter=" + q("createdDateTime gt '+999999999-12-31T23:59:59-18:00'")),
                token), "date-time");
        assertEquals(5, names(Http.get(f.list(Api.V1, "appointments", "$filter=" + q("price gt 1e-5")), token)).size(),
                "an exponent is a number");
    }

    @Test
    void etagsChangeWithTheEntityAndIfMatchGuardsChanges() {
        Fixture f = fixture();
        String token = f.api().manager;
        String id = f.appointments().get(0);
        URI item = f.api().item(Api.V1, f.business(), "appointments", id);
        Http.Reply read = Http.get(item, token);
        String etag = read.json().getString("@odata.etag");
        assertEquals(etag, read.headers().firstValue("ETag").orElse(null));
        assertTrue(etag.startsWith("W/\""), etag);

        Http.Reply stale = Http.send("PATCH", item, token, "application/json", "{\"serviceNotes\": \"lost\"}",
                "If-Match", "W/\"1.1\"");
        assertEquals(412, stale.status(), stale::toString);
        assertEquals("preconditionFailed", stale.json().getJsonObject("error").getString("code"));
        assertTrue(Http.get(item, token).json().isNull("serviceNotes"), "a failed precondition changes nothing");

        assertEquals(204, Http.send("PATCH", item, token, "application/json", "{\"serviceNotes\": \"kept\"}",
                "If-Match", etag).status());
        String changed = Http.get(item, token).json().getString("@odata.etag");
        assertNotEquals(etag, changed, "the tag changes with the entity");
        assertEquals(412, Http.send("PATCH", item, token, "application/json", "{\"serviceNotes\": \"again\"}",
                "If-Match", etag).status(), "the old tag no longer matches");
        assertEquals(204, Http.send("PATCH", item, token, "application/json", "{\"serviceNotes\": \"any\"}",
                "If-Match", "*").status(), "* matches any existing entity");
        assertEquals(204, Http.send("PATCH", item, token, "application/json", "{\"serviceNotes\": \"none\"}").status(),
                "no If-Match, no precondition");

        URI cancel = f.api().cancel(Api.V1, f.business(), "appointments", id);
        assertEquals(412, Http.send("POST", cancel, token, "application/json", "{}", "If-Match", etag).status());
        assertEquals(200, Http.get(item, token).status(), "still booked");
        String current = Http.get(item, token).json().getString("@odata.etag");
        assertEquals(204, Http.send("POST", cancel, token, "application/json", "{}", "If-Match", current).status());
        assertEquals(204, Http.send("POST", cancel, token, "application/json", "{}", "If-Match", current).status(),
                "a retried cancel is still a repeat cancel");

        URI other = f.api().item(Api.BETA, f.business(), "calendarView", f.appointments().get(1));
        assertEquals(412, Http.send("DELETE", other, token, null, null, "If-Match", "W/\"0.0\"").status());
        assertEquals(204, Http.send("DELETE", other, token, null, null, "If-Match", "*").status());
        assertEquals(404, Http.send("DELETE", other, token, null, null, "If-Match", "*").status(), "* needs an entity");

        URI business = f.api().uri(Api.V1 + "/" + Api.encode(f.business()));
        String businessTag = Http.get(business, token).headers().firstValue("ETag").orElseThrow();
        assertEquals(412, Http.send("PATCH", business, token, "application/json", "{\"phone\": \"1\"}", "If-Match",
                "W/\"0.0\"").status());
        assertEquals(204, Http.send("PATCH", business, token, "application/json", "{\"phone\": \"1\"}", "If-Match",
                businessTag).status());
        String staff = f.api().create(Api.encode(f.business()) + "/staffMembers", "{\"displayName\": \"Dana\","
                + " \"emailAddress\": \"dana@contoso.example\", \"role\": \"teamMember\"}");
        URI staffItem = f.api().uri(Api.V1 + "/" + Api.encode(f.business()) + "/staffMembers/" + staff);
        JsonString staffTag = Http.get(staffItem, token).json().getJsonString("@odata.etag");
        assertEquals(412, Http.send("DELETE", staffItem, token, null, null, "If-Match", businessTag).status());
        assertEquals(204, Http.send("DELETE", staffItem, token, null, null, "If-Match", staffTag.getString()).status());
    }
}
