package dev.bookings.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Hands the verified caller ({@link BearerTokenMechanism#PRINCIPAL_ATTRIBUTE}) to {@link CallerProducer} for the
 * thread that serves the request, on the first dispatch and on an {@code ASYNC} dispatch alike: Payara carries
 * neither the container's security context nor CDI's {@code HttpServletRequest} over to the thread of an
 * {@code ASYNC} dispatch, while the request attribute belongs to the request.
 */
@WebFilter(filterName = "CallerFilter", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class CallerFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<TokenPrincipal> CURRENT = new ThreadLocal<>();

    /** The caller of the request this thread serves, if it presented a valid token. */
    static TokenPrincipal current() {
        return CURRENT.get();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        TokenPrincipal outer = CURRENT.get();
        CURRENT.set(request.getAttribute(BearerTokenMechanism.PRINCIPAL_ATTRIBUTE) instanceof TokenPrincipal principal
                ? principal : null);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.set(outer);
            if (outer == null) {
                CURRENT.remove();
            }
        }
    }
}
