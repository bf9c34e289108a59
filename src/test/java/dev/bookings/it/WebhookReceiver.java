package dev.bookings.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A subscriber's endpoint on 127.0.0.1: answers Graph's validation handshake (unless told to refuse it), and
 * records the notifications POSTed to it, answering 202, or {@link #status} while that is set otherwise.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** How to answer a validation request. */
    public enum Validation { ECHO, WRONG_TOKEN, SLOW }

    private final HttpServer server;
    public final List<JsonObject> notifications = new CopyOnWriteArrayList<>();
    public final AtomicInteger status = new AtomicInteger(202);
    public final AtomicInteger validations = new AtomicInteger();
    public volatile Validation validation = Validation.ECHO;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (query != null && query.startsWith("validationToken=")) {
                validations.incrementAndGet();
                String token = URLDecoder.decode(query.substring("validationToken=".length()), StandardCharsets.UTF_8);
                if (validation == Validation.SLOW) {
                    sleep(Duration.ofSeconds(4));
                }
                byte[] answer = (validation == Validation.WRONG_TOKEN ? "not the token" : token).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                return;
            }
            int answer = status.get();
            if (answer >= 200 && answer < 300) {
                JsonObject json = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
                json.getJsonArray("value").getValuesAs(JsonObject.class).forEach(n -> notifications.add(
                        Json.createObjectBuilder(n).add("path", exchange.getRequestURI().getPath()).build()));
            }
            exchange.sendResponseHeaders(answer, -1);
        }
    }

    /** The notifications received at {@code path} that match, waiting up to 20 s until there are {@code count}. */
    public List<JsonObject> await(String path, Predicate<JsonObject> match, int count) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            List<JsonObject> found = notifications.stream().filter(n -> n.getString("path").equals(path)).filter(match).toList();
            if (found.size() >= count || System.nanoTime() > until) {
                return found;
            }
            sleep(Duration.ofMillis(100));
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
