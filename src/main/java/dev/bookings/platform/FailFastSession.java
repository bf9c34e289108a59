package dev.bookings.platform;

import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that failed on a lost connection three times, five seconds apart, by default. Behind
 * a pool that validates connections and a service that answers 503 with {@code Retry-After}, that only holds a request
 * thread for fifteen seconds while the database is down (and retries outside the transaction's view). Here a failed
 * query fails at once; the client, or the SDK's retry handler, decides when to try again.
 * Named by {@code eclipselink.session.customizer} in {@code persistence.xml}.
 */
public class FailFastSession implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
