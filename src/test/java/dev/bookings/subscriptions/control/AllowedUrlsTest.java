package dev.bookings.subscriptions.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedUrlsTest {

    static boolean cut(List<String> prefixes, String url) {
        return AllowedUrls.allowed(prefixes, URI.create(url));
    }

    @Test
    void aPrefixIsComparedAsAUrlNotAsText() {
        List<String> contoso = List.of("https://hooks.contoso.example/bookings");
        assertTrue(cut(contoso, "https://hooks.contoso.example/bookings/in"));
        assertTrue(cut(contoso, "https://HOOKS.contoso.example:443/bookings"));
        assertFalse(cut(contoso, "https://hooks.contoso.example.evil.example/bookings"));
        assertFalse(cut(contoso, "https://hooks.contoso.example/other"));
        assertFalse(cut(contoso, "http://hooks.contoso.example/bookings"));
        assertFalse(cut(contoso, "https://hooks.contoso.example:8443/bookings"));
        List<String> local = List.of("http://127.0.0.1:");
        assertTrue(cut(local, "http://127.0.0.1:9999/hook"), "a prefix without a port admits any port");
        assertFalse(cut(local, "http://127.0.0.2:9999/hook"));
        assertTrue(cut(List.of("http://127.0.0.1:8080"), "http://127.0.0.1:8080/x"));
        assertFalse(cut(List.of("http://127.0.0.1:8080"), "http://127.0.0.1:8081/x"));
    }

    @Test
    void aSchemeOnlyPrefixAdmitsPublicAddressesOnly() throws Exception {
        List<String> https = List.of("https://");
        for (String inside : new String[] {"https://127.0.0.1/", "https://localhost/", "https://10.1.2.3/", "https://192.168.0.1/",
                "https://172.16.5.4/", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/", "https://[::1]/",
                "https://[fd00::1]/", "https://0.0.0.0/", "https://no-such-host.invalid/"}) {
            assertFalse(cut(https, inside), inside);
        }
        assertTrue(AllowedUrls.isPublic(InetAddress.getByName("93.184.216.34")));
        assertTrue(AllowedUrls.isPublic(InetAddress.getByName("2606:2800:220:1::1")));
        assertFalse(cut(https, "http://93.184.216.34/"), "the scheme still counts");
    }
}
