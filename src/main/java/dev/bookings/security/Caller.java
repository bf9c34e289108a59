package dev.bookings.security;

/**
 * The verified caller, as the use cases need it.
 *
 * @param tenantId  the {@code tid} claim: all data belongs to one tenant
 * @param actorId   who acts, for audit: {@code oid}, else {@code appid}/{@code azp}, else {@code sub}
 * @param delegated true for a user's token (it carries {@code scp}), false for an application's (only {@code roles})
 */
public record Caller(String tenantId, String actorId, boolean delegated) {

    public Caller {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenantId is required");
        }
        if (actorId == null || actorId.isBlank()) {
            throw new IllegalArgumentException("actorId is required");
        }
    }
}
