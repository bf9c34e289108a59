/**
 * bookingCustomer: the people a business serves, kept per business.
 * Stands on {@code businesses} (whose item machinery serves it) and the ground.
 */
package dev.bookings.customers;
