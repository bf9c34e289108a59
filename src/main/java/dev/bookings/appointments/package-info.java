/**
 * bookingAppointment and its lifecycle, cancel first of all. {@code AppointmentsSubResource} serves both the
 * {@code appointments} and the {@code calendarView} collection of a business; {@code AppointmentCancellation}
 * is the transactional cancel use case. A cancelled appointment is kept as a record (when, who, message) and
 * disappears from the API.
 * Stands on {@code businesses}, {@code services}, {@code staff}, {@code questions} and the ground ({@code errors},
 * {@code platform}, {@code security}); it publishes what happened to an appointment as CDI events ({@code
 * AppointmentChange}) for the components above it.
 */
package dev.bookings.appointments;
