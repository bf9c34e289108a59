package dev.bookings.idempotency.control;

import dev.bookings.platform.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An answer as it is kept for a repeat: status, the headers that describe it (not those of one exchange, such as
 * {@code request-id}, {@code Date} or {@code Connection}: a replay has its own) and the body.
 */
public record StoredAnswer(int status, Map<String, List<String>> headers, String body) {

    private static final Set<String> NOT_KEPT = Set.of("request-id", "client-request-id", "date", "content-length",
            "connection", "keep-alive", "transfer-encoding", "set-cookie", "retry-after", "server", "x-powered-by");

    /**
     * Whether an answer with this status is kept: every answer but those that invite a retry as they are (408, 409
     * from a concurrent change, 429, every 5xx) or that depend on the token rather than the request (401, 403).
     */
    public static boolean kept(int status) {
        return status >= 200 && status < 500 && status != 401 && status != 403 && status != 408 && status != 409
                && status != 429;
    }

    /** Whether a header of the answer is kept with it. */
    public static boolean keeps(String header) {
        return !NOT_KEPT.contains(header.toLowerCase(Locale.ROOT));
    }

    /** The headers as stored: a JSON object of arrays. */
    public String headersJson() {
        JsonObjectBuilder json = Jsons.JSON.createObjectBuilder();
        headers.forEach((name, values) -> {
            JsonArrayBuilder array = Jsons.JSON.createArrayBuilder();
            values.forEach(array::add);
            json.add(name, array);
        });
        return json.build().toString();
    }

    public static Map<String, List<String>> headersOf(String json) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (json == null || json.isEmpty()) {
            return headers;
        }
        try (var reader = Jsons.JSON.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            object.forEach((name, values) -> {
                List<String> list = new ArrayList<>();
                for (JsonValue value : values.asJsonArray()) {
                    list.add(((JsonString) value).getString());
                }
                headers.put(name, list);
            });
        }
        return headers;
    }
}
