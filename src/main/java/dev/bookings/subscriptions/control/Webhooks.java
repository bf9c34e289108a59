package dev.bookings.subscriptions.control;

import dev.bookings.errors.InvalidRequest;
import dev.bookings.errors.TooManyRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HTTP side of subscriptions: Graph's validation handshake and the POST of a notification. No redirect is
 * followed, every call has connect and answer timeouts, and no response body is kept beyond the handshake's
 * token check.
 */
@ApplicationScoped
public class Webhooks {

    /**
     * Validation handshakes at once per instance: each runs inside its write request's transaction, which holds a
     * database connection for as long as the subscriber takes to answer ({@code bookings.subscriptions
     * .timeout-seconds}), so they may take at most this many of the pool's connections; one more is 429.
     */
    static final int MAX_HANDSHAKES = 4;

    private final java.util.concurrent.Semaphore handshakes = new java.util.concurrent.Semaphore(MAX_HANDSHAKES);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_TOKEN_ANSWER = 1024;

    @Inject
    SubscriptionSettings settings;

    private HttpClient client;

    private HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return client;
    }

    /**
     * Graph's handshake: POST {@code url?validationToken=…}; the endpoint must answer 200 with the token as
     * {@code text/plain} within the timeout (answer and body both). Otherwise 400; the message does not say what
     * the endpoint answered, so the handshake cannot be used to probe other services.
     */
    public void validate(String url, String property) throws InterruptedException {
        // a write request's transaction holds a database connection while its subscriber is asked: bounded
        if (!handshakes.tryAcquire()) {
            throw new TooManyRequests("Too many subscription validations are running; retry after 1 second.", 1);
        }
        try {
            handshake(url, property);
        } finally {
            handshakes.release();
        }
    }

    private void handshake(String url, String property) throws InterruptedException {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = "Validation: " + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        URI uri = URI.create(url + (url.contains("?") ? "&" : "?") + "validationToken="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        boolean valid;
        try {
            valid = exchange(request, response -> {
                String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
                if (response.statusCode() != 200 || !type.startsWith("text/plain")) {
                    return false;
                }
                byte[] answer = response.body().readNBytes(MAX_TOKEN_ANSWER + 1);
                return new String(answer, StandardCharsets.UTF_8).strip().equals(token);
            });
        } catch (IOException e) {
            valid = false;
        }
        if (!valid) {
            throw new InvalidRequest("subscriptionValidationFailed", "The endpoint in '" + property + "' did not answer"
                    + " the validation request with 200 and the validationToken as text/plain within "
                    + settings.timeout().toSeconds() + " seconds.");
        }
    }

    /** POSTs a notification body; the answer's status. Its body is never read. */
    public int post(String url, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return exchange(request, HttpResponse::statusCode);
    }

    /** What to make of an answer; may read a little of its body. */
    @FunctionalInterface
    interface Reading<T> {
        T read(HttpResponse<InputStream> response) throws IOException;
    }

    /**
     * One call with one deadline for all of it, answer and body read: a subscriber that trickles its answer is cut
     * off at the timeout like one that never answers. The URL is checked against the allowed prefixes first, every
     * time (a name may resolve elsewhere by now). The body is closed unread beyond what {@code reader} takes.
     */
    private <T> T exchange(HttpRequest request, Reading<T> reader) throws IOException, InterruptedException {
        if (!settings.allowed(request.uri())) {
            throw new IOException("address not allowed");
        }
        AtomicReference<InputStream> reading = new AtomicReference<>();
        CompletableFuture<HttpResponse<InputStream>> sent = client().sendAsync(request,
                HttpResponse.BodyHandlers.ofInputStream());
        CompletableFuture<T> call = sent.thenApply(response -> {
            try (InputStream body = response.body()) {
                reading.set(body);
                return reader.read(response);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
        try {
            return call.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            call.cancel(true);
            InputStream body = reading.get();
            if (body != null) {
                body.close();
            }
            throw new IOException("no complete answer within the timeout");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause() == null ? "failed" : e.getCause().getClass().getSimpleName());
        }
    }
}
