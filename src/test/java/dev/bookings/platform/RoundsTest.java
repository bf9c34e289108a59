package dev.bookings.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Rounds asked for through an executor: one waiting task serves every request made before it starts. */
class RoundsTest {

    private final Queue<Runnable> queue = new ArrayDeque<>();
    private final Rounds rounds = new Rounds(Logger.getLogger(RoundsTest.class.getName()), "test");
    private final AtomicInteger ran = new AtomicInteger();

    @Test
    void requestsWhileATaskWaitsShareIt() {
        rounds.submit(queue::add, ran::incrementAndGet);
        rounds.submit(queue::add, ran::incrementAndGet);
        rounds.submit(queue::add, ran::incrementAndGet);
        assertEquals(1, queue.size(), "one task waits for all three requests");
        queue.poll().run();
        assertEquals(1, ran.get());
    }

    @Test
    void aRequestAfterTheTaskStartedGetsARoundOfItsOwn() {
        rounds.submit(queue::add, () -> {
            ran.incrementAndGet();
            // a commit while this round runs: it must not be lost
            rounds.submit(queue::add, ran::incrementAndGet);
        });
        queue.poll().run();
        assertEquals(1, queue.size(), "the request made during the round waits as a task of its own");
        queue.poll().run();
        assertEquals(2, ran.get());
    }

    @Test
    void anExecutorThatRefusesLeavesTheNextRequestFree() {
        try {
            rounds.submit(task -> {
                throw new IllegalStateException("shut down");
            }, ran::incrementAndGet);
        } catch (IllegalStateException expected) {
            // the caller sees the refusal
        }
        rounds.submit(queue::add, ran::incrementAndGet);
        assertEquals(1, queue.size());
    }
}
