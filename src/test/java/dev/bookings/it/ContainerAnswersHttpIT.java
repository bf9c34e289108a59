package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What Payara's HTTP layer answers by itself, before the application can (src/site/markdown/limits.md, lists the same
 * requests with these answers). Sent as raw bytes, since HTTP clients refuse to send most of
 * them. Each answer must be an error (never a 2xx, except the two requests Payara's URI decoder mishandles, below),
 * must carry nothing but an empty body or Graph's error shape (no HTML page, no stack trace, no server internals), and
 * must leave the service answering. Should a Payara release start answering any of these differently, this test
 * says which, and the list in src/site/markdown/limits.md is to be brought up to date with it.
 * <p>
 * The Payara defects: a path with an escape that is not two hex digits ({@code %u0041}) or cut short at its end
 * ({@code /x/%4}), and a raw path ending in
 * {@code /..} reach neither the application nor any of its data, yet Payara answers them 200 with an empty body
 * ({@code CoyoteAdapter.postParseRequest} does not catch its URI decoder's exception). A {@code /..} path fails in
 * the decoder only now and then (it depends on the buffer the request line landed in); otherwise it is normalised
 * and the application answers it in Graph's shape. The test holds them to one of those two answers and to nothing
 * created.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContainerAnswersHttpIT {

    @ArquillianResource
    URL base;

    @Test
    void malformedFramingIsAnErrorWithNothingButAnEmptyBodyOrGraphsShape() throws Exception {
        String api = base.getPath() + Api.V1;
        String host = "Host: " + base.getHost() + "\r\n";
        List<String> problems = new ArrayList<>();
        expect(problems, "oversized header", 400,
                "GET " + api + " HTTP/1.1\r\n" + host + "X-Big: " + "a".repeat(20_000) + "\r\n");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        expect(problems, "200 headers", 400, "GET " + api + " HTTP/1.1\r\n" + host + many);
        expect(problems, "Content-Length not a number", 400,
                "POST " + api + " HTTP/1.1\r\n" + host + "Content-Length: abc\r\n", "{}");
        expect(problems, "two different Content-Lengths", 400,
                "POST " + api + " HTTP/1.1\r\n" + host + "Content-Length: 2\r\nContent-Length: 3\r\n", "{}x");
        expect(problems, "a chunk size that is not hex", 400,
                "POST " + api + " HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n", "zz\r\n{}\r\n0\r\n\r\n");
        expect(problems, "a control character in a header", 400,
                "GET " + api + " HTTP/1.1\r\n" + host + "X-C: a\u0001b\r\n");
        expect(problems, "percent-encoded bytes that are not UTF-8", 400,
                "GET " + api + "/%C3%28 HTTP/1.1\r\n" + host);
        expect(problems, "a percent-encoded byte that starts no UTF-8 character", 400,
                "GET " + api + "/%FF HTTP/1.1\r\n" + host);
        expect(problems, "a path decoding to NUL", 400, "GET " + api + "/%00 HTTP/1.1\r\n" + host);
        expect(problems, "a path decoding to a backslash", 400, "GET " + api + "/a%5Cb HTTP/1.1\r\n" + host);
        expect(problems, "a body on a GET", 400,
                "GET " + api + " HTTP/1.1\r\n" + host + "Content-Length: 2\r\n", "{}");
        expect(problems, "a body on a DELETE", 400,
                "DELETE " + api + "/x HTTP/1.1\r\n" + host + "Content-Length: 2\r\n", "{}");
        expect(problems, "TRACE", 405, "TRACE " + api + " HTTP/1.1\r\n" + host);
        expect(problems, "HTTP/9.9", 505, "GET " + api + " HTTP/9.9\r\n" + host);
        expect(problems, "a malformed request line", 505, "GET  " + api + "  HTTP/1.1 junk\r\n" + host);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void whatPayarasUriDecoderMishandlesReachesNothingAndReturnsNothing() throws Exception {
        Api api = new Api(base);
        int before = businesses(api);
        String host = "Host: " + base.getHost() + "\r\nAuthorization: Bearer " + api.manager + "\r\n";
        List<String> problems = new ArrayList<>();
        String create = "{\"displayName\": \"Never created\"}";
        String json = "Content-Type: application/json\r\nContent-Length: " + create.length() + "\r\n";
        for (String path : List.of(base.getPath() + Api.V1 + "/%u0041", base.getPath() + Api.V1 + "%u0041",
                base.getPath() + Api.V1 + "/%4", base.getPath() + "v1.0/x/%4",
                base.getPath() + "beta/bookingBusinesses/x/appointments/..")) {
            RawHttp.Answer answer = send("POST " + path + " HTTP/1.1\r\n" + host + json, create);
            boolean defect = answer.body().isEmpty() && (answer.status() == 200 || answer.status() == 400);
            boolean graphError = answer.status() >= 400 && answer.status() < 500
                    && answer.body().startsWith("{\"error\":{\"code\":");
            if (!defect && !graphError) {
                problems.add(path + ": neither Payara's empty answer nor a Graph error: " + answer.head() + "\n"
                        + answer.body());
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(before, businesses(api), "nothing was created");
        assertEquals(200, Http.get(api.uri(Api.V1), api.manager).status(), "the service still answers");
    }

    @Test
    void transferEncodingThenContentLengthIs400AndTheConnectionClosed() throws Exception {
        Api api = new Api(base);
        int before = businesses(api);
        String create = "{\"displayName\": \"Smuggled\"}";
        String chunked = Integer.toHexString(create.length()) + "\r\n" + create + "\r\n0\r\n\r\n";
        String start = "POST " + base.getPath() + Api.V1 + " HTTP/1.1\r\nHost: " + base.getHost()
                + "\r\nAuthorization: Bearer " + api.manager + "\r\nContent-Type: application/json\r\n";
        // a second request right behind the first on the same connection: it must never be answered
        String next = "GET " + base.getPath() + "health HTTP/1.1\r\nHost: " + base.getHost() + "\r\n\r\n";
        String answer = keepAliveExchange(start + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"
                + chunked + next);
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertEquals(1, answer.split("HTTP/1\\.1 ", -1).length - 1, () -> "only the first is answered: " + answer);
        assertTrue(answer.endsWith("<closed>"), () -> "the connection is closed: " + answer);
        // a chunk extension, which RFC 9112 says to ignore, is refused by Grizzly's chunk parser
        String extension = keepAliveExchange(start + "Transfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(create.length()) + ";ext=1\r\n" + create + "\r\n0\r\n\r\n");
        assertTrue(extension.startsWith("HTTP/1.1 400 "), extension);
        assertEquals(before, businesses(api), "nothing was created");
    }

    @Test
    void aBodyWithAnUpgradeIsRefusedAtOnceWhileOthersAreServed() throws Exception {
        Api api = new Api(base);
        int before = businesses(api);
        String create = "{\"displayName\": \"Upgraded\"}";
        String start = "POST " + base.getPath() + Api.V1 + " HTTP/1.1\r\nHost: " + base.getHost()
                + "\r\nAuthorization: Bearer " + api.manager + "\r\nContent-Type: application/json\r\nContent-Length: "
                + create.length() + "\r\n";
        java.util.concurrent.ExecutorService crowd = java.util.concurrent.Executors.newFixedThreadPool(50);
        try {
            List<java.util.concurrent.Future<String>> upgrades = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String upgrade = i % 2 == 0 ? "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                        : "Upgrade: h2c\r\nConnection: Upgrade\r\n";
                upgrades.add(crowd.submit(() -> keepAliveExchange(start + upgrade + "\r\n" + create)));
            }
            long t0 = System.nanoTime();
            assertEquals(200, Http.get(api.uri(Api.V1), api.manager).status(), "another request is served meanwhile");
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos(), "and at once");
            for (java.util.concurrent.Future<String> upgrade : upgrades) {
                String answer = upgrade.get(20, java.util.concurrent.TimeUnit.SECONDS);
                assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
                assertTrue(answer.contains("\"code\":\"invalidRequest\""), answer);
                assertTrue(answer.endsWith("<closed>"), () -> "the connection is closed: " + answer);
            }
        } finally {
            crowd.shutdownNow();
        }
        assertEquals(before, businesses(api), "nothing was created");
    }

    /** Writes {@code bytes} on a new connection, without closing it, and reads until the server closes it or 3 s pass. */
    private String keepAliveExchange(String bytes) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(3000);
            socket.getOutputStream().write(bytes.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = socket.getInputStream().read(buffer); n >= 0; n = socket.getInputStream().read(buffer)) {
                    received.write(buffer, 0, n);
                }
                return received.toString(java.nio.charset.StandardCharsets.UTF_8) + "<closed>";
            } catch (java.net.SocketTimeoutException stillOpen) {
                return received.toString(java.nio.charset.StandardCharsets.UTF_8) + "<open>";
            } catch (java.net.SocketException reset) {
                return received.toString(java.nio.charset.StandardCharsets.UTF_8) + "<closed>";
            }
        }
    }

    private int businesses(Api api) throws Exception {
        Http.Reply list = Http.get(api.uri(Api.V1 + "?$count=true"), api.manager);
        assertEquals(200, list.status(), list.body());
        return list.json().getInt("@odata.count");
    }

    private void expect(List<String> problems, String what, int status, String head) throws IOException {
        expect(problems, what, status, head, "");
    }

    private void expect(List<String> problems, String what, int status, String head, String body) throws IOException {
        RawHttp.Answer answer = send(head, body);
        if (answer.status() != status) {
            problems.add(what + ": expected " + status + ", got " + answer.head());
        }
        String text = answer.body().trim();
        boolean graphs = text.startsWith("{\"error\":{\"code\":");
        if (!text.isEmpty() && !graphs) {
            problems.add(what + ": a body neither empty nor Graph's: " + text);
        }
        String lower = answer.body().toLowerCase(Locale.ROOT);
        for (String leak : List.of("<html", "exception", "at org.", "grizzly", "payara")) {
            if (lower.contains(leak)) {
                problems.add(what + ": the body reveals '" + leak + "': " + answer.body());
            }
        }
    }

    private RawHttp.Answer send(String head, String body) throws IOException {
        return RawHttp.exchange(base.getHost(), base.getPort(), head, body, Duration.ofSeconds(10));
    }
}
