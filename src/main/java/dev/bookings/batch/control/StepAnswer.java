package dev.bookings.batch.control;

import dev.bookings.platform.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;

/**
 * One entry of a batch's answer: {@code id}, {@code status}, {@code headers} and the body as the request answered
 * it, kept as text (a JSON body is written into the batch's answer as it came, never held as a tree of objects).
 *
 * @param body the body's JSON text (a JSON value, or a JSON string holding a body that is not JSON), or null
 */
public record StepAnswer(String id, int status, JsonObject headers, String body) {

    /** An entry whose body is {@code text}: written as it is when it is JSON, as a JSON string when not. */
    static StepAnswer of(String id, int status, JsonObject headers, String text, boolean json) {
        if (text == null || text.isEmpty()) {
            return new StepAnswer(id, status, headers, null);
        }
        return new StepAnswer(id, status, headers, json && isJson(text) ? text : Jsons.JSON.createValue(text).toString());
    }

    /** An entry the batch makes itself, in Graph's error shape. */
    public static StepAnswer error(String id, int status, String code, String message) {
        JsonObject entry = BatchAnswers.error(id, status, code, message);
        return new StepAnswer(id, status, entry.getJsonObject("headers"), entry.getJsonObject("body").toString());
    }

    /** Whether {@code text} is one JSON value, checked as a stream of events (nothing of it is built). */
    static boolean isJson(String text) {
        try (JsonParser parser = Jsons.JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                return false;
            }
            JsonParser.Event first = parser.next();
            if (first == JsonParser.Event.START_OBJECT) {
                parser.skipObject();
            } else if (first == JsonParser.Event.START_ARRAY) {
                parser.skipArray();
            }
            return !parser.hasNext();
        } catch (JsonParsingException | IllegalStateException e) {
            return false;
        }
    }

    public void writeTo(Writer out) throws IOException {
        out.write("{\"id\":");
        out.write(Jsons.JSON.createValue(id).toString());
        out.write(",\"status\":");
        out.write(Integer.toString(status));
        out.write(",\"headers\":");
        out.write(headers.toString());
        if (body != null) {
            out.write(",\"body\":");
            out.write(body);
        }
        out.write('}');
    }
}
