package dev.bookings.platform;

import dev.bookings.errors.DatabaseUnavailable;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs an outbox's delivery rounds one at a time per instance: a round asked for while one runs is not lost but
 * coalesced into one more round afterwards. A failed round is logged (briefly when the database is away) and
 * the next timer tick or commit starts another. Also names this instance in claims.
 * <p>
 * {@link #submit} hands rounds to an executor with at most one task waiting at a time: a commit that finds a task
 * still waiting needs none of its own, since that task starts after the commit and sees it. Submitting one task per
 * commit cost a tenth of a cancel's CPU (Payara looks its context providers up through {@code ServiceLoader} for
 * every task; src/site/markdown/benchmark.md).
 */
public final class Rounds {

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean waiting = new AtomicBoolean();
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

    /**
     * Has {@code executor} run {@code task} (which runs its round through {@link #run}), unless a task asked for
     * earlier has not started yet.
     */
    public void submit(Executor executor, Runnable task) {
        if (!waiting.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                waiting.set(false);
                task.run();
            });
        } catch (RuntimeException e) {
            waiting.set(false);
            throw e;
        }
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
