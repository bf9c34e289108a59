/**
 * Graph's JSON batching ({@code POST /v1.0/$batch}, {@code /beta/$batch}): up to 20 requests in one, each sent to
 * this same service over loopback HTTP with the batch's own token, so each is authenticated, authorized,
 * validated, throttled and committed exactly as if it had been sent alone.
 */
package dev.bookings.batch;
