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
import java.security.Principal;
import java.util.Set;

/**
 * Enforces {@code @DenyAll}, {@code @PermitAll} and {@code @RolesAllowed} on JAX-RS resources, sub-resources
 * included; a method's annotation wins over its class's. Resource classes carry {@code @DenyAll}, so a method
 * without an annotation fails closed. The roles are the verified token's permissions ({@link TokenPrincipal#getGroups()}),
 * read straight from the principal: asking the container ({@code isUserInRole}) goes through JACC's policy, whose
 * synchronized role sets every request thread queued on (README, "Benchmark").
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Set<String> roles = required(resource.getResourceMethod());
        if (roles == null) {
            roles = required(resource.getResourceClass());
        }
        if (roles != null && !roles.contains(PERMIT_ALL)) {
            context.register(new Check(roles));
        }
    }

    private static final String PERMIT_ALL = "*permit-all*";

    /** The roles {@code element} requires: empty for {@code @DenyAll}, {@code PERMIT_ALL}, or null when it says nothing. */
    private static Set<String> required(AnnotatedElement element) {
        if (element == null) {
            return null;
        }
        if (element.isAnnotationPresent(DenyAll.class)) {
            return Set.of();
        }
        RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
        if (allowed != null) {
            return Set.of(allowed.value());
        }
        return element.isAnnotationPresent(PermitAll.class) ? Set.of(PERMIT_ALL) : null;
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {

        private final Set<String> roles;

        Check(Set<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Principal principal = request.getSecurityContext().getUserPrincipal();
            if (!(principal instanceof TokenPrincipal token)) {
                throw new NotAuthorizedException("Bearer");
            }
            if (roles.stream().noneMatch(token.getGroups()::contains)) {
                throw new ForbiddenException();
            }
        }
    }
}
