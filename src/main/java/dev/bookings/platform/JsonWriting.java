package dev.bookings.platform;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.Collection;

/** Small helpers for writing Graph JSON: Graph writes properties that have no value as {@code null}. */
public final class JsonWriting {

    private JsonWriting() {
    }

    public static JsonObjectBuilder put(JsonObjectBuilder builder, String name, String value) {
        return value == null ? builder.addNull(name) : builder.add(name, value);
    }

    public static JsonObjectBuilder put(JsonObjectBuilder builder, String name, Double value) {
        return value == null ? builder.addNull(name) : builder.add(name, value);
    }

    public static JsonObjectBuilder put(JsonObjectBuilder builder, String name, Duration value) {
        return value == null ? builder.addNull(name) : builder.add(name, value.toString());
    }

    public static JsonObjectBuilder putStrings(JsonObjectBuilder builder, String name, Collection<String> values) {
        var array = Jsons.JSON.createArrayBuilder();
        values.forEach(array::add);
        return builder.add(name, array);
    }

    /** A JSON value kept as text in the database (a location, a reminder list), or null. */
    public static JsonObjectBuilder putStored(JsonObjectBuilder builder, String name, String storedJson) {
        if (storedJson == null) {
            return builder.addNull(name);
        }
        try (JsonReader reader = Jsons.JSON.createReader(new StringReader(storedJson))) {
            return builder.add(name, reader.readValue());
        }
    }

    /** The text to store for a JSON value, or null. */
    public static String stored(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value.toString();
    }
}
