/**
 * bookingAppointment and its lifecycle, cancel first of all. {@code AppointmentsSubResource} serves both the
 * {@code appointments} and the {@code calendarView} collection of a business; {@code AppointmentCancellation}
 * is the transactional cancel use case. A cancelled appointment is kept as a record (when, who, message) and
 * disappears from the API.
 */
package dev.bookings.appointments;
