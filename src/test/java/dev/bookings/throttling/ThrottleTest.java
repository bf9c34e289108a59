package dev.bookings.throttling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final Throttle cut = new Throttle(now::get);

    void advanceMillis(long millis) {
        now.addAndGet(millis * 1_000_000L);
    }

    @Test
    void burstThenTheSustainedRateWithTheWaitToTheNextToken() {
        Limits limits = new Limits(2, 3, 100);
        for (int i = 0; i < 3; i++) {
            Throttle.Decision admitted = cut.acquire("t app", limits);
            assertTrue(admitted.admitted());
            admitted.release();
        }
        Throttle.Decision refused = cut.acquire("t app", limits);
        assertFalse(refused.admitted());
        assertEquals(1, refused.retryAfterSeconds(), "half a second to the next token, rounded up");
        refused.release();
        advanceMillis(500);
        assertTrue(cut.acquire("t app", limits).admitted());
        assertFalse(cut.acquire("t app", limits).admitted());
        assertTrue(cut.acquire("t other-app", limits).admitted(), "each tenant and client has its own bucket");

        Limits slow = new Limits(0.2, 1, 100);
        assertTrue(cut.acquire("slow", slow).admitted());
        assertEquals(5, cut.acquire("slow", slow).retryAfterSeconds());
        advanceMillis(60_000);
        assertTrue(cut.acquire("slow", slow).admitted());
        assertFalse(cut.acquire("slow", slow).admitted(), "a quiet minute refills the burst, not more");
    }

    @Test
    void requestsInFlightAreBoundedUntilReleased() {
        Limits limits = new Limits(1000, 1000, 2);
        Throttle.Decision first = cut.acquire("k", limits);
        Throttle.Decision second = cut.acquire("k", limits);
        Throttle.Decision third = cut.acquire("k", limits);
        assertTrue(first.admitted() && second.admitted());
        assertFalse(third.admitted());
        assertEquals(1, third.retryAfterSeconds());
        third.release();
        assertFalse(cut.acquire("k", limits).admitted(), "releasing a refused request frees nothing");
        first.release();
        assertTrue(cut.acquire("k", limits).admitted());
    }

    @Test
    void idleBucketsAreDroppedWhenThereAreMany() {
        Limits limits = new Limits(10, 10, 10);
        for (int i = 0; i <= Throttle.SWEEP_ABOVE; i++) {
            cut.acquire("key-" + i, limits).release();
        }
        Throttle.Decision busy = cut.acquire("busy", limits);
        advanceMillis(61_000);
        cut.acquire("one-more", limits).release();
        assertEquals(2, cut.size(), "only the one in flight and the new one stay");
        busy.release();
    }

    @Test
    void clientLimitsParseOrFailTheDeployment() {
        assertEquals(Map.of("sync", new Limits(0.5, 10, 2), "b", new Limits(1, 1, 1)),
                Limits.parseOverrides(" sync=0.5/10/2 , b=1/1/1"));
        assertEquals(Map.of(), Limits.parseOverrides(""));
        assertThrows(IllegalArgumentException.class, () -> Limits.parseOverrides("sync=1/2"));
        assertThrows(IllegalArgumentException.class, () -> Limits.parseOverrides("sync=0/2/2"));
        assertThrows(IllegalArgumentException.class, () -> Limits.parseOverrides("=1/2/2"));
    }
}
