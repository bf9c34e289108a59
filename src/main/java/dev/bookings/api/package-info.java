/**
 * The root of Graph's URL tree for bookings: the {@code bookingBusinesses} collection under all three roots, and the
 * locators that hand a business's {@code appointments} and {@code calendarView}, its items and its
 * {@code getStaffAvailability} to their components. It stands above every component, since its URLs reach them all;
 * no component imports it.
 */
package dev.bookings.api;
