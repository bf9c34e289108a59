package dev.bookings.appointments.boundary;

import dev.bookings.errors.InvalidRequest;
import java.time.Duration;

/**
 * 400 {@code minimumLeadTimeNotMet}: an application may not cancel later than the business's
 * {@code schedulingPolicy.minimumLeadTime} before the start.
 */
public class MinimumLeadTimeNotMet extends InvalidRequest {

    private static final long serialVersionUID = 1L;

    public MinimumLeadTimeNotMet(String appointmentId, Duration lead) {
        super("minimumLeadTimeNotMet", "The appointment '" + appointmentId + "' starts within the business's minimum lead time ("
                + lead + "); applications can no longer cancel it.");
    }
}
