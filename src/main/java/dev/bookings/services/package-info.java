/** bookingService: what a business offers. An appointment's {@code serviceId} names one, and its name fills in. */
package dev.bookings.services;
