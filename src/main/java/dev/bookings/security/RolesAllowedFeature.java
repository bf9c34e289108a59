package dev.bookings.security;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * Enforces {@code @DenyAll}, {@code @PermitAll} and {@code @RolesAllowed} on JAX-RS resources, sub-resources
 * included, with the Jersey feature Payara ships. Resource classes carry {@code @DenyAll} so that a method
 * without an annotation fails closed.
 */
@Provider
public class RolesAllowedFeature implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        context.register(RolesAllowedDynamicFeature.class);
        return true;
    }
}
