package dev.bookings;

import dev.bookings.security.Scopes;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The Graph Bookings API, served from the context root so that {@code /beta/…} and {@code /v1.0/…} are the
 * paths. Authentication is {@link dev.bookings.security.BearerTokenMechanism}; the roles are Graph's
 * permission names.
 */
@ApplicationScoped
@ApplicationPath("/")
@DeclareRoles({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
        Scopes.BOOKINGS_MANAGE_ALL})
public class RestApplication extends Application {

    /** No WADL: it would describe the whole resource model and the Jersey version to anyone who asks. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
