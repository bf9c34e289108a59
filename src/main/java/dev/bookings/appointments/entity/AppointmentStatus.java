package dev.bookings.appointments.entity;

/** Where an appointment is in its life. Only {@link #BOOKED} appointments are visible through the API. */
public enum AppointmentStatus {
    BOOKED,
    CANCELLED
}
