package dev.bookings.batch.control;

import dev.bookings.platform.Jsons;
import dev.bookings.platform.Loopback;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    /** The most a write's own answer may hold in a batch, whatever the batch has left: twice the largest body. */
    static final long WRITE_ANSWER_BYTES = 2L * 1024 * 1024;

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
     * @param budget        what the batch has left of its bytes and time
     */
    public StepAnswer send(BatchStep step, String root, String publicBase, String authorization, String stepKey,
            BatchBudget budget) throws InterruptedException {
        long nanosLeft = budget.nanosLeft(System.nanoTime());
        if (nanosLeft <= 0) {
            return StepAnswer.error(step.id(), 504, "gatewayTimeout", "Not run: the batch took its longest time"
                    + " (bookings.batch.max-seconds); send this request again, alone or in another batch.");
        }
        boolean write = !step.method().equals("GET") && !step.url().toLowerCase(Locale.ROOT).contains("getstaffavailability");
        if (!write && budget.bytesLeft() == 0) {
            return tooLarge(step.id(), "Not run");
        }
        HttpRequest.BodyPublisher body = step.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(step.body() instanceof JsonString text
                        && !step.headers().getOrDefault("content-type", "").toLowerCase(Locale.ROOT).contains("json")
                        ? text.getString() : step.body().toString());
        // a read gets what is left of the batch's time; a write, once started, its whole time, so that it is never
        // cut short after its change (the batch may then end up to one request's time past its own bound)
        long timeout = write ? timeoutSeconds * 1_000_000_000L : Math.max(1, Math.min(timeoutSeconds * 1_000_000_000L, nanosLeft));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + step.url()))
                .timeout(Duration.ofNanos(timeout)).method(step.method(), body)
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
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return StepAnswer.error(step.id(), 504, "gatewayTimeout", "The request took longer than "
                    + Math.max(1, timeout / 1_000_000_000L) + " seconds.");
        } catch (IOException e) {
            return StepAnswer.error(step.id(), 503, "serviceNotAvailable", "The request could not be run; retry it.");
        }
        long limit = write ? Math.max(budget.bytesLeft(), WRITE_ANSWER_BYTES) : budget.bytesLeft();
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException e) {
            return StepAnswer.error(step.id(), 504, "gatewayTimeout", "The request's answer did not arrive in time.");
        }
        if (bytes.length > limit) {
            return tooLarge(step.id(), "Its answer is left out");
        }
        budget.spend(bytes.length);
        return answer(step.id(), response, new String(bytes, StandardCharsets.UTF_8));
    }

    private static StepAnswer tooLarge(String id, String what) {
        return StepAnswer.error(id, 400, "answerTooLarge", what + ": the answers of this batch together passed"
                + " bookings.batch.max-answer-bytes. Send this request alone, or in a smaller batch.");
    }

    private static StepAnswer answer(String id, HttpResponse<?> response, String text) {
        JsonObjectBuilder headers = Jsons.JSON.createObjectBuilder();
        for (String name : ANSWERED_HEADERS) {
            response.headers().firstValue(name).ifPresent(value -> headers.add(name, value));
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        return StepAnswer.of(id, response.statusCode(), headers.build(), text, type.contains("json"));
    }

}
