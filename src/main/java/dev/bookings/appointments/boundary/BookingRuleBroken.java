package dev.bookings.appointments.boundary;

import dev.bookings.errors.BookingException;

/**
 * An application may not book (or move a booking) against the business's rules: 400
 * {@code minimumLeadTimeNotMet} or {@code maximumAdvanceExceeded} for the scheduling policy, 409
 * {@code staffMemberBusy} for a staff member's other booking. Users (delegated tokens) book as staff do, free of
 * them.
 */
public class BookingRuleBroken extends BookingException {

    private static final long serialVersionUID = 1L;

    public BookingRuleBroken(int status, String code, String message) {
        super(status, code, message);
    }
}
