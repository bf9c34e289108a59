/**
 * Graph's JSON batching ({@code POST /v1.0/$batch}, {@code /beta/$batch}): up to 20 requests in one, each sent to
 * this same service over loopback HTTP with the batch's own token, so each is authenticated, authorized,
 * validated, throttled and committed exactly as if it had been sent alone.
 * Stands on the ground only ({@code errors}, {@code platform}, {@code security}): its steps reach the components over
 * HTTP, not by imports.
 */
package dev.bookings.batch;
