package dev.bookings.platform;

import dev.bookings.errors.PreconditionFailed;
import java.util.List;
import java.util.Locale;

/**
 * Entity tags: {@code W/"<pk>.<version>"} in hexadecimal, from the row's key and its JPA {@code @Version}, so the
 * tag changes with every change of the entity and never repeats for an entity deleted and created again under the
 * same id. Written as {@code @odata.etag} and as the {@code ETag} header of a single entity; {@code If-Match}
 * compares against it.
 */
public final class Etags {

    private Etags() {
    }

    public static String of(Long pk, long version) {
        return "W/\"" + Long.toHexString(pk) + "." + Long.toHexString(version) + "\"";
    }

    /**
     * Checks an {@code If-Match} header (null: no precondition) against the entity's current tag: 412
     * {@code preconditionFailed} unless it names the tag (weak or strong form) or is {@code *}.
     */
    public static void checkIfMatch(String ifMatch, String current) {
        if (ifMatch == null) {
            return;
        }
        String opaque = opaque(current);
        for (String candidate : List.of(ifMatch.split(","))) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaque(tag).equals(opaque)) {
                return;
            }
        }
        throw new PreconditionFailed("The entity has changed since the tag in If-Match was read; read it again.");
    }

    private static String opaque(String tag) {
        String t = tag.strip();
        if (t.toUpperCase(Locale.ROOT).startsWith("W/")) {
            t = t.substring(2);
        }
        return t;
    }
}
