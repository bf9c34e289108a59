package dev.bookings.subscriptions.control;

import dev.bookings.errors.InvalidRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The HTTP side of subscriptions: Graph's validation handshake and the POST of a notification. No redirect is
 * followed, every call has connect and answer timeouts, and no response body is kept beyond the handshake's
 * token check.
 */
@ApplicationScoped
public class Webhooks {

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
     * {@code text/plain} within the timeout. Otherwise 400, naming what went wrong.
     */
    public void validate(String url, String property) throws InterruptedException {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = "Validation: " + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        URI uri = URI.create(url + (url.contains("?") ? "&" : "?") + "validationToken="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new InvalidRequest("subscriptionValidationFailed", "The validation request to '" + property
                    + "' failed: no answer within " + settings.timeout().toSeconds() + " seconds.");
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        String body = response.body() == null ? "" : response.body();
        if (response.statusCode() != 200 || !type.startsWith("text/plain") || body.length() > MAX_TOKEN_ANSWER
                || !body.strip().equals(token)) {
            throw new InvalidRequest("subscriptionValidationFailed", "The validation request to '" + property
                    + "' was answered " + response.statusCode() + "; it must be answered 200 with the validationToken as"
                    + " text/plain.");
        }
    }

    /** POSTs a notification body; the answer's status (its body is discarded). */
    public int post(String url, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
