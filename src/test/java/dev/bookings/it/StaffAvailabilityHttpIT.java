package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.security.Scopes;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * getStaffAvailability across Berlin's change to summer time (Sunday 28 March 2027), with booked, buffered and
 * cancelled appointments; and the booking rules applications meet.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StaffAvailabilityHttpIT {

    static final String WEEKDAYS_9_TO_5 = "[" + String.join(",", List.of("monday", "tuesday", "wednesday", "thursday",
            "friday").stream().map(d -> "{\"day\": \"" + d + "\", \"timeSlots\": [{\"startTime\": \"09:00:00.0000000\","
            + " \"endTime\": \"17:00:00.0000000\"}]}").toList()) + "]";

    @ArquillianResource
    URL base;

    static String at(String local, String zone) {
        return "{\"dateTime\": \"" + local + "\", \"timeZone\": \"" + zone + "\"}";
    }

    static String request(List<String> staff, String from, String to, String zone) {
        return "{\"staffIds\": [" + String.join(",", staff.stream().map(s -> "\"" + s + "\"").toList()) + "],"
                + " \"startDateTime\": " + at(from, zone) + ", \"endDateTime\": " + at(to, zone) + "}";
    }

    static List<String> describe(JsonObject staff) {
        return staff.getJsonArray("availabilityItems").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getJsonObject("startDateTime").getString("dateTime").substring(0, 16) + " "
                        + i.getJsonObject("endDateTime").getString("dateTime").substring(0, 16) + " " + i.getString("status")
                        + (i.getString("serviceId").isEmpty() ? "" : " " + i.getString("serviceId")))
                .toList();
    }

    @Test
    void availabilityAcrossADaylightSavingWeekWithBookingsBuffersAndACancellation() {
        Api api = new Api(base);
        String business = Api.encode(api.business());
        URI availability = api.uri(Api.V1 + "/" + business + "/getStaffAvailability");
        assertEquals(204, Http.send("PATCH", api.uri(Api.V1 + "/" + business), api.manager, "application/json",
                "{\"businessHours\": " + WEEKDAYS_9_TO_5 + "}").status());
        String dana = api.create(business + "/staffMembers", "{\"displayName\": \"Dana\", \"emailAddress\": \"dana@contoso.example\","
                + " \"role\": \"teamMember\", \"timeZone\": \"W. Europe Standard Time\", \"useBusinessHours\": true}");
        String sam = api.create(business + "/staffMembers", "{\"displayName\": \"Sam\", \"emailAddress\": \"sam@contoso.example\","
                + " \"role\": \"teamMember\", \"timeZone\": \"America/New_York\", \"useBusinessHours\": false, \"workingHours\":"
                + " [{\"day\": \"sunday\", \"timeSlots\": [{\"startTime\": \"10:00:00\", \"endTime\": \"12:00:00\"}]}]}");
        String service = api.create(business + "/services", "{\"displayName\": \"Cut\"}");
        api.create(business + "/appointments", "{\"startDateTime\": " + at("2027-03-29T10:00:00", "Europe/Berlin")
                + ", \"endDateTime\": " + at("2027-03-29T11:00:00", "Europe/Berlin") + ", \"preBuffer\": \"PT15M\","
                + " \"serviceId\": \"" + service + "\", \"staffMemberIds\": [\"" + dana + "\"]}");
        String cancelled = api.create(business + "/appointments", "{\"startDateTime\": " + at("2027-03-29T14:00:00",
                "Europe/Berlin") + ", \"endDateTime\": " + at("2027-03-29T15:00:00", "Europe/Berlin")
                + ", \"staffMemberIds\": [\"" + dana + "\"]}");
        assertEquals(204, Http.postJson(api.uri(Api.V1 + "/" + business + "/appointments/" + cancelled + "/cancel"),
                api.manager, "{}").status());

        Http.Reply reply = Http.postJson(availability, TestTokens.delegated(api.tenant, Scopes.BOOKINGS_READ_ALL),
                request(List.of(dana, sam), "2027-03-26T00:00:00", "2027-03-30T00:00:00", "W. Europe Standard Time"));
        assertEquals(200, reply.status(), reply::toString);
        List<JsonObject> staff = reply.json().getJsonArray("value").getValuesAs(JsonObject.class);
        assertEquals(dana, staff.get(0).getString("staffId"));
        assertEquals("W. Europe Standard Time", staff.get(0).getJsonArray("availabilityItems").getJsonObject(0)
                .getJsonObject("startDateTime").getString("timeZone"), "times in the request's zone, as it named it");
        assertEquals(List.of(
                "2027-03-26T00:00 2027-03-26T09:00 outOfOffice",
                "2027-03-26T09:00 2027-03-26T17:00 available",
                "2027-03-26T17:00 2027-03-29T09:00 outOfOffice",
                "2027-03-29T09:00 2027-03-29T09:45 available",
                "2027-03-29T09:45 2027-03-29T11:00 busy " + service,
                "2027-03-29T11:00 2027-03-29T17:00 available",
                "2027-03-29T17:00 2027-03-30T00:00 outOfOffice"), describe(staff.get(0)),
                "business hours on the Berlin wall clock on both sides of the change; the buffer is busy; the cancelled"
                        + " appointment frees its time");
        assertEquals(List.of(
                "2027-03-26T00:00 2027-03-28T16:00 outOfOffice",
                "2027-03-28T16:00 2027-03-28T18:00 available",
                "2027-03-28T18:00 2027-03-30T00:00 outOfOffice"), describe(staff.get(1)),
                "Sam's own hours, 10:00-12:00 in New York, shown in Berlin time");

        Http.Reply app = Http.postJson(availability, TestTokens.application(api.tenant, Scopes.BOOKINGS_READ_ALL),
                request(List.of(sam), "2027-03-26T00:00:00", "2027-03-27T00:00:00", "UTC"));
        assertEquals(200, app.status(), "applications may ask too");
        assertEquals(200, Http.postJson(api.uri("beta/bookingBusinesses/" + business + "/getStaffAvailability"), api.manager,
                request(List.of(sam), "2027-03-26T00:00:00", "2027-03-27T00:00:00", "UTC")).status());
    }

    /**
     * An answer has a bound on its items (the suite runs with {@code bookings.availability.max-items=600}): a
     * business with four slots a day asked for two staff members over 62 days is refused with 400
     * {@code answerTooLarge}; one staff member over a week is answered, its items merged.
     */
    @Test
    void anAnswerBeyondTheItemBoundIsRefused() {
        Api api = new Api(base);
        String business = Api.encode(api.business());
        String slots = "[{\"startTime\": \"09:00:00\", \"endTime\": \"10:00:00\"}, {\"startTime\": \"11:00:00\","
                + " \"endTime\": \"12:00:00\"}, {\"startTime\": \"13:00:00\", \"endTime\": \"14:00:00\"},"
                + " {\"startTime\": \"15:00:00\", \"endTime\": \"16:00:00\"}]";
        String hours = "[" + String.join(",", List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                "sunday").stream().map(d -> "{\"day\": \"" + d + "\", \"timeSlots\": " + slots + "}").toList()) + "]";
        assertEquals(204, Http.send("PATCH", api.uri(Api.V1 + "/" + business), api.manager, "application/json",
                "{\"businessHours\": " + hours + "}").status());
        List<String> staff = new java.util.ArrayList<>();
        for (String name : List.of("Ana", "Ben")) {
            staff.add(api.create(business + "/staffMembers", "{\"displayName\": \"" + name + "\", \"emailAddress\": \""
                    + name + "@contoso.example\", \"role\": \"teamMember\", \"useBusinessHours\": true}"));
        }
        URI availability = api.uri(Api.V1 + "/" + business + "/getStaffAvailability");
        assertCode(Http.postJson(availability, api.manager, request(staff, "2027-01-01T00:00:00", "2027-03-03T00:00:00",
                "UTC")), 400, "answerTooLarge");
        Http.Reply week = Http.postJson(availability, api.manager, request(staff.subList(0, 1), "2027-01-04T00:00:00",
                "2027-01-11T00:00:00", "UTC"));
        assertEquals(200, week.status(), week::toString);
        // each day: out of office, then four slots available with gaps between them, then out of office again,
        // merged across midnight: 1 + 7 * 8 items
        assertEquals(57, week.json().getJsonArray("value").getJsonObject(0).getJsonArray("availabilityItems").size());
    }

    @Test
    void unknownStaffAndBadRangesAreClear400s() {
        Api api = new Api(base);
        String business = Api.encode(api.business());
        URI availability = api.uri(Api.V1 + "/" + business + "/getStaffAvailability");
        String dana = api.create(business + "/staffMembers", "{\"displayName\": \"Dana\", \"emailAddress\": \"dana@contoso.example\","
                + " \"role\": \"teamMember\"}");
        assertCode(Http.postJson(availability, api.manager, request(List.of(dana, "ghost"), "2027-01-01T00:00:00",
                "2027-01-02T00:00:00", "UTC")), 400, "unknownStaffMember");
        assertCode(Http.postJson(availability, api.manager, request(List.of(dana), "2027-01-02T00:00:00",
                "2027-01-01T00:00:00", "UTC")), 400, "invalidTimeRange");
        assertCode(Http.postJson(availability, api.manager, request(List.of(dana), "2027-01-01T00:00:00",
                "2027-06-01T00:00:00", "UTC")), 400, "invalidTimeRange");
        assertCode(Http.postJson(availability, api.manager, "{\"startDateTime\": " + at("2027-01-01T00:00:00", "UTC") + "}"),
                400, "invalidRequest");
        assertCode(Http.postJson(availability, api.manager, request(List.of(dana), "2027-01-01T00:00:00",
                "2027-01-02T00:00:00", "Mars/Olympus")), 400, "invalidRequest");
        assertCode(Http.send("PATCH", api.uri(Api.V1 + "/" + business + "/staffMembers/" + dana), api.manager,
                "application/json", "{\"workingHours\": [{\"day\": \"funday\"}]}"), 400, "invalidRequest");
        assertCode(Http.send("PATCH", api.uri(Api.V1 + "/" + business), api.manager, "application/json",
                "{\"businessHours\": [{\"day\": \"monday\", \"timeSlots\": [{\"startTime\": \"9am\"}]}]}"), 400, "invalidRequest");
        assertCode(Http.postJson(availability, api.manager, request(List.of(dana), "+999999-01-01T00:00:00",
                "+999999-01-02T00:00:00", "UTC")), 400, "invalidRequest");
        assertCode(Http.postJson(api.uri(Api.V1 + "/" + business + "/appointments"), api.manager, "{" + Api.times(
                java.time.Duration.ofDays(3)) + ", \"preBuffer\": \"PT2562047788015215H\"}"), 400, "invalidRequest");
        Api other = new Api(base);
        assertEquals(404, Http.postJson(availability, other.manager, request(List.of(dana), "2027-01-01T00:00:00",
                "2027-01-02T00:00:00", "UTC")).status());
    }

    @Test
    void applicationsMeetTheSchedulingPolicyAndCannotDoubleBookStaff() {
        Api api = new Api(base);
        String businessId = api.business("Policy Cuts", "{\"minimumLeadTime\": \"PT2H\", \"maximumAdvance\": \"P30D\"}");
        String business = Api.encode(businessId);
        String app = TestTokens.application(api.tenant, Scopes.APPOINTMENT_READ_WRITE_ALL);
        String dana = api.create(business + "/staffMembers", "{\"displayName\": \"Dana\", \"emailAddress\": \"dana@contoso.example\","
                + " \"role\": \"teamMember\"}");
        URI appointments = api.uri(Api.V1 + "/" + business + "/appointments");
        OffsetDateTime day = OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).truncatedTo(ChronoUnit.HOURS);
        String first = "{" + hour(day) + ", \"staffMemberIds\": [\"" + dana + "\"]}";
        Http.Reply booked = Http.postJson(appointments, app, first);
        assertEquals(201, booked.status(), booked::toString);
        assertCode(Http.postJson(appointments, app, "{" + hour(day.plusMinutes(30)) + ", \"staffMemberIds\": [\"" + dana + "\"]}"),
                409, "staffMemberBusy");
        assertEquals(201, Http.postJson(appointments, app, "{" + hour(day.plusHours(1)) + ", \"staffMemberIds\": [\"" + dana + "\"]}")
                .status(), "back to back is fine");
        assertEquals(201, Http.postJson(appointments, api.manager, "{" + hour(day.plusMinutes(30)) + ", \"staffMemberIds\": [\""
                + dana + "\"]}").status(), "staff (delegated) may double-book");
        String later = api.create(business + "/appointments", "{" + hour(day.plusHours(5)) + ", \"staffMemberIds\": [\"" + dana + "\"]}");
        assertCode(Http.send("PATCH", api.uri(Api.V1 + "/" + business + "/appointments/" + later), app, "application/json",
                "{" + hour(day) + "}"), 409, "staffMemberBusy");

        assertCode(Http.postJson(appointments, app, "{" + hour(OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)) + "}"),
                400, "minimumLeadTimeNotMet");
        assertCode(Http.send("PATCH", api.uri(Api.V1 + "/" + business + "/appointments/" + later), app, "application/json",
                "{" + hour(OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)) + "}"), 400, "minimumLeadTimeNotMet");
        assertCode(Http.postJson(appointments, app, "{" + hour(OffsetDateTime.now(ZoneOffset.UTC).plusDays(40)) + "}"),
                400, "maximumAdvanceExceeded");
        assertEquals(201, Http.postJson(appointments, api.manager, "{" + hour(OffsetDateTime.now(ZoneOffset.UTC).plusDays(40))
                + "}").status(), "users are not bound by the policy");
    }

    static String hour(OffsetDateTime start) {
        return "\"startDateTime\": " + at(start.toLocalDateTime().toString(), "UTC") + ", \"endDateTime\": "
                + at(start.plusHours(1).toLocalDateTime().toString(), "UTC");
    }

    static void assertCode(Http.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(code, reply.json().getJsonObject("error").getString("code"), reply::toString);
        assertTrue(reply.json().getJsonObject("error").getString("message").length() > 10, reply::toString);
    }
}
