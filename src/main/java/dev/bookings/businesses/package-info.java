/**
 * bookingBusiness: the tenant's businesses, each with a scheduling policy ({@code minimumLeadTime} and the like)
 * that the appointment use cases consult. The root resource of the API lives here and hands the
 * {@code appointments} and {@code calendarView} collections of a business to the appointments component.
 */
package dev.bookings.businesses;
