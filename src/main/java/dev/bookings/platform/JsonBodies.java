package dev.bookings.platform;

import dev.bookings.errors.InvalidRequest;
import dev.bookings.errors.RequestTooLarge;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads request bodies ourselves rather than through a provider, so that every fault of the client ends as a
 * clear 400 (or 413) in Graph's error shape: too large, not UTF-8, not JSON, more after the JSON value, a lone
 * surrogate, not an object. A body means one thing: what a proxy or filter parsing the whole body would see.
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
        String text = utf8(bytes);
        try (JsonParser parser = Jsons.JSON.createParser(new StringReader(text))) {
            parser.next();
            JsonValue value = parser.getValue();
            requireNothingAfter(parser);
            requireWholeCharacters(value);
            return value;
        } catch (JsonParsingException e) {
            var location = e.getLocation();
            throw new InvalidRequest("The request body is not valid JSON"
                    + (location == null ? "" : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")")
                    + ".");
        } catch (JsonException e) {
            throw new InvalidRequest("The request body is not valid JSON.");
        } catch (InvalidRequest e) {
            throw e;
        } catch (RuntimeException e) {
            // the parser's own limits, such as nesting depth, surface as plain runtime exceptions
            throw new InvalidRequest("The request body is not acceptable JSON: " + e.getMessage());
        }
    }

    /** Anything after the value but whitespace (a second document, garbage) makes the body mean two things. */
    private static void requireNothingAfter(JsonParser parser) {
        boolean more;
        try {
            more = parser.hasNext();
        } catch (JsonParsingException e) {
            more = true; // the parser's way of saying "expected the end, got more"
        }
        if (more) {
            var location = parser.getLocation();
            throw new InvalidRequest("The request body has more after its JSON value"
                    + (location == null ? "" : " (line " + location.getLineNumber() + ", column "
                    + location.getColumnNumber() + ")") + "; send one JSON object.");
        }
    }

    /**
     * The body as text: UTF-8, as RFC 8259 requires between systems (other charsets are refused with 415 before the
     * body is read, by {@link Utf8Bodies}), decoded strictly, so that a byte sequence that is not UTF-8 is a 400
     * rather than silently stored as U+FFFD. A leading byte order mark is ignored, as RFC 8259 allows.
     */
    private static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidRequest("The request body is not valid UTF-8.");
        }
    }

    /** No string or name of the value holds half of a surrogate pair (such as an escaped lone {@code \\uD800}). */
    private static void requireWholeCharacters(JsonValue value) {
        switch (value.getValueType()) {
            case STRING -> requireWholeCharacters(((JsonString) value).getString());
            case ARRAY -> value.asJsonArray().forEach(JsonBodies::requireWholeCharacters);
            case OBJECT -> value.asJsonObject().forEach((name, member) -> {
                requireWholeCharacters(name);
                requireWholeCharacters(member);
            });
            default -> {
                // numbers, true, false, null
            }
        }
    }

    private static void requireWholeCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidRequest("The request body has a string with half of a UTF-16 surrogate pair"
                        + " (a lone \\u" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + ").");
            }
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
