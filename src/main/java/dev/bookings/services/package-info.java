/**
 * bookingService: what a business offers. An appointment's {@code serviceId} names one, and its name fills in.
 * Stands on {@code businesses} (whose item machinery serves it) and the ground.
 */
package dev.bookings.services;
