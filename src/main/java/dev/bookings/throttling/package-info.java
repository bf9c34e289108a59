/**
 * Throttling as Graph does it: per tenant and client application, a limit on requests in flight and a token
 * bucket on their rate; beyond them 429 {@code TooManyRequests} with {@code Retry-After}, before anything runs.
 * Stands on the ground only ({@code errors}, {@code security}).
 */
package dev.bookings.throttling;
