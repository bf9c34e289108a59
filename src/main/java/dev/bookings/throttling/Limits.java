package dev.bookings.throttling;

import java.util.HashMap;
import java.util.Map;

/**
 * What one tenant and client application may do on one instance: a sustained rate with a burst above it, and
 * requests in flight at once.
 *
 * @param requestsPerSecond the bucket's refill rate
 * @param burst             the bucket's size: requests that may come at once after a quiet spell
 * @param concurrent        requests in flight at once
 */
public record Limits(double requestsPerSecond, int burst, int concurrent) {

    public Limits {
        if (!(requestsPerSecond > 0) || burst < 1 || concurrent < 1) {
            throw new IllegalArgumentException("Throttling limits must be positive: " + requestsPerSecond + "/" + burst
                    + "/" + concurrent);
        }
    }

    /**
     * Per-client limits from {@code bookings.throttle.client-limits}: {@code appId=rate/burst/concurrent}
     * entries, comma separated (for example {@code nightly-sync=50/200/4}).
     */
    public static Map<String, Limits> parseOverrides(String text) {
        Map<String, Limits> overrides = new HashMap<>();
        if (text == null || text.isBlank()) {
            return overrides;
        }
        for (String entry : text.split(",")) {
            String[] parts = entry.strip().split("=", 2);
            String[] numbers = parts.length == 2 ? parts[1].split("/") : new String[0];
            if (parts.length != 2 || parts[0].isBlank() || numbers.length != 3) {
                throw new IllegalArgumentException("bookings.throttle.client-limits: '" + entry.strip()
                        + "' is not appId=requestsPerSecond/burst/concurrent");
            }
            overrides.put(parts[0].strip(), new Limits(Double.parseDouble(numbers[0].strip()),
                    Integer.parseInt(numbers[1].strip()), Integer.parseInt(numbers[2].strip())));
        }
        return overrides;
    }
}
