/**
 * Graph's error contract. Every failure, whether raised by our code ({@link dev.bookings.errors.BookingException}
 * and its subclasses), by JAX-RS, by the security layer or by the servlet container, leaves the service as
 * {@code {"error": {"code", "message", "innerError": {"date", "request-id", "client-request-id"}}}} with a
 * specific code, and every response carries {@code request-id} and echoes {@code client-request-id}.
 * The bottom of the layering: it imports no other package of ours; every other package may use it.
 */
package dev.bookings.errors;
