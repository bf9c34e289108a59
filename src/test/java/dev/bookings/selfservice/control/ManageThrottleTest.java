package dev.bookings.selfservice.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ManageThrottleTest {

    static ManageThrottle throttle(int perLink, int perAddress) {
        ManageThrottle throttle = new ManageThrottle();
        throttle.perLink = perLink;
        throttle.perAddress = perAddress;
        return throttle;
    }

    @Test
    void oneAddressTryingManyLinksIsStoppedAtItsLimit() {
        ManageThrottle cut = throttle(100, 5);
        for (int i = 0; i < 5; i++) {
            assertTrue(cut.admit("link-" + i, "203.0.113.7"), "request " + i);
        }
        assertFalse(cut.admit("link-5", "203.0.113.7"), "a sixth link from the same address");
        assertTrue(cut.admit("link-5", "198.51.100.1"), "another address is not held back");
    }

    @Test
    void oneLinkAskedFromManyAddressesIsStoppedAtItsLimit() {
        ManageThrottle cut = throttle(3, 100);
        for (int i = 0; i < 3; i++) {
            assertTrue(cut.admit("link", "192.0.2." + i));
        }
        assertFalse(cut.admit("link", "192.0.2.99"));
        assertTrue(cut.admit("other-link", "192.0.2.99"));
    }
}
