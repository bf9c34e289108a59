package dev.bookings.subscriptions.boundary;

import dev.bookings.errors.BookingException;

/** 403 {@code subscriptionLimitReached}: the tenant has as many subscriptions as it may (Graph answers 403 too). */
public class SubscriptionLimitReached extends BookingException {

    private static final long serialVersionUID = 1L;

    public SubscriptionLimitReached(long count) {
        super(403, "subscriptionLimitReached", "The tenant has " + count + " subscriptions, the most it may have;"
                + " delete one first.");
    }
}
