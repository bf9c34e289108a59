package dev.bookings.batch.control;

import dev.bookings.platform.Jsons;
import dev.bookings.platform.Loopback;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one request of a batch to this same server, on the address and port the batch came in on, with the
 * batch's {@code Authorization}: the step then meets every check a request sent alone meets. Answers the step's
 * entry of the batch response: {@code id}, {@code status}, the headers a client needs and the body.
 */
@ApplicationScoped
public class LoopbackClient {

    /** Headers a step may not set: the transport's own, and the batch's credentials and loopback marks. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "te", "trailer", "keep-alive", "proxy-authorization", "proxy-connection",
            "authorization", Loopback.SECRET_HEADER.toLowerCase(Locale.ROOT), Loopback.BASE_HEADER.toLowerCase(Locale.ROOT),
            Loopback.STEP_KEY_HEADER.toLowerCase(Locale.ROOT));
    private static final List<String> ANSWERED_HEADERS = List.of("Content-Type", "Location", "ETag", "Retry-After",
            "request-id", "client-request-id");

    @Inject
    @ConfigProperty(name = "bookings.batch.request-timeout-seconds")
    int timeoutSeconds;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * @param root          the version root on this server, such as {@code http://127.0.0.1:8080/v1.0}
     * @param publicBase    the base URL the client used, for the links in the answer
     * @param authorization the batch's {@code Authorization} header
     * @param stepKey       the key the batch's requests are given (the request's id is added), or null for none: a
     *                      request with an {@code Idempotency-Key} of its own keeps that
     */
    public JsonObject send(BatchStep step, String root, String publicBase, String authorization, String stepKey)
            throws InterruptedException {
        HttpRequest.BodyPublisher body = step.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(step.body() instanceof JsonString text
                        && !step.headers().getOrDefault("content-type", "").toLowerCase(Locale.ROOT).contains("json")
                        ? text.getString() : step.body().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + step.url()))
                .timeout(Duration.ofSeconds(timeoutSeconds)).method(step.method(), body)
                .header(Loopback.SECRET_HEADER, Loopback.secretValue()).header(Loopback.BASE_HEADER, publicBase);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (stepKey != null && !step.headers().containsKey("idempotency-key")) {
            request.header(Loopback.STEP_KEY_HEADER, stepKey + "#" + step.id());
        }
        step.headers().forEach((name, value) -> {
            if (!NOT_FORWARDED.contains(name)) {
                request.header(name, value);
            }
        });
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return BatchAnswers.error(step.id(), 504, "gatewayTimeout",
                    "The request took longer than " + timeoutSeconds + " seconds.");
        } catch (IOException e) {
            return BatchAnswers.error(step.id(), 503, "serviceNotAvailable", "The request could not be run; retry it.");
        }
        return answer(step.id(), response);
    }

    private static JsonObject answer(String id, HttpResponse<String> response) {
        JsonObjectBuilder headers = Jsons.JSON.createObjectBuilder();
        for (String name : ANSWERED_HEADERS) {
            response.headers().firstValue(name).ifPresent(value -> headers.add(name, value));
        }
        JsonObjectBuilder answer = Jsons.JSON.createObjectBuilder().add("id", id).add("status", response.statusCode())
                .add("headers", headers);
        String text = response.body();
        if (text != null && !text.isEmpty()) {
            String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            answer.add("body", type.contains("json") ? json(text) : Jsons.JSON.createValue(text));
        }
        return answer.build();
    }

    private static JsonValue json(String text) {
        try (var reader = Jsons.JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            return Jsons.JSON.createValue(text);
        }
    }
}
