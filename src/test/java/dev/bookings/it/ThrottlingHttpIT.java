package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import dev.bookings.security.Scopes;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Throttling per tenant and client application. The suite's server gives the client {@value #APP} a burst of 3
 * and one request every 5 seconds ({@code bookings.throttle.client-limits} in the pom); everyone else has the
 * generous defaults.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ThrottlingHttpIT {

    static final String APP = "throttled-it-app";

    @ArquillianResource
    URL base;

    static String throttledToken(String tenant) {
        return TestTokens.withClaims(tenant, Scopes.BOOKINGS_MANAGE_ALL, claims -> claims.claim("appid", APP));
    }

    @Test
    void beyondTheLimitA429InGraphsShapeThatChangedNothingAndOthersStillServed() {
        Api api = new Api(base);
        String business = api.business();
        String token = throttledToken(api.tenant);
        URI businessUri = api.uri(Api.V1 + "/" + Api.encode(business));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Http.get(businessUri, token).status(), "within the burst");
        }
        Http.Reply throttled = Http.send("POST", api.uri(Api.V1 + "/" + Api.encode(business) + "/appointments"), token,
                "application/json", "{" + Api.times(java.time.Duration.ofDays(2)) + "}");
        assertEquals(429, throttled.status(), throttled::toString);
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 5, throttled::toString);
        JsonObject error = throttled.json().getJsonObject("error");
        assertEquals("TooManyRequests", error.getString("code"));
        assertTrue(error.getJsonObject("innerError").containsKey("request-id"), throttled::toString);

        assertEquals("0", Http.get(api.uri(Api.V1 + "/" + Api.encode(business) + "/appointments/$count"), api.manager).body(),
                "the throttled POST created nothing");
        assertEquals(200, Http.get(businessUri, api.manager).status(), "another client of the tenant is served");
        Api otherTenant = new Api(base);
        String otherBusiness = otherTenant.business();
        assertEquals(200, Http.get(otherTenant.uri(Api.V1 + "/" + Api.encode(otherBusiness)),
                throttledToken(otherTenant.tenant)).status(), "the same client in another tenant is served");
    }

    @Test
    void theSdksRetryHandlerWaitsAndSucceeds() {
        Api api = new Api(base);
        String business = api.business();
        String token = throttledToken(api.tenant);
        GraphServiceClient graph = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(
                SdkCompatibilityIT.token(token)));
        graph.getRequestAdapter().setBaseUrl(base.toString().replaceAll("/$", "") + "/v1.0");
        URI businessUri = api.uri(Api.V1 + "/" + Api.encode(business));
        for (int i = 0; i < 3; i++) {
            Http.get(businessUri, token);
        }
        assertEquals(429, Http.get(businessUri, token).status(), "the bucket is empty");

        long started = System.nanoTime();
        String name = graph.solutions().bookingBusinesses().byBookingBusinessId(business).get().getDisplayName();
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals("Contoso Cuts", name);
        assertTrue(waitedMillis >= 1000, () -> "the SDK waited Retry-After before retrying: " + waitedMillis + " ms");
    }
}
