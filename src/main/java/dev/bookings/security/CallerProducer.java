package dev.bookings.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Makes the verified token injectable as a request-scoped {@link JsonWebToken}. The resources, one instance each,
 * derive the use cases' {@link Caller} from it on every call ({@link Caller#of}); a {@code Caller} is never injected,
 * since a shared instance would keep the first request's.
 */
@RequestScoped
public class CallerProducer {

    @Inject
    HttpServletRequest request;

    /** The caller as {@link BearerTokenMechanism} verified it (its request attribute, as RolesAllowedFeature reads). */
    TokenPrincipal principal() {
        if (request.getAttribute(BearerTokenMechanism.PRINCIPAL_ATTRIBUTE) instanceof TokenPrincipal principal) {
            return principal;
        }
        throw new NotAuthorizedException("Bearer");
    }

    @Produces
    @RequestScoped
    JsonWebToken token() {
        return principal();
    }
}
