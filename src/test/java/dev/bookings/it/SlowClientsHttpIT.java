package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clients that send a write's headers and hold its body back cannot stop the service. More of
 * them than Payara has request threads (200), from five tenants so that throttling (64 in flight per tenant and
 * client) does not turn them away first: at most {@code bookings.http.body-waiters} (32) wait for their bodies,
 * every other one is answered 503 with {@code Retry-After} at once, and other clients are served meanwhile.
 * Before BodyWaitFilter, 200 such connections left the service answering no one until Payara's 30 s read timeout.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlowClientsHttpIT {

    static final int TENANTS = 5;
    static final int PER_TENANT = 50;
    static final int WAITERS = 32;

    @ArquillianResource
    URL base;

    @Test
    void clientsHoldingTheirBodiesBackHoldAtMostTheWaitersAndOthersAreServed() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int t = 0; t < TENANTS; t++) {
                String token = new Api(base).manager;
                for (int i = 0; i < PER_TENANT; i++) {
                    Socket socket = new Socket(base.getHost(), base.getPort());
                    socket.getOutputStream().write(("POST " + base.getPath() + Api.V1 + " HTTP/1.1\r\nHost: " + base.getHost()
                            + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 1000\r\n\r\n{\"display\"").getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    slow.add(socket);
                }
            }
            Thread.sleep(2000);

            // others are served while the slow clients hold on
            Api other = new Api(base);
            HttpResponse<String> list = within5s("GET", other.uri(Api.V1), other.manager, null);
            assertEquals(200, list.statusCode(), list.body());
            HttpResponse<String> create = within5s("POST", other.uri(Api.V1), other.manager, "{\"displayName\": \"Served\"}");
            // the body of this POST may come in a packet of its own, and then needs a waiting permit too
            assertTrue(create.statusCode() == 201 || create.statusCode() == 503 && create.headers()
                    .firstValue("Retry-After").isPresent(), create.statusCode() + " " + create.body());

            // the slow clients: all but at most WAITERS were answered at once, 503 in Graph's shape
            int refused = 0;
            int waiting = 0;
            for (Socket socket : slow) {
                String answer = answerSoFar(socket);
                if (answer.startsWith("HTTP/1.1 503")) {
                    assertTrue(answer.contains("Retry-After: 1") && answer.contains("\"code\":\"serviceNotAvailable\""), answer);
                    refused++;
                } else {
                    assertEquals("", answer, "a slow client still waiting has no answer yet");
                    waiting++;
                }
            }
            assertEquals(TENANTS * PER_TENANT, refused + waiting);
            assertTrue(waiting <= WAITERS, waiting + " requests wait for their bodies, at most " + WAITERS);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        Api after = new Api(base);
        HttpResponse<String> created = within5s("POST", after.uri(Api.V1), after.manager, "{\"displayName\": \"After\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertNotNull(created.headers().firstValue("Location").orElse(null));
    }

    /**
     * What the server has answered on this connection so far ("" for nothing within 200 ms). An answer is a few
     * hundred bytes and comes in one piece; the connection may stay open after it, so this does not read to its end.
     */
    private static String answerSoFar(Socket socket) throws IOException {
        socket.setSoTimeout(200);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            int n = in.read(buffer);
            return n <= 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            return "";
        }
    }

    private static HttpResponse<String> within5s(String method, java.net.URI uri, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token)
                .header("client-request-id", UUID.randomUUID().toString());
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
