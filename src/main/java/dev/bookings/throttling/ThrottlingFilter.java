package dev.bookings.throttling;

import dev.bookings.errors.GraphError;
import dev.bookings.errors.RequestIds;
import dev.bookings.security.BearerTokenMechanism;
import dev.bookings.security.TokenPrincipal;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Throttles API requests per tenant and client application, as Graph does: beyond the concurrent or the rate
 * limit a request is answered 429 {@code TooManyRequests} in Graph's error shape with an integer
 * {@code Retry-After}, before it reaches any resource, so a throttled request has changed nothing. Runs after
 * authentication (an unauthenticated request has been answered 401 already). The limits hold per instance: with
 * N instances behind a balancer a client may get up to N times them. Inner requests of {@code $batch} are counted
 * like any other.
 */
@WebFilter(filterName = "ThrottlingFilter", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = DispatcherType.REQUEST)
public class ThrottlingFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    @ConfigProperty(name = "bookings.throttle.requests-per-second")
    double requestsPerSecond;

    @Inject
    @ConfigProperty(name = "bookings.throttle.burst")
    int burst;

    @Inject
    @ConfigProperty(name = "bookings.throttle.concurrent-requests")
    int concurrent;

    @Inject
    @ConfigProperty(name = "bookings.throttle.client-limits")
    Optional<String> clientLimits;

    private transient Limits limits;
    private transient Map<String, Limits> overrides;
    private final transient Throttle throttle = new Throttle(System::nanoTime);

    @PostConstruct
    void configure() {
        limits = new Limits(requestsPerSecond, burst, concurrent);
        overrides = Limits.parseOverrides(clientLimits.orElse(null));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request.getAttribute(BearerTokenMechanism.PRINCIPAL_ATTRIBUTE) instanceof TokenPrincipal principal)
                || !BearerTokenMechanism.isApi(request)) {
            chain.doFilter(request, response);
            return;
        }
        String client = principal.clientId() == null ? "" : principal.clientId();
        Throttle.Decision decision = throttle.acquire(principal.tenantId() + " " + client,
                overrides.getOrDefault(client, limits));
        if (!decision.admitted()) {
            refuse(request, response, decision.retryAfterSeconds());
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            decision.release();
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long retryAfter)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfter));
        GraphError.write(request, response, 429, "TooManyRequests", "Too many requests from this application for "
                + "this tenant; retry after " + retryAfter + " seconds.");
    }
}
