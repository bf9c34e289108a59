package dev.bookings.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.NotAuthorizedException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Makes the verified token injectable as {@link JsonWebToken} and as the use cases' {@link Caller}. */
@RequestScoped
public class CallerProducer {

    @Inject
    SecurityContext securityContext;

    TokenPrincipal principal() {
        return securityContext.getPrincipalsByType(TokenPrincipal.class).stream().findFirst()
                .orElseThrow(() -> new NotAuthorizedException("Bearer"));
    }

    @Produces
    @RequestScoped
    JsonWebToken token() {
        return principal();
    }

    /** Derived from the injectable {@link JsonWebToken}, so every request exercises it. */
    @Produces
    Caller caller(JsonWebToken token) {
        return Caller.of(token);
    }
}
