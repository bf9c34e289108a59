package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client's mistake is at most one line in the server's log, at INFO or WARNING, with no stack trace; SEVERE is for
 * our own faults. The first and last steps run inside the server and watch its log; the middle one is the client
 * making the mistakes.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientMistakesLogIT {

    /** Loggers of the background work (notice and webhook delivery), which other tests may still keep busy. */
    static final List<String> BACKGROUND = List.of("dev.bookings.notifications", "dev.bookings.subscriptions");
    static final List<LogRecord> RECORDS = new CopyOnWriteArrayList<>();
    static final Handler WATCH = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
            if (record.getLevel().intValue() >= Level.INFO.intValue() && BACKGROUND.stream().noneMatch(logger::startsWith)) {
                RECORDS.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    static final List<String> DOT_DOT_IDS = List.of("x", "xy", "xyz");
    static final int MISTAKES = 7 + DOT_DOT_IDS.size();

    @ArquillianResource
    URL base;

    @Test
    @Order(1)
    void watchTheLog() {
        RECORDS.clear();
        Logger.getLogger("").addHandler(WATCH);
    }

    @Test
    @Order(2)
    @RunAsClient
    void clientsMakeMistakes() throws Exception {
        Api api = new Api(base);
        // 1. a body that is not JSON
        assertEquals(400, Http.postJson(api.uri(Api.V1), api.manager, "{\"displayName\": ").status());
        // 2. a request abandoned before its answer is read
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            String body = "{\"displayName\": \"" + "x".repeat(300) + "\"}";
            socket.getOutputStream().write(("POST " + base.getPath() + Api.V1 + " HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nAuthorization: Bearer " + api.manager + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }
        // 3. a body abandoned midway: 1,000 bytes announced, 10 sent, the connection closed (once, Jersey logged the
        // failed answer at SEVERE and the container its error page's failure: about 300 lines)
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("POST " + base.getPath() + Api.V1 + " HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nAuthorization: Bearer " + api.manager + "\r\nContent-Type: application/json\r\nContent-Length: 1000"
                    + "\r\n\r\n{\"display\"").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(300);
        }
        // 4. and 5. malformed URIs that Payara's URI decoder fails on before the application runs (it logged each at
        // SEVERE with a stack trace): an escape that is not two hex digits, an escape cut short at the end of the path,
        // raw paths ending in /.. (the decoder fails on some of their lengths only, so three of them)
        rawRequest("POST " + base.getPath() + Api.V1 + "/%u0041 HTTP/1.1");
        rawRequest("POST " + base.getPath() + Api.V1 + "/%4 HTTP/1.1");
        for (String id : DOT_DOT_IDS) {
            rawRequest("GET " + base.getPath() + "beta/bookingBusinesses/" + id + "/appointments/.. HTTP/1.1");
        }
        // 8. a chunked body whose chunk size is not hex (Grizzly logged a WARNING with twenty lines of stack trace)
        RawHttp.exchange(base.getHost(), base.getPort(), "POST " + base.getPath() + Api.V1 + " HTTP/1.1\r\nHost: "
                + base.getHost() + "\r\nTransfer-Encoding: chunked\r\n", "zz\r\n{}\r\n0\r\n\r\n", Duration.ofSeconds(10));
        // 9. Transfer-Encoding, then Content-Length (Payara logged "Can't use both headers ..." at SEVERE)
        RawHttp.exchange(base.getHost(), base.getPort(), "POST " + base.getPath() + Api.V1 + " HTTP/1.1\r\nHost: "
                + base.getHost() + "\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n", "2\r\n{}\r\n0\r\n\r\n",
                Duration.ofSeconds(10));
        // 10. not a mistake at all: fifty concurrent creates of businesses with one name in one tenant race for the
        // same ids; each must get its own (201), and the races must not be logged (EclipseLink logged each lost race
        // with a 176-line stack trace, and the client got 409)
        String name = "Race " + java.util.UUID.randomUUID();
        java.util.concurrent.ExecutorService crowd = java.util.concurrent.Executors.newFixedThreadPool(25);
        try {
            List<java.util.concurrent.Future<Http.Reply>> creates = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                creates.add(crowd.submit(() -> Http.postJson(api.uri(Api.V1), api.manager,
                        "{\"displayName\": \"" + name + "\"}")));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (java.util.concurrent.Future<Http.Reply> create : creates) {
                Http.Reply reply = create.get();
                assertEquals(201, reply.status(), reply::toString);
                ids.add(reply.json().getString("id"));
            }
            assertEquals(50, ids.size(), "fifty distinct ids");
        } finally {
            crowd.shutdownNow();
        }
        Thread.sleep(1500);
        assertEquals(200, Http.get(api.uri(Api.V1), api.manager).status(), "the service still answers");
    }

    @Test
    @Order(3)
    void atMostOneLineEachNoneSevere() {
        Logger.getLogger("").removeHandler(WATCH);
        String lines = RECORDS.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage())
                .collect(Collectors.joining("\n"));
        assertTrue(RECORDS.stream().noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()), lines);
        assertTrue(RECORDS.stream().noneMatch(r -> r.getThrown() != null), () -> "a stack trace was logged:\n" + lines);
        assertTrue(RECORDS.size() <= MISTAKES, () -> RECORDS.size() + " lines for " + MISTAKES + " mistakes:\n" + lines);
    }

    /** Sends one request line (and Host) and reads the answer to its end. */
    private void rawRequest(String requestLine) throws Exception {
        RawHttp.exchange(base.getHost(), base.getPort(), requestLine + "\r\nHost: " + base.getHost() + "\r\n", "",
                Duration.ofSeconds(10));
    }
}
