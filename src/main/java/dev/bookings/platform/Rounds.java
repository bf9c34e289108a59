package dev.bookings.platform;

import dev.bookings.errors.DatabaseUnavailable;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs an outbox's delivery rounds one at a time per instance: a round asked for while one runs is not lost but
 * coalesced into one more round afterwards. A failed round is logged (briefly when the database is away) and
 * the next timer tick or commit starts another. Also names this instance in claims.
 */
public final class Rounds {

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final Logger log;
    private final String what;

    public Rounds(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    /** A name for this process in claims: unique per process, readable in the tables. */
    public static String nodeName() {
        String process = ManagementFactory.getRuntimeMXBean().getName();
        String suffix = "/" + UUID.randomUUID().toString().substring(0, 8);
        return (process.length() > 100 ? process.substring(0, 100) : process) + suffix;
    }

    public void run(Runnable round) {
        again.set(true);
        while (again.get() && running.compareAndSet(false, true)) {
            try {
                again.set(false);
                round.run();
            } catch (RuntimeException e) {
                if (DatabaseUnavailable.causes(e)) {
                    log.warning(() -> what + " round failed: the database is unavailable; it will run again");
                } else {
                    log.log(Level.WARNING, what + " round failed; it will run again", e);
                }
            } finally {
                running.set(false);
            }
        }
    }
}
