package dev.bookings.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Graph's places as people read them, for mails and pages: a {@code location} (display name and postal address) and
 * a {@code physicalAddress} (street, postal code and city, state, country), each as one line; null when there is
 * nothing to show or the stored JSON is not an object.
 */
public final class Places {

    private Places() {
    }

    /** A {@code location}'s display name and postal address. */
    public static String place(String locationJson) {
        JsonObject location = object(locationJson);
        if (location == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        addText(parts, location.get("displayName"));
        String address = location.get("address") instanceof JsonObject a ? address(a) : null;
        if (address != null) {
            parts.add(address);
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** A {@code physicalAddress}: street, postal code and city, state, country. */
    public static String address(String json) {
        JsonObject address = object(json);
        return address == null ? null : address(address);
    }

    private static String address(JsonObject address) {
        List<String> parts = new ArrayList<>();
        addText(parts, address.get("street"));
        String city = String.join(" ", text(address.get("postalCode")), text(address.get("city"))).strip();
        if (!city.isEmpty()) {
            parts.add(city);
        }
        addText(parts, address.get("state"));
        addText(parts, address.get("countryOrRegion"));
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static void addText(List<String> parts, JsonValue value) {
        String text = text(value);
        if (!text.isBlank()) {
            parts.add(text.strip());
        }
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : "";
    }

    private static JsonObject object(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try (var reader = Jsons.JSON.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject o ? o : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
