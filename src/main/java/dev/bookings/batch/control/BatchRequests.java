package dev.bookings.batch.control;

import dev.bookings.errors.InvalidRequest;
import dev.bookings.platform.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code $batch} body as Graph defines it and checks it as a whole: at most {@value #MAX_STEPS}
 * requests, each with a unique {@code id}, a {@code method}, a {@code url} relative to the version root,
 * {@code headers} with {@code Content-Type} when there is a {@code body}, and {@code dependsOn} naming other
 * requests of the batch without a cycle. Any violation is a 400 for the whole batch, naming the request. The
 * steps come back in an order that runs every request after those it depends on.
 */
public final class BatchRequests {

    public static final int MAX_STEPS = 20;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE");
    private static final int MAX_URL_LENGTH = 4096;

    private BatchRequests() {
    }

    public static List<BatchStep> parse(JsonObject batch) {
        JsonValue requests = batch.get("requests");
        if (!(requests instanceof JsonArray array)) {
            throw new InvalidRequest("A batch needs 'requests': an array of requests.");
        }
        if (array.isEmpty()) {
            throw new InvalidRequest("A batch needs at least one request.");
        }
        if (array.size() > MAX_STEPS) {
            throw new InvalidRequest("A batch holds at most " + MAX_STEPS + " requests; this one has " + array.size() + ".");
        }
        Map<String, BatchStep> steps = new LinkedHashMap<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject request)) {
                throw new InvalidRequest("Every element of 'requests' must be an object.");
            }
            BatchStep step = step(request, JsonFields.of(request, "requests[" + i + "]"));
            if (steps.putIfAbsent(step.id(), step) != null) {
                throw new InvalidRequest("Two requests of the batch have the id '" + step.id() + "'.");
            }
        }
        for (BatchStep step : steps.values()) {
            for (String dependency : step.dependsOn()) {
                if (!steps.containsKey(dependency)) {
                    throw new InvalidRequest("Request '" + step.id() + "' depends on '" + dependency
                            + "', which is not in the batch.");
                }
            }
        }
        return ordered(steps);
    }

    private static BatchStep step(JsonObject request, JsonFields fields) {
        String id = fields.requiredString("id", 64);
        String method = fields.requiredString("method", 16).toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new InvalidRequest("Request '" + id + "': method '" + method + "' is not one of " + METHODS + ".");
        }
        String url = url(id, fields.requiredString("url", MAX_URL_LENGTH));
        Map<String, String> headers = new HashMap<>();
        JsonValue headerValue = request.get("headers");
        if (headerValue != null && headerValue != JsonValue.NULL) {
            if (!(headerValue instanceof JsonObject headerObject)) {
                throw new InvalidRequest("Request '" + id + "': 'headers' must be an object of strings.");
            }
            headerObject.forEach((name, value) -> {
                if (!(value instanceof JsonString string)) {
                    throw new InvalidRequest("Request '" + id + "': header '" + name + "' must be a string.");
                }
                if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}") || string.getString().chars().anyMatch(c -> (c < 0x20 && c != '\t') || c > 0x7e)) {
                    throw new InvalidRequest("Request '" + id + "': header '" + name + "' is not a valid header.");
                }
                headers.put(name.toLowerCase(Locale.ROOT), string.getString());
            });
        }
        JsonValue body = request.get("body");
        if (body == JsonValue.NULL) {
            body = null;
        }
        if (body != null && !headers.containsKey("content-type")) {
            throw new InvalidRequest("Request '" + id + "' has a body and so needs a Content-Type header.");
        }
        List<String> dependsOn = new ArrayList<>();
        JsonValue depends = request.get("dependsOn");
        if (depends != null && depends != JsonValue.NULL) {
            if (!(depends instanceof JsonArray dependsArray)) {
                throw new InvalidRequest("Request '" + id + "': 'dependsOn' must be an array of request ids.");
            }
            for (JsonValue dependency : dependsArray) {
                if (!(dependency instanceof JsonString dependencyId)) {
                    throw new InvalidRequest("Request '" + id + "': 'dependsOn' must be an array of request ids.");
                }
                dependsOn.add(dependencyId.getString());
            }
        }
        return new BatchStep(id, method, url, Map.copyOf(headers), body, List.copyOf(dependsOn));
    }

    /**
     * The URL below the version root: {@code /solutions/…} (a missing leading slash is added). Absolute URLs, dot
     * segments, fragments, backslashes, control characters and nested batches are refused, so a request of a
     * batch can only name what the API itself serves.
     */
    static String url(String id, String raw) {
        String url = raw.startsWith("/") ? raw : "/" + raw;
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String decoded;
        try {
            decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            URI.create("http://localhost" + url);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("Request '" + id + "': 'url' is not a valid relative URL.");
        }
        boolean dotSegment = List.of(decoded.split("/", -1)).stream().anyMatch(s -> s.equals(".") || s.equals(".."));
        if (url.startsWith("//") || url.contains("#") || decoded.contains("\\") || dotSegment
                || decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || decoded.toLowerCase(Locale.ROOT).contains("$batch")) {
            throw new InvalidRequest("Request '" + id + "': 'url' must be a path below the version root, such as "
                    + "/solutions/bookingBusinesses.");
        }
        return url;
    }

    /** The steps in an order that runs each after its dependencies (else as given); a cycle is a 400. */
    private static List<BatchStep> ordered(Map<String, BatchStep> steps) {
        List<BatchStep> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (BatchStep step : steps.values()) {
            visit(step, steps, done, visiting, order);
        }
        return order;
    }

    private static void visit(BatchStep step, Map<String, BatchStep> steps, Set<String> done, Set<String> visiting,
            List<BatchStep> order) {
        if (done.contains(step.id())) {
            return;
        }
        if (!visiting.add(step.id())) {
            throw new InvalidRequest("The requests of the batch depend on each other in a cycle through '" + step.id() + "'.");
        }
        for (String dependency : step.dependsOn()) {
            visit(steps.get(dependency), steps, done, visiting, order);
        }
        visiting.remove(step.id());
        done.add(step.id());
        order.add(step);
    }
}
