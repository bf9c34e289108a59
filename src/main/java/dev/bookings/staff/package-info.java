/**
 * bookingStaffMember: the people of a business who serve appointments. Cancellation notices go to the assigned
 * staff members whose {@code isEmailNotificationEnabled} is true.
 * Stands on {@code businesses} (whose item machinery serves it) and the ground.
 */
package dev.bookings.staff;
