package dev.bookings.security;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.Serializable;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A verified bearer token as the caller principal; implements MicroProfile's {@link JsonWebToken}. */
public class TokenPrincipal implements JsonWebToken, Serializable {

    private static final long serialVersionUID = 1L;

    private final String rawToken;
    private final transient JWTClaimsSet claims;
    private final Set<String> groups;

    public TokenPrincipal(String rawToken, JWTClaimsSet claims) {
        this.rawToken = rawToken;
        this.claims = claims;
        this.groups = Collections.unmodifiableSet(permissionsOf(claims));
    }

    /**
     * The caller's permissions, as Graph grants them: a user's token (it carries {@code scp}) has its delegated
     * scopes, space separated, and nothing else; an application's token (no {@code scp}) has its application roles
     * ({@code roles}, an array). Entra puts the app roles assigned to a user into {@code roles} of the user's delegated
     * token too; they are not Graph application permissions and never add to the scopes (a user token with
     * {@code scp=Bookings.Read.All} and {@code roles=[Bookings.Manage.All]} can only read).
     */
    static Set<String> permissionsOf(JWTClaimsSet claims) {
        Set<String> permissions = new LinkedHashSet<>();
        Object scp = claims.getClaim("scp");
        if (scp != null) {
            if (scp instanceof String s) {
                for (String scope : s.trim().split("\\s+")) {
                    if (!scope.isEmpty()) {
                        permissions.add(scope);
                    }
                }
            }
            return permissions;
        }
        if (claims.getClaim("roles") instanceof List<?> roles) {
            roles.stream().filter(String.class::isInstance).map(String.class::cast).forEach(permissions::add);
        }
        return permissions;
    }

    /** The client application the token was issued to ({@code appid}, else {@code azp}), or null. */
    public String clientId() {
        return firstString("appid", "azp");
    }

    /** The tenant ({@code tid}), or null. */
    public String tenantId() {
        return stringClaim("tid");
    }

    public Caller caller() {
        return Caller.of(this);
    }

    private String firstString(String... names) {
        for (String name : names) {
            String value = stringClaim(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private String stringClaim(String name) {
        return claims.getClaim(name) instanceof String s ? s : null;
    }

    @Override
    public String getName() {
        String name = firstString("upn", "preferred_username", "oid", "appid", "azp", "sub");
        return name == null ? "" : name;
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new LinkedHashSet<>(claims.getClaims().keySet());
        names.add("raw_token");
        names.add("groups");
        return names;
    }

    @Override
    public Set<String> getGroups() {
        return groups;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        if ("raw_token".equals(name)) {
            return (T) rawToken;
        }
        if ("groups".equals(name)) {
            return (T) groups;
        }
        Object value = claims.getClaim(name);
        if (value instanceof Date date) {
            return (T) Long.valueOf(date.getTime() / 1000);
        }
        if (value instanceof List<?> list) {
            return (T) new LinkedHashSet<>(list);
        }
        return (T) value;
    }

    @Override
    public String toString() {
        return "TokenPrincipal[" + getName() + "]";
    }
}
