/**
 * Who is calling. Entra-style bearer tokens (RS256, {@code scp} or {@code roles}, {@code tid}, {@code oid}, no
 * {@code jti} required) are verified by {@link dev.bookings.security.BearerTokenMechanism}, configured by the
 * standard {@code mp.jwt.verify.*} keys; scopes and app roles become the roles that {@code @RolesAllowed} checks,
 * and the token is available as {@code JsonWebToken} and as the {@link dev.bookings.security.Caller} the use cases
 * take.
 * Part of the ground: it imports only {@code errors} and {@code platform}, and no component.
 */
package dev.bookings.security;
