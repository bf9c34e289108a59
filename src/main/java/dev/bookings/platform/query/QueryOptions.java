package dev.bookings.platform.query;

import dev.bookings.errors.InvalidRequest;
import dev.bookings.platform.Paging;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The OData system query options of one request, as Graph reads them: {@code $top}, {@code $skip},
 * {@code $skiptoken} (paging), {@code $count}, {@code $select}, {@code $filter} and {@code $orderby}. Names match
 * in any case; each may appear once. Any other {@code $} option ({@code $expand}, {@code $search}, …) is a 400
 * rather than silently ignored, so a client never takes an unfiltered answer for a filtered one. On beta the
 * {@code $} is optional ({@code filter=} is {@code $filter=}, and both at once are the option given twice), as
 * Graph documents; on v1.0 an option without its {@code $} is a 400 naming it, where Graph would ignore it.
 *
 * @param select  the properties asked for, or null for all
 * @param filter  the parsed filter, or null for none
 * @param orderBy the sort keys, empty for the collection's own order
 */
public record QueryOptions(Paging paging, boolean count, List<String> select, Filter filter, List<OrderKey> orderBy) {

    private static final Set<String> LIST_OPTIONS = Set.of("$top", "$skip", "$skiptoken", "$count", "$select",
            "$filter", "$orderby");
    /** The options of a list that is not a database query: paging, count and selection. */
    public static final Set<String> PAGING_OPTIONS = Set.of("$top", "$skip", "$skiptoken", "$count", "$select");
    private static final Set<String> ENTITY_OPTIONS = Set.of("$select");
    /** OData's system query options: on beta also without their {@code $}. */
    private static final Set<String> SYSTEM_OPTIONS = Set.of("$top", "$skip", "$skiptoken", "$count", "$select",
            "$filter", "$orderby", "$expand", "$search", "$format", "$compute", "$apply", "$levels", "$deltatoken");
    static final int MAX_ORDER_KEYS = 8;

    /** The options of a list request. */
    public static QueryOptions forList(UriInfo uriInfo) {
        return forList(uriInfo, LIST_OPTIONS);
    }

    /** The options of a list request that takes only {@code allowed} of them (others are 400). */
    public static QueryOptions forList(UriInfo uriInfo, Set<String> allowed) {
        return forList(uriInfo, allowed, Paging.DEFAULT_SIZE);
    }

    /** The options of a list request that takes only {@code allowed} of them, in pages of {@code defaultSize}. */
    public static QueryOptions forList(UriInfo uriInfo, Set<String> allowed, int defaultSize) {
        Map<String, String> options = options(uriInfo, allowed);
        Paging paging = Paging.of(options.get("$top"), options.get("$skip"), options.get("$skiptoken"), defaultSize);
        return new QueryOptions(paging, bool(options.get("$count")), select(options.get("$select")),
                options.containsKey("$filter") ? FilterParser.parse(options.get("$filter")) : null,
                orderBy(options.get("$orderby")));
    }

    /** The {@code $filter} of a {@code /$count} request (the only option it takes), or null. */
    public static Filter forCount(UriInfo uriInfo) {
        Map<String, String> options = options(uriInfo, Set.of("$filter"));
        return options.containsKey("$filter") ? FilterParser.parse(options.get("$filter")) : null;
    }

    /** The {@code $select} of a request for one entity, or null for all properties. */
    public static List<String> forEntity(UriInfo uriInfo) {
        return select(options(uriInfo, ENTITY_OPTIONS).get("$select"));
    }

    private static Map<String, String> options(UriInfo uriInfo, Set<String> allowed) {
        Map<String, String> options = new java.util.HashMap<>();
        MultivaluedMap<String, String> query = uriInfo.getQueryParameters();
        String path = uriInfo.getPath().toLowerCase(Locale.ROOT);
        boolean beta = path.startsWith("beta/") || path.startsWith("/beta/");
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            if (!name.startsWith("$")) {
                if (!SYSTEM_OPTIONS.contains("$" + name)) {
                    continue; // an operation's own parameter (start, end, query), not an OData option
                }
                if (!beta) {
                    // Graph's v1.0 ignores such a parameter; answering the list unfiltered would mislead the client
                    throw new InvalidRequest("Query option '" + entry.getKey() + "' needs its '$' on v1.0: '$" + name
                            + "'.");
                }
                name = "$" + name; // on beta the '$' is optional, as Graph documents it
            }
            if (!allowed.contains(name)) {
                throw new InvalidRequest("Query option '" + name + "' is not supported here; supported: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ".");
            }
            if (entry.getValue().size() > 1 || options.containsKey(name)) {
                throw new InvalidRequest("Query option '" + name + "' is given more than once.");
            }
            options.put(name, entry.getValue().get(0));
        }
        return options;
    }

    private static boolean bool(String value) {
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequest("Query option '$count' must be true or false.");
        };
    }

    private static List<String> select(String value) {
        if (value == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String name = part.strip();
            if (name.isEmpty()) {
                throw new InvalidRequest("Query option '$select' has an empty property name.");
            }
            if (name.equals("*")) {
                return null;
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private static List<OrderKey> orderBy(String value) {
        if (value == null) {
            return List.of();
        }
        List<OrderKey> keys = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String[] words = part.strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty() || words.length > 2) {
                throw new InvalidRequest("Query option '$orderby' takes 'property [asc|desc]' separated by commas.");
            }
            boolean descending = false;
            if (words.length == 2) {
                switch (words[1].toLowerCase(Locale.ROOT)) {
                    case "asc" -> descending = false;
                    case "desc" -> descending = true;
                    default -> throw new InvalidRequest("Query option '$orderby' takes asc or desc after a property, not '"
                            + words[1] + "'.");
                }
            }
            keys.add(new OrderKey(words[0], descending));
        }
        if (keys.size() > MAX_ORDER_KEYS) {
            throw new InvalidRequest("Query option '$orderby' takes at most " + MAX_ORDER_KEYS + " properties.");
        }
        return List.copyOf(keys);
    }
}
