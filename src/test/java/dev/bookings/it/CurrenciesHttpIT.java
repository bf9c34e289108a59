package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.security.Scopes;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** bookingCurrencies on every root, and a business's defaultCurrencyIso held to them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CurrenciesHttpIT {

    @ArquillianResource
    URL base;

    @Test
    void theIso4217CurrenciesPagedAndOneByOne() {
        Api api = new Api(base);
        String reader = TestTokens.delegated(api.tenant, Scopes.BOOKINGS_READ_ALL);
        for (String root : new String[] {"v1.0/solutions/bookingCurrencies", "beta/bookingCurrencies",
                "beta/solutions/bookingCurrencies", "V1.0/Solutions/BookingCurrencies"}) {
            Http.Reply usd = Http.get(api.uri(root + "/USD"), reader);
            assertEquals(200, usd.status(), () -> root + ": " + usd);
            assertEquals("$", usd.json().getString("symbol"));
        }
        assertEquals("€", Http.get(api.uri("v1.0/solutions/bookingCurrencies/eur"), reader).json().getString("symbol"));
        assertEquals(404, Http.get(api.uri("v1.0/solutions/bookingCurrencies/XAU"), reader).status(), "gold is no currency");
        assertEquals(404, Http.get(api.uri("v1.0/solutions/bookingCurrencies/ZZZ"), reader).status());

        List<String> ids = new ArrayList<>();
        assertTrue(Http.get(api.uri("v1.0/solutions/bookingCurrencies"), reader).json().getJsonArray("value").size() > 150,
                "all in one answer by default, as Graph gives them");
        URI next = api.uri("v1.0/solutions/bookingCurrencies?$count=true&$top=50");
        int count = -1;
        while (next != null) {
            JsonObject page = Http.get(next, reader).json();
            count = page.getInt("@odata.count");
            page.getJsonArray("value").getValuesAs(JsonObject.class).forEach(c -> ids.add(c.getString("id")));
            next = page.containsKey("@odata.nextLink") ? URI.create(page.getString("@odata.nextLink")) : null;
        }
        assertEquals(count, ids.size());
        assertTrue(ids.size() > 150, ids::toString);
        assertTrue(ids.containsAll(List.of("USD", "EUR", "JPY", "GBP", "CHF", "INR")));
        assertFalse(ids.contains("XTS"), "no test code");
        assertEquals(ids.stream().sorted().toList(), ids, "in code order");
        assertEquals(Integer.toString(count), Http.get(api.uri("beta/bookingCurrencies/$count"), reader).body());
        assertEquals(400, Http.get(api.uri("v1.0/solutions/bookingCurrencies?$filter=id%20eq%20'USD'"), reader).status());
        assertEquals(401, Http.get(api.uri("v1.0/solutions/bookingCurrencies"), null).status());

        String business = api.business();
        URI uri = api.uri(Api.V1 + "/" + Api.encode(business));
        Http.Reply bad = Http.send("PATCH", uri, api.manager, "application/json", "{\"defaultCurrencyIso\": \"ABC\"}");
        assertEquals(400, bad.status(), bad::toString);
        assertTrue(bad.json().getJsonObject("error").getString("message").contains("defaultCurrencyIso"));
        assertEquals(204, Http.send("PATCH", uri, api.manager, "application/json", "{\"defaultCurrencyIso\": \"eur\"}").status());
        assertEquals("EUR", Http.get(uri, api.manager).json().getString("defaultCurrencyIso"));
        assertEquals(400, Http.postJson(api.uri(Api.V1), api.manager,
                "{\"displayName\": \"Fake Money\", \"defaultCurrencyIso\": \"DOGE\"}").status());
    }
}
