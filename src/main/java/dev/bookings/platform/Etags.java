package dev.bookings.platform;

/**
 * Entity tags: {@code W/"<pk>.<version>"} in hexadecimal, from the row's key and its JPA {@code @Version}, so the
 * tag changes with every change of the entity and never repeats for an entity deleted and created again under the
 * same id. Written as {@code @odata.etag} and as the {@code ETag} header of a single entity; {@link Preconditions}
 * compares {@code If-Match} and {@code If-None-Match} against it.
 */
public final class Etags {

    private Etags() {
    }

    public static String of(Long pk, long version) {
        return "W/\"" + Long.toHexString(pk) + "." + Long.toHexString(version) + "\"";
    }
}
