package dev.bookings.batch.control;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * One request of a batch, validated: its {@code id}, method, URL below the version root (starting with
 * {@code /}), headers (names lower-cased), body (null for none) and the ids it depends on.
 */
public record BatchStep(String id, String method, String url, Map<String, String> headers, JsonValue body,
        List<String> dependsOn) {
}
