package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.security.Scopes;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tokens, scopes and Graph's headers and error shape for what the container answers itself. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHttpIT {

    @ArquillianResource
    URL base;

    private static void assertUnauthorized(Http.Reply reply) {
        assertEquals(401, reply.status(), reply::toString);
        assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer"), reply.headers()::toString);
        assertEquals("InvalidAuthenticationToken", reply.errorCode(), reply::toString);
        assertNotNull(reply.header("request-id"));
        assertNotNull(reply.json().getJsonObject("error").getJsonObject("innerError").getString("date"));
    }

    @Test
    void missingExpiredForeignUnsignedAndMisaddressedTokensAre401() {
        Api api = new Api(base);
        String business = api.business();
        String appointment = api.appointment(business);
        URI cancel = api.cancel(Api.V1, business, "appointments", appointment);
        String scope = Scopes.BOOKINGS_MANAGE_ALL;

        assertUnauthorized(Http.postJson(cancel, null, "{}"));
        assertUnauthorized(Http.send("POST", cancel, null, "application/json", "{}", "Authorization", "Basic dXNlcjpwYXNz"));
        assertUnauthorized(Http.postJson(cancel, "garbage", "{}"));
        assertUnauthorized(Http.postJson(cancel, TestTokens.expired(api.tenant, scope), "{}"));
        assertUnauthorized(Http.postJson(cancel, TestTokens.signedByUnknownKey(api.tenant, scope), "{}"));
        assertUnauthorized(Http.postJson(cancel, TestTokens.unsigned(api.tenant, scope), "{}"));
        assertUnauthorized(Http.postJson(cancel, TestTokens.wrongIssuer(api.tenant, scope), "{}"));
        assertUnauthorized(Http.postJson(cancel, TestTokens.wrongAudience(api.tenant, scope), "{}"));
        assertUnauthorized(Http.get(api.uri("v1.0/no/such/path"), null));
        Http.Reply elsewhere = Http.get(api.uri("no/such/path"), null);
        assertEquals(404, elsewhere.status(), elsewhere::toString);
        assertEquals("resourceNotFound", elsewhere.errorCode());

        assertEquals(200, Http.get(api.item(Api.V1, business, "appointments", appointment), api.manager).status(),
                "no rejected token may have cancelled it");
    }

    @Test
    void tokensIssuedInTheFutureAndRequestsWithTwoAuthorizationHeadersAre401() {
        Api api = new Api(base);
        String business = api.business();
        String appointment = api.appointment(business);
        URI cancel = api.cancel(Api.V1, business, "appointments", appointment);
        String scope = Scopes.BOOKINGS_MANAGE_ALL;

        assertUnauthorized(Http.postJson(cancel, TestTokens.issuedInFuture(api.tenant, scope, Duration.ofHours(1)), "{}"));
        assertUnauthorized(Http.postJson(cancel, TestTokens.issuedInFuture(api.tenant, scope, Duration.ofDays(3650)), "{}"));
        // within the allowed clock skew (60 s) a clock a little ahead is fine
        assertEquals(200, Http.get(api.item(Api.V1, business, "appointments", appointment),
                TestTokens.issuedInFuture(api.tenant, scope, Duration.ofSeconds(20))).status());

        String valid = "Bearer " + api.manager;
        assertUnauthorized(Http.send("POST", cancel, null, "application/json", "{}", "Authorization", valid, "Authorization", "Bearer garbage"));
        assertUnauthorized(Http.send("POST", cancel, null, "application/json", "{}", "Authorization", "Bearer garbage", "Authorization", valid));
        assertUnauthorized(Http.send("POST", cancel, null, "application/json", "{}", "Authorization", valid, "Authorization", valid));

        assertEquals(200, Http.get(api.item(Api.V1, business, "appointments", appointment), api.manager).status(),
                "no rejected request may have cancelled it");
    }

    @Test
    void aUsersAppRolesNeverAddToItsDelegatedScopes() {
        Api api = new Api(base);
        String readerWithRoles = TestTokens.delegatedWithRoles(api.tenant, Scopes.BOOKINGS_READ_ALL, Scopes.BOOKINGS_MANAGE_ALL);
        Http.Reply create = Http.postJson(api.uri(Api.V1), readerWithRoles, "{\"displayName\": \"Not Allowed\"}");
        assertEquals(403, create.status(), create::toString);
        assertEquals("accessDenied", create.errorCode());
        assertEquals(200, Http.get(api.uri(Api.V1), readerWithRoles).status(), "its scope still reads");
    }

    @Test
    void matrixParametersDoNotHideThatATokenIsNeededAndThereIsNoWadl() {
        Api api = new Api(base);
        assertUnauthorized(Http.get(api.uri("v1.0;x=y/solutions/bookingBusinesses"), null));
        assertUnauthorized(Http.get(api.uri("beta;a=b/bookingBusinesses"), null));
        Http.Reply wadl = Http.get(api.uri("application.wadl"), null);
        assertEquals(404, wadl.status(), wadl::toString);
        Http.Reply wadlWithToken = Http.get(api.uri("application.wadl"), api.manager);
        assertEquals(404, wadlWithToken.status(), wadlWithToken::toString);
        Http.Reply options = Http.send("OPTIONS", api.uri(Api.V1), api.manager, null, null);
        assertTrue(!options.body().contains("wadl") && !options.body().contains("Jersey"), options::toString);
    }

    @Test
    void tooLittleScopeIs403AndEachCancelScopeIsEnough() {
        Api api = new Api(base);
        String business = api.business();

        String reader = TestTokens.delegated(api.tenant, Scopes.BOOKINGS_READ_ALL);
        String appointment = api.appointment(business);
        Http.Reply denied = Http.postJson(api.cancel(Api.V1, business, "appointments", appointment), reader, "{}");
        assertEquals(403, denied.status(), denied::toString);
        assertEquals("accessDenied", denied.errorCode());
        Http.Reply deniedSub = Http.postJson(api.cancel(Api.BETA, business, "calendarView", appointment),
                TestTokens.delegated(api.tenant, "User.Read"), "{}");
        assertEquals(403, deniedSub.status(), deniedSub::toString);
        assertEquals(200, Http.get(api.item(Api.V1, business, "appointments", appointment), reader).status(),
                "reading needs only Bookings.Read.All; the denied cancel changed nothing");

        Http.Reply createBusiness = Http.postJson(api.uri(Api.V1), TestTokens.delegated(api.tenant, Scopes.BOOKINGS_READ_WRITE_ALL),
                "{\"displayName\": \"Not allowed\"}");
        assertEquals(403, createBusiness.status(), createBusiness::toString);

        for (String scope : new String[] {Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL, Scopes.BOOKINGS_MANAGE_ALL}) {
            String id = api.appointment(business);
            assertEquals(204, Http.postJson(api.cancel(Api.V1, business, "appointments", id),
                    TestTokens.delegated(api.tenant, "User.Read " + scope), "{}").status(), scope);
            String appId = api.appointment(business);
            assertEquals(204, Http.postJson(api.cancel(Api.BETA, business, "appointments", appId),
                    TestTokens.application(api.tenant, scope), "{}").status(), scope);
        }
    }

    @Test
    void everyResponseCarriesRequestIdAndEchoesClientRequestId() {
        Api api = new Api(base);
        String clientId = "0f8fad5b-d9cb-469f-a165-70867728950e";
        Http.Reply ok = Http.send("GET", api.uri(Api.V1), api.manager, null, null, "client-request-id", clientId);
        assertEquals(200, ok.status(), ok::toString);
        assertNotNull(ok.header("request-id"));
        assertEquals(clientId, ok.header("client-request-id"));

        Http.Reply unauthorized = Http.send("GET", api.uri(Api.V1), null, null, null, "client-request-id", clientId);
        assertEquals(401, unauthorized.status());
        assertEquals(clientId, unauthorized.header("client-request-id"));
        assertEquals(clientId, unauthorized.json().getJsonObject("error").getJsonObject("innerError").getString("client-request-id"));
        assertEquals(unauthorized.header("request-id"),
                unauthorized.json().getJsonObject("error").getJsonObject("innerError").getString("request-id"));

        Http.Reply notFound = Http.send("GET", api.uri(Api.V1 + "/nobody@x.example"), api.manager, null, null, "client-request-id", clientId);
        assertEquals(404, notFound.status());
        assertEquals(clientId, notFound.header("client-request-id"));
        assertEquals("itemNotFound", notFound.errorCode());
    }

    @Test
    void openApiDocumentsTheCancelOperations() {
        URI openapi = URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/openapi");
        Http.Reply reply = Http.send("GET", openapi, null, null, null, "Accept", "application/json");
        assertEquals(200, reply.status(), reply::toString);
        // valid for the OpenAPI version it declares, as a code generator or gateway would read it
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(reply.body(), null, options);
        assertNotNull(parsed.getOpenAPI(), () -> "not an OpenAPI document: " + parsed.getMessages());
        assertEquals(reply.json().getString("openapi"), parsed.getOpenAPI().getOpenapi());
        assertEquals(List.of(), parsed.getMessages(), "the document's problems");
        var paths = reply.json().getJsonObject("paths");
        for (String root : Api.ROOTS) {
            for (String collection : new String[] {"appointments", "calendarView"}) {
                String path = "/" + root + "/{businessId}/" + collection + "/{appointmentId}/cancel";
                assertTrue(paths.containsKey(path), "missing " + path);
                var responses = paths.getJsonObject(path).getJsonObject("post").getJsonObject("responses");
                for (String status : new String[] {"204", "400", "401", "403", "404", "415"}) {
                    assertTrue(responses.containsKey(status), path + " " + status);
                }
            }
        }
        assertTrue(reply.json().getJsonObject("components").getJsonObject("securitySchemes").containsKey("bearer"));
        String item = "/" + Api.V1 + "/{businessId}/appointments/{appointmentId}";
        assertTrue(paths.getJsonObject(item).getJsonObject("delete").getString("summary").contains("WITHOUT notifying"),
                "DELETE is documented as not notifying, unlike cancel");
        for (String path : new String[] {"/" + Api.V1, "/" + Api.V1 + "/{businessId}/calendarView",
                "/" + Api.V1 + "/{businessId}/services/{itemId}", "/" + Api.V1 + "/{businessId}/customers/{itemId}"}) {
            assertTrue(paths.containsKey(path), "missing " + path);
        }
    }
}
