package dev.bookings.platform.query;

import dev.bookings.errors.InvalidRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Graph properties of one entity type as the query options see them: which can be named in {@code $select}
 * (every property the type writes), and which scalar ones {@code $filter} and {@code $orderby} can use, with the
 * JPA attribute each maps to. Names match in any case, as Graph matches them.
 */
public final class QueryableProperties {

    /** How a property compares: what literal it takes and which operators apply. */
    public enum Type {
        STRING, BOOLEAN, NUMBER, DATE_TIME
    }

    /** A filterable, sortable property: its Graph path ({@code startDateTime/dateTime}) and JPA attribute. */
    public record Property(String name, String attribute, Type type) {
    }

    private final String typeName;
    private final Map<String, Property> queryable;
    private final Map<String, String> selectable;

    private QueryableProperties(String typeName, Map<String, Property> queryable, Map<String, String> selectable) {
        this.typeName = typeName;
        this.queryable = queryable;
        this.selectable = selectable;
    }

    public static Builder of(String typeName) {
        return new Builder(typeName);
    }

    /** The property {@code $filter} or {@code $orderby} names, or 400 naming what can be used instead. */
    public Property queryable(String name, String option) {
        return Optional.ofNullable(queryable.get(name.toLowerCase(Locale.ROOT))).orElseThrow(() -> new InvalidRequest(
                "Property '" + name + "' cannot be used in '" + option + "' on " + typeName + "; these can: "
                        + String.join(", ", queryable.values().stream().map(Property::name).toList()) + "."));
    }

    /** The property's name as the type writes it, or 400 when the type has no such property. */
    public String selectable(String name) {
        String found = selectable.get(name.toLowerCase(Locale.ROOT));
        if (found == null) {
            throw new InvalidRequest("Property '" + name + "' in '$select' does not exist on " + typeName + ".");
        }
        return found;
    }

    public static final class Builder {

        private final String typeName;
        private final Map<String, Property> queryable = new LinkedHashMap<>();
        private final Map<String, String> selectable = new LinkedHashMap<>();

        private Builder(String typeName) {
            this.typeName = typeName;
        }

        public Builder string(String name, String attribute) {
            return add(name, attribute, Type.STRING);
        }

        public Builder bool(String name, String attribute) {
            return add(name, attribute, Type.BOOLEAN);
        }

        public Builder number(String name, String attribute) {
            return add(name, attribute, Type.NUMBER);
        }

        public Builder dateTime(String name, String attribute) {
            return add(name, attribute, Type.DATE_TIME);
        }

        /** Properties that can be selected but not filtered on or sorted by (structures, collections). */
        public Builder selectOnly(String... names) {
            for (String name : names) {
                selectable.put(name.toLowerCase(Locale.ROOT), name);
            }
            return this;
        }

        private Builder add(String name, String attribute, Type type) {
            queryable.put(name.toLowerCase(Locale.ROOT), new Property(name, attribute, type));
            String top = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
            selectable.put(top.toLowerCase(Locale.ROOT), top);
            return this;
        }

        public QueryableProperties build() {
            return new QueryableProperties(typeName, Collections.unmodifiableMap(new LinkedHashMap<>(queryable)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(selectable)));
        }
    }
}
