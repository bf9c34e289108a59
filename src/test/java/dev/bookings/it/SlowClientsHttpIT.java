package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clients that send a write request's headers and then hold its body back (issue 8, point 2). Payara Micro serves
 * requests on 200 threads; the suite's server gives up on a body after {@code bookings.http.body-timeout-seconds}
 * (10 in the pom).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlowClientsHttpIT {

    /** More than Payara Micro's 200 request threads. */
    static final int STALLED = 250;
    /** Spread over tenants so that none reaches its limit of concurrent requests (64). */
    static final int TENANTS = 5;

    @ArquillianResource
    URL base;

    @Test
    void clientsHoldingTheirBodiesBackTieUpNoRequestThreadAndAreAnswered408() throws Exception {
        List<Api> stallers = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            stallers.add(new Api(base));
        }
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED; i++) {
                Socket socket = new Socket(base.getHost(), base.getPort());
                socket.setSoTimeout(60_000);
                held.add(socket);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + base.getPath() + Api.V1 + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                        + "Authorization: Bearer " + stallers.get(i % TENANTS).manager + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"displayName\": \"Stal")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }

            // everyone else is still served, bodies included, while all of them wait
            Api other = new Api(base);
            String business = other.business("Served Anyway", null);
            assertEquals(200, Http.get(other.uri(Api.V1 + "/" + Api.encode(business)), other.manager).status());
            for (Socket socket : held) {
                assertEquals(0, socket.getInputStream().available(), "the held requests are still waiting");
            }

            // then each held request is answered 408 in Graph's shape, and none of them created anything
            for (Socket socket : held) {
                String answer = readAnswer(socket.getInputStream());
                assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
                assertTrue(answer.contains("\"code\":\"requestTimeout\"") && answer.contains("\"request-id\""), answer);
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        for (Api staller : stallers) {
            assertEquals("0", Http.get(staller.uri(Api.V1 + "/$count"), staller.manager).body());
        }
    }

    @Test
    void aClientThatGivesUpMidBodyCostsNothingAndAChunkedBodyTooLargeIs413() throws Exception {
        Api api = new Api(base);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("POST " + base.getPath() + Api.V1 + " HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nAuthorization: Bearer " + api.manager + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"displayName\": \"Gone").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(200);
        }
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + base.getPath() + Api.V1 + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: "
                    + "Bearer " + api.manager + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            try {
                for (int i = 0; i < 20; i++) { // 1.25 MB, beyond the 1 MB any operation reads
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException answeredEarly) {
                // the server may answer and close before the whole body is sent
            }
            String answer = readAnswer(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"code\":\"requestEntityTooLarge\""), answer);
        }
        assertEquals("0", Http.get(api.uri(Api.V1 + "/$count"), api.manager).body(), "nothing was created");
        assertEquals(201, Http.postJson(api.uri(Api.V1), api.manager, "{\"displayName\": \"Fine\"}").status(),
                "the tenant is served as before");
    }

    @Test
    void writesOverHttp2AreAnsweredOnceEach() throws Exception {
        Api api = new Api(base);
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> upgraded = http2.send(HttpRequest.newBuilder(api.uri(Api.V1))
                .header("Authorization", "Bearer " + api.manager).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, upgraded.version(), "the connection was upgraded to h2c");
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> created = http2.send(HttpRequest.newBuilder(api.uri(Api.V1))
                    .header("Authorization", "Bearer " + api.manager).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"displayName\": \"Over h2c " + i + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created::body);
            assertEquals(HttpClient.Version.HTTP_2, created.version());
        }
        assertEquals("30", Http.get(api.uri(Api.V1 + "/$count"), api.manager).body(), "each created once");
    }

    /** Reads one HTTP answer: its head, then the body of the length it gives. */
    static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
