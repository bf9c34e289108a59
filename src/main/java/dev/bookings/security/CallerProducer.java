package dev.bookings.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.ws.rs.NotAuthorizedException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Makes the verified token injectable as {@link JsonWebToken} and as the use cases' {@link Caller}. */
@RequestScoped
public class CallerProducer {

    /** The caller as {@link BearerTokenMechanism} verified it ({@link CallerFilter}). */
    TokenPrincipal principal() {
        TokenPrincipal principal = CallerFilter.current();
        if (principal == null) {
            throw new NotAuthorizedException("Bearer");
        }
        return principal;
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
