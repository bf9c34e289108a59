/**
 * bookingStaffMember: the people of a business who serve appointments. Cancellation notices go to the assigned
 * staff members whose {@code isEmailNotificationEnabled} is true.
 */
package dev.bookings.staff;
