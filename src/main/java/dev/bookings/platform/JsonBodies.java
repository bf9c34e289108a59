package dev.bookings.platform;

import dev.bookings.errors.InvalidRequest;
import dev.bookings.errors.RequestTooLarge;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads request bodies ourselves rather than through a provider, so that every fault of the client ends as a
 * clear 400 (or 413) in Graph's error shape: too large, not UTF-8 JSON, not an object.
 */
public final class JsonBodies {

    /** The most any operation reads; Graph's own request limit is 4 MB, ours is smaller. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(JsonBodies.class.getName());

    private JsonBodies() {
    }

    /** The body as an object; an empty body counts as {@code {}} when {@code emptyAllowed}. */
    public static JsonObject readObject(InputStream body, boolean emptyAllowed) {
        byte[] bytes = readBounded(body);
        if (isBlank(bytes)) {
            if (emptyAllowed) {
                return JsonValue.EMPTY_JSON_OBJECT;
            }
            throw new InvalidRequest("The request body is empty; a JSON object is required.");
        }
        JsonValue value = parse(bytes);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRequest("The request body must be a JSON object.");
        }
        return value.asJsonObject();
    }

    private static JsonValue parse(byte[] bytes) {
        try (JsonReader reader = Jsons.JSON.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            var location = e.getLocation();
            throw new InvalidRequest("The request body is not valid JSON"
                    + (location == null ? "" : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")")
                    + ".");
        } catch (JsonException e) {
            throw new InvalidRequest("The request body is not valid JSON.");
        } catch (RuntimeException e) {
            // the parser's own limits, such as nesting depth, surface as plain runtime exceptions
            throw new InvalidRequest("The request body is not acceptable JSON: " + e.getMessage());
        }
    }

    private static byte[] readBounded(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new RequestTooLarge(MAX_BYTES);
            }
            return bytes;
        } catch (IOException e) {
            // the client stopped sending (closed the connection, or the read timed out): its mistake, not ours,
            // so one line at INFO and a 400, never a 500 with a stack trace
            LOG.info(() -> "Request body not received in full: " + e);
            throw new InvalidRequest("The request body was not received in full.");
        }
    }

    private static boolean isBlank(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).isBlank();
    }
}
