package dev.bookings.platform.query;

import dev.bookings.platform.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code $select}: an entity reduced to the properties asked for, its {@code id} and its annotations. */
public final class Selection {

    private final Set<String> names;

    private Selection(Set<String> names) {
        this.names = names;
    }

    /** The selection, each name checked against the type (400 for one it does not have); null selects all. */
    public static Selection of(List<String> select, QueryableProperties properties) {
        if (select == null) {
            return new Selection(null);
        }
        Set<String> names = new HashSet<>();
        names.add("id");
        select.forEach(name -> names.add(properties.selectable(name)));
        return new Selection(names);
    }

    public JsonObject apply(JsonObject entity) {
        if (names == null) {
            return entity;
        }
        JsonObjectBuilder selected = Jsons.JSON.createObjectBuilder();
        entity.forEach((name, value) -> {
            if (names.contains(name) || name.startsWith("@odata.")) {
                selected.add(name, value);
            }
        });
        return selected.build();
    }
}
