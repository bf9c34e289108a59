package dev.bookings.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.util.Set;

/**
 * Enforces {@code @DenyAll}, {@code @PermitAll} and {@code @RolesAllowed} on JAX-RS resources, sub-resources
 * included; a method's annotation wins over its class's. Resource classes carry {@code @DenyAll}, so a method
 * without an annotation fails closed. The roles are the verified token's permissions
 * ({@link TokenPrincipal#getGroups()}), read straight from the principal that {@link BearerTokenMechanism} leaves in
 * a request attribute: asking the container ({@code isUserInRole}) goes through JACC's policy, whose synchronized
 * role sets every request thread queued on (src/site/markdown/benchmark.md).
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        AnnotatedElement decisive = decides(resource.getResourceMethod()) ? resource.getResourceMethod()
                : resource.getResourceClass();
        if (decisive == null || !decides(decisive)) {
            return;
        }
        RolesAllowed allowed = decisive.getAnnotation(RolesAllowed.class);
        if (decisive.isAnnotationPresent(DenyAll.class)) {
            context.register(new Check(Set.of())); // fails closed: @DenyAll wins over anything beside it
        } else if (allowed != null) {
            context.register(new Check(Set.of(allowed.value())));
        }
        // otherwise @PermitAll: nothing to check
    }

    /** Whether {@code element} carries one of the three annotations. */
    private static boolean decides(AnnotatedElement element) {
        return element != null && (element.isAnnotationPresent(DenyAll.class)
                || element.isAnnotationPresent(RolesAllowed.class) || element.isAnnotationPresent(PermitAll.class));
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {

        private final Set<String> roles;

        Check(Set<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            // the verified token from its request attribute (BearerTokenMechanism)
            if (!(request.getProperty(BearerTokenMechanism.PRINCIPAL_ATTRIBUTE) instanceof TokenPrincipal token)) {
                throw new NotAuthorizedException("Bearer");
            }
            if (roles.stream().noneMatch(token.getGroups()::contains)) {
                throw new ForbiddenException();
            }
        }
    }
}
