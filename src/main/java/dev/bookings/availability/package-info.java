/**
 * Graph's {@code getStaffAvailability}: when staff members are available, busy or out of office over a range,
 * from their working hours (or the business's) and their booked appointments.
 * Stands on {@code appointments}, {@code staff}, {@code businesses} and the ground.
 */
package dev.bookings.availability;
