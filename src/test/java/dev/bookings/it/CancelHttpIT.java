package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.security.Scopes;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cancel action over HTTP, on every root and both collections, with real tokens. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CancelHttpIT {

    @ArquillianResource
    URL base;

    static Stream<Arguments> paths() {
        List<Arguments> all = new ArrayList<>();
        for (String root : Api.ROOTS) {
            for (String collection : new String[] {"appointments", "calendarView"}) {
                all.add(Arguments.of(root, collection));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("paths")
    void cancelAnswers204ThenTheAppointmentIsGoneAndRepeatIsHarmless(String root, String collection) {
        Api api = new Api(base);
        String business = api.business();
        String appointment = api.appointment(business);
        String token = TestTokens.delegated(api.tenant, Scopes.APPOINTMENT_READ_WRITE_ALL);

        Http.Reply before = Http.get(api.item(root, business, collection, appointment), token);
        assertEquals(200, before.status(), before::toString);
        assertEquals(appointment, before.json().getString("id"));

        Http.Reply cancelled = Http.postJson(api.cancel(root, business, collection, appointment), token,
                "{\"cancellationMessage\": \"Sorry, the salon is closed.\"}");
        assertEquals(204, cancelled.status(), cancelled::toString);
        assertEquals("", cancelled.body());
        assertNotNull(cancelled.header("request-id"));

        Http.Reply after = Http.get(api.item(root, business, collection, appointment), token);
        assertEquals(404, after.status(), after::toString);
        assertEquals("itemNotFound", after.errorCode());

        Http.Reply again = Http.postJson(api.cancel(root, business, collection, appointment), token,
                "{\"cancellationMessage\": \"Second message\"}");
        assertEquals(204, again.status(), again::toString);
    }

    @Test
    void v1AndBetaUseTheirOwnNamesForTheTimes() {
        Api api = new Api(base);
        String business = api.business();
        String appointment = api.appointment(business);
        var v1 = Http.get(api.item(Api.V1, business, "appointments", appointment), api.manager).json();
        var beta = Http.get(api.item(Api.BETA, business, "appointments", appointment), api.manager).json();
        assertTrue(v1.containsKey("startDateTime") && v1.containsKey("endDateTime") && !v1.containsKey("start"));
        assertTrue(beta.containsKey("start") && beta.containsKey("end") && !beta.containsKey("startDateTime"));
        assertEquals("UTC", v1.getJsonObject("startDateTime").getString("timeZone"));
        assertTrue(v1.getJsonObject("startDateTime").getString("dateTime").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z"));
        assertEquals("PT1H", v1.getString("duration"));
        assertEquals("#microsoft.graph.bookingCustomerInformation",
                v1.getJsonArray("customers").getJsonObject(0).getString("@odata.type"));
        assertEquals("jordan@contoso.example", beta.getString("customerEmailAddress"));
    }

    @Test
    void mixedCaseSegmentsAndRawOrEncodedIdsWork() {
        Api api = new Api(base);
        String business = api.business();
        String appointment = api.appointment(business);
        Http.Reply raw = Http.get(api.uri("V1.0/Solutions/BookingBusinesses/" + business + "/CalendarView/" + appointment), api.manager);
        assertEquals(200, raw.status(), raw::toString);
        Http.Reply cancelled = Http.postJson(api.uri("beta/bookingbusinesses/" + Api.encode(business) + "/calendarview/"
                + appointment + "/cancel"), api.manager, "{}");
        assertEquals(204, cancelled.status(), cancelled::toString);
    }

    @Test
    void unknownAppointmentOtherBusinessAndOtherTenantAre404() {
        Api api = new Api(base);
        String business = api.business();
        String otherBusiness = api.business("Fabrikam", null);
        String appointment = api.appointment(business);

        Http.Reply unknown = Http.postJson(api.cancel(Api.V1, business, "appointments", "doesNotExist"), api.manager, "{}");
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("itemNotFound", unknown.errorCode());

        Http.Reply wrongBusiness = Http.postJson(api.cancel(Api.V1, otherBusiness, "appointments", appointment), api.manager, "{}");
        assertEquals(404, wrongBusiness.status(), wrongBusiness::toString);

        Api intruder = new Api(base);
        Http.Reply otherTenantCancel = Http.postJson(intruder.cancel(Api.V1, business, "appointments", appointment), intruder.manager, "{}");
        assertEquals(404, otherTenantCancel.status(), otherTenantCancel::toString);
        Http.Reply otherTenantGet = Http.get(intruder.item(Api.BETA, business, "calendarView", appointment), intruder.manager);
        assertEquals(404, otherTenantGet.status(), otherTenantGet::toString);
        Http.Reply otherTenantBusiness = Http.get(intruder.uri(Api.V1 + "/" + Api.encode(business)), intruder.manager);
        assertEquals(404, otherTenantBusiness.status(), otherTenantBusiness::toString);

        assertEquals(200, Http.get(api.item(Api.V1, business, "appointments", appointment), api.manager).status(),
                "nothing above may have cancelled it");
    }

    @Test
    void endedAppointmentCannotBeCancelled() {
        Api api = new Api(base);
        String business = api.business();
        String ended = api.appointment(business, Duration.ofHours(-3), Duration.ofHours(1));
        Http.Reply reply = Http.postJson(api.cancel(Api.V1, business, "appointments", ended), api.manager, "{}");
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("appointmentAlreadyEnded", reply.errorCode());
        assertEquals(200, Http.get(api.item(Api.V1, business, "appointments", ended), api.manager).status());
    }

    @Test
    void insideMinimumLeadTimeOnlyDelegatedCallersMayCancel() {
        Api api = new Api(base);
        String business = api.business("Lead Time Salon", "{\"minimumLeadTime\": \"P1D\"}");
        String soon = api.appointment(business, Duration.ofHours(2), Duration.ofHours(1));
        String later = api.appointment(business, Duration.ofDays(3), Duration.ofHours(1));
        String app = TestTokens.application(api.tenant, Scopes.BOOKINGS_READ_WRITE_ALL);

        Http.Reply appSoon = Http.postJson(api.cancel(Api.V1, business, "appointments", soon), app, "{}");
        assertEquals(400, appSoon.status(), appSoon::toString);
        assertEquals("minimumLeadTimeNotMet", appSoon.errorCode());

        assertEquals(204, Http.postJson(api.cancel(Api.V1, business, "appointments", later), app, "{}").status());
        String user = TestTokens.delegated(api.tenant, Scopes.BOOKINGS_READ_WRITE_ALL);
        assertEquals(204, Http.postJson(api.cancel(Api.V1, business, "appointments", soon), user, "{}").status());
    }

    @Test
    void messageIsOptionalUnknownFieldsAreIgnoredAndNullIsAllowed() {
        Api api = new Api(base);
        String business = api.business();
        for (String body : new String[] {null, "", "{}", "{\"cancellationMessage\": null}",
                "{\"cancellationMessage\": \"x\", \"unknown\": [1, 2], \"cancellationMessage@odata.type\": \"#String\"}"}) {
            String appointment = api.appointment(business);
            Http.Reply reply = Http.send("POST", api.cancel(Api.V1, business, "appointments", appointment), api.manager,
                    "application/json", body);
            assertEquals(204, reply.status(), () -> "body " + body + ": " + reply);
        }
    }

    @Test
    void badInputIs400And415And405InGraphsShapeAndChangesNothing() {
        Api api = new Api(base);
        String business = api.business();
        String appointment = api.appointment(business);
        var cancel = api.cancel(Api.V1, business, "appointments", appointment);

        assertBadRequest(Http.postJson(cancel, api.manager, "{\"cancellationMessage\": \"" + "x".repeat(2001) + "\"}"), "cancellationMessage");
        assertBadRequest(Http.postJson(cancel, api.manager, "{\"cancellationMessage\": 42}"), "cancellationMessage");
        assertBadRequest(Http.postJson(cancel, api.manager, "{\"cancellationMessage\": "), "JSON");
        assertBadRequest(Http.postJson(cancel, api.manager, "[1, 2]"), "object");

        Http.Reply tooLarge = Http.postJson(cancel, api.manager, "{\"cancellationMessage\": \"" + "x".repeat(1024 * 1024 + 10) + "\"}");
        assertEquals(413, tooLarge.status(), () -> tooLarge.status() + "");
        assertEquals("requestEntityTooLarge", tooLarge.errorCode());

        Http.Reply mediaType = Http.send("POST", cancel, api.manager, "text/plain", "{}");
        assertEquals(415, mediaType.status(), mediaType::toString);
        assertEquals("unsupportedMediaType", mediaType.errorCode());

        Http.Reply method = Http.send("GET", cancel, api.manager, null, null);
        assertEquals(405, method.status(), method::toString);
        assertEquals("methodNotAllowed", method.errorCode());

        Http.Reply put = Http.send("PUT", api.item(Api.V1, business, "appointments", appointment), api.manager, "application/json", "{}");
        assertEquals(405, put.status(), put::toString);

        Http.Reply noRoute = Http.get(api.uri("v1.0/bookingBusinesses"), api.manager);
        assertEquals(404, noRoute.status(), noRoute::toString);
        assertNotNull(noRoute.json().getJsonObject("error").getString("code"));

        assertEquals(200, Http.get(api.item(Api.V1, business, "appointments", appointment), api.manager).status(),
                "a rejected request must not cancel");
    }

    private static void assertBadRequest(Http.Reply reply, String mentioned) {
        assertEquals(400, reply.status(), reply::toString);
        var error = reply.json().getJsonObject("error");
        assertEquals("invalidRequest", error.getString("code"));
        assertTrue(error.getString("message").contains(mentioned), reply::toString);
        assertFalse(reply.body().contains("Exception"), reply::toString);
        assertNotNull(error.getJsonObject("innerError").getString("request-id"));
    }

    @Test
    void concurrentCancelsAllSucceedAndCancelOnce() throws Exception {
        Api api = new Api(base);
        String business = api.business();
        String appointment = api.appointment(business);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String path = i % 2 == 0 ? "appointments" : "calendarView";
                replies.add(pool.submit(() -> Http.postJson(api.cancel(Api.V1, business, path, appointment), api.manager,
                        "{\"cancellationMessage\": \"concurrent\"}")));
            }
            for (Future<Http.Reply> reply : replies) {
                assertEquals(204, reply.get().status(), () -> String.valueOf(reply));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(404, Http.get(api.item(Api.V1, business, "appointments", appointment), api.manager).status());
    }
}
