package dev.bookings.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The verified caller, as the use cases need it.
 *
 * @param tenantId  the {@code tid} claim: all data belongs to one tenant
 * @param actorId   who acts, for audit: {@code oid}, else {@code appid}/{@code azp}, else {@code sub}
 * @param delegated true for a user's token (it carries {@code scp}), false for an application's (only {@code roles})
 */
public record Caller(String tenantId, String actorId, boolean delegated) {

    /** The caller a verified token describes. */
    public static Caller of(JsonWebToken token) {
        String actor = null;
        for (String claim : new String[] {"oid", "appid", "azp", "sub"}) {
            if (token.getClaim(claim) instanceof String value && !value.isBlank()) {
                actor = value;
                break;
            }
        }
        return new Caller(token.getClaim("tid"), actor, token.containsClaim("scp"));
    }

    public Caller {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenantId is required");
        }
        if (actorId == null || actorId.isBlank()) {
            throw new IllegalArgumentException("actorId is required");
        }
    }
}
