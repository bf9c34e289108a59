package dev.bookings.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the service is reached from outside ({@code bookings.public-base-url}, e.g. {@code https://bookings.contoso.example}),
 * the base of every link it writes: {@code @odata.context}, {@code @odata.nextLink}, {@code Location}. Set, the
 * request's {@code Host} (and any scheme or port a client claims) is ignored, so a forged {@code Host} cannot
 * send a client's next page elsewhere. Unset, links use the scheme, host and port the request came to, which is
 * right only when clients reach the service directly: set it behind a proxy or load balancer.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class PublicBaseUrl implements ContainerRequestFilter {

    public static final String KEY = "bookings.public-base-url";

    private final URI base;

    public PublicBaseUrl() {
        this(ConfigProvider.getConfig().getOptionalValue(KEY, String.class));
    }

    PublicBaseUrl(Optional<String> configured) {
        this.base = configured.map(String::strip).filter(s -> !s.isEmpty()).map(PublicBaseUrl::parse).orElse(null);
    }

    static URI parse(String value) {
        URI uri;
        try {
            uri = URI.create(value.endsWith("/") ? value : value + "/");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY + " is not a URL: " + value, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalStateException(KEY + " must be an absolute http(s) URL without query or fragment: " + value);
        }
        return uri;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        URI to = base != null ? base : Loopback.trustedBase(request);
        if (to != null) {
            request.setRequestUri(to, rebase(request.getUriInfo().getBaseUri(), request.getUriInfo().getRequestUri(), to));
        }
    }

    /** The request's path below its base and its query, under {@code to}. */
    static URI rebase(URI from, URI request, URI to) {
        String path = request.getRawPath() == null ? "" : request.getRawPath();
        String below = path.startsWith(from.getRawPath()) ? path.substring(from.getRawPath().length()) : path.replaceFirst("^/", "");
        return URI.create(to.toString() + below + (request.getRawQuery() == null ? "" : "?" + request.getRawQuery()));
    }
}
