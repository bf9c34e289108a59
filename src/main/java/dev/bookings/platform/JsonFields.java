package dev.bookings.platform;

import dev.bookings.errors.InvalidRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed, validating access to the properties of a request object, naming the property in every 400. A
 * property that is absent yields {@link Optional#empty()}; {@code null} is accepted where Graph allows it and
 * reported as {@link #isNull}. Annotations ({@code @odata.type}, {@code prop@odata.type}) are simply never read.
 */
public final class JsonFields {

    private final JsonObject object;
    private final String prefix;

    private JsonFields(JsonObject object, String prefix) {
        this.object = object;
        this.prefix = prefix;
    }

    public static JsonFields of(JsonObject object) {
        return new JsonFields(object, "");
    }

    public static JsonFields of(JsonObject object, String path) {
        return new JsonFields(object, path + ".");
    }

    public JsonObject object() {
        return object;
    }

    /** The property's path for messages, such as {@code customers[0].emailAddress}. */
    public String path(String name) {
        return prefix + name;
    }

    public boolean has(String name) {
        return object.containsKey(name);
    }

    public boolean isNull(String name) {
        return object.containsKey(name) && object.get(name).getValueType() == JsonValue.ValueType.NULL;
    }

    private Optional<JsonValue> present(String name) {
        JsonValue value = object.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? Optional.empty() : Optional.of(value);
    }

    private InvalidRequest wrongType(String name, String expected) {
        return new InvalidRequest("Property '" + prefix + name + "' must be " + expected + ".");
    }

    /** The longest duration any property takes: a year and a day (maximumAdvance is at most a year in Graph). */
    public static final Duration MAX_DURATION = Duration.ofDays(366);

    public Optional<String> string(String name, int maxLength) {
        Optional<JsonValue> value = present(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof JsonString s)) {
            throw wrongType(name, "a string");
        }
        if (s.getString().length() > maxLength) {
            throw new InvalidRequest("Property '" + prefix + name + "' is longer than " + maxLength + " characters.");
        }
        if (s.getString().indexOf('\u0000') >= 0) {
            throw new InvalidRequest("Property '" + prefix + name + "' must not contain NUL characters.");
        }
        return Optional.of(s.getString());
    }

    public String requiredString(String name, int maxLength) {
        return string(name, maxLength).filter(s -> !s.isBlank())
                .orElseThrow(() -> new InvalidRequest("Property '" + prefix + name + "' is required."));
    }

    public Optional<Boolean> bool(String name) {
        Optional<JsonValue> value = present(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return switch (value.get().getValueType()) {
            case TRUE -> Optional.of(Boolean.TRUE);
            case FALSE -> Optional.of(Boolean.FALSE);
            default -> throw wrongType(name, "true or false");
        };
    }

    public Optional<Integer> integer(String name, int min, int max) {
        Optional<JsonValue> value = present(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof JsonNumber n) || !n.isIntegral() || n.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(min)) < 0
                || n.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            throw wrongType(name, "a whole number from " + min + " to " + max);
        }
        return Optional.of(n.intValue());
    }

    /** The most a price may be: any currency's amounts fit below it with their minor units. */
    public static final double MAX_AMOUNT = 1_000_000_000;

    /** A price: a number from 0 to {@link #MAX_AMOUNT}; a negative or larger one is 400, as it means nothing. */
    public Optional<Double> amount(String name) {
        Optional<Double> value = number(name);
        value.filter(v -> v < 0 || v > MAX_AMOUNT || v.isNaN()).ifPresent(v -> {
            throw new InvalidRequest("Property '" + name + "' must be a price from 0 to " + (long) MAX_AMOUNT + ".");
        });
        return value;
    }

    public Optional<Double> number(String name) {
        Optional<JsonValue> value = present(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof JsonNumber n) || Double.isInfinite(n.doubleValue())) {
            throw wrongType(name, "a number");
        }
        return Optional.of(n.doubleValue());
    }

    public Optional<JsonObject> object(String name) {
        Optional<JsonValue> value = present(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().getValueType() != JsonValue.ValueType.OBJECT) {
            throw wrongType(name, "an object");
        }
        return Optional.of(value.get().asJsonObject());
    }

    public Optional<JsonArray> array(String name) {
        Optional<JsonValue> value = present(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().getValueType() != JsonValue.ValueType.ARRAY) {
            throw wrongType(name, "an array");
        }
        return Optional.of(value.get().asJsonArray());
    }

    /** An object kept as JSON text (a location, an address), at most {@code maxLength} characters of it. */
    public Optional<String> storedObject(String name, int maxLength) {
        return object(name).map(value -> bounded(name, value.toString(), maxLength));
    }

    /** An array kept as JSON text (reminders, hours, phones), at most {@code maxLength} characters of it. */
    /** {@code bookingWorkHours} checked (see {@link WorkHours}), as JSON to store. */
    public Optional<String> workHours(String name, int maxLength) {
        return array(name).map(value -> {
            WorkHours.validate(value, prefix + name);
            return bounded(name, value.toString(), maxLength);
        });
    }

    public Optional<String> storedArray(String name, int maxLength) {
        return array(name).map(value -> bounded(name, value.toString(), maxLength));
    }

    private String bounded(String name, String json, int maxLength) {
        if (json.contains("\\u0000")) {
            throw new InvalidRequest("Property '" + prefix + name + "' must not contain NUL characters.");
        }
        if (json.length() > maxLength) {
            throw new InvalidRequest("Property '" + prefix + name + "' is larger than " + maxLength + " characters of JSON.");
        }
        return json;
    }

    public Optional<List<JsonFields>> objects(String name, int maxItems) {
        return array(name).map(array -> {
            if (array.size() > maxItems) {
                throw new InvalidRequest("Property '" + prefix + name + "' has more than " + maxItems + " elements.");
            }
            List<JsonFields> list = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new InvalidRequest("Property '" + prefix + name + "' must be an array of objects.");
                }
                list.add(new JsonFields(array.getJsonObject(i), prefix + name + "[" + i + "]."));
            }
            return list;
        });
    }

    public Optional<List<String>> strings(String name, int maxItems, int maxLength) {
        return array(name).map(array -> {
            if (array.size() > maxItems) {
                throw new InvalidRequest("Property '" + prefix + name + "' has more than " + maxItems + " elements.");
            }
            List<String> list = new ArrayList<>();
            for (JsonValue item : array) {
                if (!(item instanceof JsonString s) || s.getString().length() > maxLength || s.getString().indexOf('\u0000') >= 0) {
                    throw new InvalidRequest("Property '" + prefix + name + "' must be an array of strings of at most "
                            + maxLength + " characters.");
                }
                list.add(s.getString());
            }
            return list;
        });
    }

    /** An ISO 8601 duration such as {@code PT15M} or {@code P1D}, not negative. */
    public Optional<Duration> duration(String name) {
        return string(name, 64).map(text -> {
            try {
                Duration duration = Duration.parse(text);
                if (duration.isNegative()) {
                    throw new InvalidRequest("Property '" + prefix + name + "' must not be negative.");
                }
                if (duration.compareTo(MAX_DURATION) > 0) {
                    throw new InvalidRequest("Property '" + prefix + name + "' may be at most " + MAX_DURATION.toDays()
                            + " days.");
                }
                return duration;
            } catch (DateTimeParseException e) {
                throw new InvalidRequest("Property '" + prefix + name + "' must be an ISO 8601 duration such as PT30M.");
            }
        });
    }

    /** A {@code dateTimeTimeZone} object, see {@link GraphTimes#parse}. */
    public Optional<java.time.OffsetDateTime> dateTimeTimeZone(String name) {
        return object(name).map(value -> GraphTimes.parse(value, prefix + name));
    }
}
