package dev.bookings.platform;

import dev.bookings.errors.DuplicateKey;
import org.eclipse.persistence.logging.SessionLogEntry;
import org.eclipse.persistence.logging.jul.JavaLog;

/**
 * EclipseLink's log through {@code java.util.logging}, as {@code JavaLogger} writes it, less one record: a unique
 * key refusing an insert (or, on H2, refusing it while another transaction holds the key uncommitted). EclipseLink logs that at WARNING with its whole stack trace before the application sees
 * it, yet where it happens it is handled (two registrations of one business name racing for the same id: the loser
 * takes the next, BusinessRegistry) and is no fault of the service's. Every other record passes. Named by
 * {@code eclipselink.logging.logger} in {@code persistence.xml}.
 */
public class EclipseLinkLog extends JavaLog {

    @Override
    public void log(SessionLogEntry entry) {
        if (entry.getException() != null && (DuplicateKey.causes(entry.getException())
                || DuplicateKey.pending(entry.getException()))) {
            return;
        }
        super.log(entry);
    }
}
