package dev.bookings.appointments.boundary;

import dev.bookings.errors.InvalidRequest;

/** 400 {@code appointmentAlreadyEnded}: an appointment whose end has passed cannot be cancelled. */
public class AppointmentAlreadyEnded extends InvalidRequest {

    private static final long serialVersionUID = 1L;

    public AppointmentAlreadyEnded(String appointmentId) {
        super("appointmentAlreadyEnded", "The appointment '" + appointmentId + "' has already ended and cannot be cancelled.");
    }
}
