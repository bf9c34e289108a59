package dev.bookings.subscriptions.control;

import dev.bookings.errors.InvalidRequest;
import dev.bookings.platform.JsonFields;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subscription body, checked: {@code resource} names the appointments of one business
 * ({@code solutions/bookingBusinesses/{id}/appointments}, or beta's {@code bookingBusinesses/{id}/appointments});
 * {@code changeType} is any of {@code created}, {@code updated}, {@code deleted}, comma separated;
 * {@code notificationUrl} (and {@code lifecycleNotificationUrl}) an absolute http(s) URL starting with an allowed
 * prefix; {@code clientState} at most 128 characters; {@code expirationDateTime} in the future and at most the
 * configured maximum ahead.
 */
public final class SubscriptionInput {

    public static final Set<String> CHANGE_TYPES = Set.of("created", "updated", "deleted");
    private static final Pattern RESOURCE = Pattern.compile(
            "/?(?:solutions/)?bookingBusinesses/([^/]+)/appointments/?", Pattern.CASE_INSENSITIVE);

    private final JsonFields fields;
    private final SubscriptionSettings settings;

    private SubscriptionInput(JsonObject body, SubscriptionSettings settings) {
        this.fields = JsonFields.of(body);
        this.settings = settings;
    }

    public static SubscriptionInput of(JsonObject body, SubscriptionSettings settings) {
        return new SubscriptionInput(body, settings);
    }

    /** The business id the resource names; the resource itself as it will be stored is {@link #resource(String)}. */
    public String businessId() {
        String resource = fields.requiredString("resource", 1000);
        Matcher matcher = RESOURCE.matcher(resource.strip());
        if (!matcher.matches()) {
            throw new InvalidRequest("Property 'resource' must name the appointments of a business, such as"
                    + " solutions/bookingBusinesses/{id}/appointments.");
        }
        try {
            return URLDecoder.decode(matcher.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("Property 'resource' has a malformed percent-escape.");
        }
    }

    /** The resource in its canonical spelling, for the business's id as stored. */
    public static String resource(String businessId) {
        return "solutions/bookingBusinesses/" + businessId + "/appointments";
    }

    public List<String> changeTypes() {
        String value = fields.requiredString("changeType", 64);
        Set<String> types = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String type = part.strip().toLowerCase(Locale.ROOT);
            if (!CHANGE_TYPES.contains(type)) {
                throw new InvalidRequest("Property 'changeType' takes created, updated and deleted, comma separated; not '"
                        + part.strip() + "'.");
            }
            types.add(type);
        }
        return new ArrayList<>(types);
    }

    public String notificationUrl() {
        return url("notificationUrl", true).orElseThrow();
    }

    public Optional<String> optionalNotificationUrl() {
        return url("notificationUrl", false);
    }

    public Optional<String> lifecycleNotificationUrl() {
        return url("lifecycleNotificationUrl", false);
    }

    public Optional<String> clientState() {
        return fields.string("clientState", 128);
    }

    public OffsetDateTime expiration(OffsetDateTime now) {
        return optionalExpiration(now).orElseThrow(() -> new InvalidRequest("Property 'expirationDateTime' is required."));
    }

    public Optional<OffsetDateTime> optionalExpiration(OffsetDateTime now) {
        return fields.string("expirationDateTime", 64).map(text -> {
            OffsetDateTime expiration;
            try {
                expiration = OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidRequest("Property 'expirationDateTime' must be an ISO 8601 date-time with offset, such as"
                        + " 2026-05-01T12:00:00Z.");
            }
            if (!expiration.isAfter(now)) {
                throw new InvalidRequest("Property 'expirationDateTime' must be in the future.");
            }
            if (expiration.isAfter(now.plus(settings.maxExpiration()))) {
                throw new InvalidRequest("Property 'expirationDateTime' may be at most " + settings.maxExpiration().toMinutes()
                        + " minutes ahead.");
            }
            return expiration;
        });
    }

    public boolean has(String name) {
        return fields.has(name);
    }

    private Optional<String> url(String name, boolean required) {
        Optional<String> value = fields.string(name, 2048).filter(s -> !s.isBlank()).map(String::strip);
        if (value.isEmpty()) {
            if (required) {
                throw new InvalidRequest("Property '" + name + "' is required.");
            }
            return value;
        }
        String url = value.get();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("Property '" + name + "' is not a URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null || uri.getPort() > 65535) {
            throw new InvalidRequest("Property '" + name + "' must be an absolute http(s) URL without user info or fragment.");
        }
        if (!settings.allowed(uri)) {
            throw new InvalidRequest("Property '" + name + "' must start with one of " + settings.allowedUrlPrefixes()
                    + " and, for a prefix without a host, name a host with public addresses only.");
        }
        return value;
    }
}
