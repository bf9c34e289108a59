package dev.bookings.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PublicBaseUrlTest {

    @Test
    void rebasesPathAndQueryOntoTheConfiguredBase() {
        URI to = PublicBaseUrl.parse("https://bookings.contoso.example");
        assertEquals(URI.create("https://bookings.contoso.example/"), to);
        assertEquals(URI.create("https://bookings.contoso.example/v1.0/solutions/bookingBusinesses/A%40b.example?%24top=1"),
                PublicBaseUrl.rebase(URI.create("http://evil.example/"),
                        URI.create("http://evil.example/v1.0/solutions/bookingBusinesses/A%40b.example?%24top=1"), to));
        URI under = PublicBaseUrl.parse("https://gateway.example/bookings/");
        assertEquals(URI.create("https://gateway.example/bookings/beta/bookingBusinesses"),
                PublicBaseUrl.rebase(URI.create("http://10.0.0.5:8080/"), URI.create("http://10.0.0.5:8080/beta/bookingBusinesses"), under));
    }

    @Test
    void refusesWhatIsNoAbsoluteHttpUrl() {
        assertThrows(IllegalStateException.class, () -> PublicBaseUrl.parse("bookings.contoso.example"));
        assertThrows(IllegalStateException.class, () -> PublicBaseUrl.parse("ftp://bookings.contoso.example"));
        assertThrows(IllegalStateException.class, () -> PublicBaseUrl.parse("https://bookings.contoso.example/?x=1"));
        assertThrows(IllegalStateException.class, () -> PublicBaseUrl.parse("https://bad host/"));
    }
}
