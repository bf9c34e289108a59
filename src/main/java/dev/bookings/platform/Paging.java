package dev.bookings.platform;

import dev.bookings.errors.InvalidRequest;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Server-driven paging as Graph does it: a page holds at most {@code $top} items ({@link #DEFAULT_SIZE} when
 * absent, never more than {@link #MAX_SIZE}), and a page that is not the last carries {@code @odata.nextLink}
 * with an opaque {@code $skiptoken}. No list is ever cut short without a link to the rest.
 */
public record Paging(int offset, int size) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 999;
    private static final String PREFIX = "o1:";

    /**
     * At most {@code $top} items a page ({@code defaultSize} when absent). {@code $skip} sets where the first page
     * starts; a {@code $skiptoken} (which the next links carry instead of {@code $skip}) wins over it.
     */
    public static Paging of(String top, String skip, String skipToken, int defaultSize) {
        int size = defaultSize;
        if (top != null) {
            try {
                size = Integer.parseInt(top.strip());
            } catch (NumberFormatException e) {
                throw new InvalidRequest("Query option '$top' must be a whole number.");
            }
            if (size < 1) {
                throw new InvalidRequest("Query option '$top' must be at least 1.");
            }
            size = Math.min(size, MAX_SIZE);
        }
        int offset = 0;
        if (skip != null) {
            try {
                offset = Integer.parseInt(skip.strip());
            } catch (NumberFormatException e) {
                throw new InvalidRequest("Query option '$skip' must be a whole number.");
            }
            if (offset < 0) {
                throw new InvalidRequest("Query option '$skip' must not be negative.");
            }
        }
        if (skipToken != null) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(skipToken), StandardCharsets.UTF_8);
                if (!decoded.startsWith(PREFIX)) {
                    throw new IllegalArgumentException(decoded);
                }
                offset = Integer.parseInt(decoded.substring(PREFIX.length()));
                if (offset < 0) {
                    throw new IllegalArgumentException(decoded);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidRequest("Query option '$skiptoken' is not valid; use the @odata.nextLink as given.");
            }
        }
        return new Paging(offset, size);
    }

    /** How many rows to read: one more than a page, to know whether another page follows. */
    public int fetch() {
        return size + 1;
    }

    /**
     * The collection response for {@code rows} (read with {@link #offset()} and {@link #fetch()}).
     */
    /**
     * The collection response, with {@code @odata.count} when {@code count} is not null. The next link is the
     * request's own URI (filter, order and selection included) with the {@code $skiptoken} of the next page in
     * place of any {@code $skip}.
     */
    public <T> JsonObject page(List<T> rows, Function<T, JsonObject> writer, String context, UriInfo uriInfo, Long count) {
        JsonArrayBuilder value = Jsons.JSON.createArrayBuilder();
        rows.stream().limit(size).map(writer).forEach(value::add);
        JsonObjectBuilder page = Jsons.JSON.createObjectBuilder().add("@odata.context", context);
        if (count != null) {
            page.add("@odata.count", count);
        }
        if (rows.size() > size) {
            String token = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((PREFIX + (offset + size)).getBytes(StandardCharsets.UTF_8));
            var next = uriInfo.getRequestUriBuilder();
            for (String name : uriInfo.getQueryParameters().keySet()) {
                if (name.equalsIgnoreCase("$skip") || name.equalsIgnoreCase("$skiptoken")) {
                    next.replaceQueryParam(name);
                }
            }
            page.add("@odata.nextLink", next.replaceQueryParam("$skiptoken", token).build().toString());
        }
        return page.add("value", value).build();
    }
}
