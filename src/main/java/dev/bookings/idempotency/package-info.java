/**
 * Write requests that happen once however often they are sent. Every write request to the API runs in one
 * transaction ({@code IdempotencyGate} begins it, {@code WriteRequestFilter} commits it); one that carries an
 * {@code Idempotency-Key}, or a
 * {@code client-request-id} (the official SDKs send one with every call and repeat it on their retries), has its
 * answer stored in that same transaction, so a repeat gets the first answer again instead of a second change, even
 * after a crash between the commit and the answer. Stored answers expire and are purged
 * ({@code IdempotencyPurge}). Stands on the ground only ({@code platform}, {@code errors}, {@code security}).
 */
package dev.bookings.idempotency;
