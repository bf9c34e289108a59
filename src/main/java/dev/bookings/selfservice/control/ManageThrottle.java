package dev.bookings.selfservice.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often one link and one client address may ask for manage pages, per instance: at most
 * {@code bookings.manage.requests-per-link-per-minute} for a link and
 * {@code bookings.manage.requests-per-address-per-minute} for an address in each minute, so guessing tokens or
 * hammering one link gets 429 instead of work. Counts live in memory, a minute at a time; a flood of distinct keys
 * is bounded by {@link #MAX_KEYS} (past it, the minute's counts start again).
 */
@ApplicationScoped
public class ManageThrottle {

    static final int MAX_KEYS = 100_000;

    @Inject
    @ConfigProperty(name = "bookings.manage.requests-per-link-per-minute")
    int perLink;

    @Inject
    @ConfigProperty(name = "bookings.manage.requests-per-address-per-minute")
    int perAddress;

    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long minute;

    /** Counts one request of the link (hashed by the caller) from the address; false when either is over its limit. */
    public boolean admit(String link, String address) {
        long now = System.currentTimeMillis() / 60_000;
        if (now != minute || counts.size() > MAX_KEYS) {
            counts.clear();
            minute = now;
        }
        boolean addressAdmitted = counts.computeIfAbsent("a|" + address, k -> new AtomicInteger()).incrementAndGet() <= perAddress;
        boolean linkAdmitted = counts.computeIfAbsent("l|" + link, k -> new AtomicInteger()).incrementAndGet() <= perLink;
        return addressAdmitted && linkAdmitted;
    }

    /** Seconds until the next minute begins: the {@code Retry-After} of a refusal. */
    public long retryAfterSeconds() {
        return 60 - (System.currentTimeMillis() / 1000) % 60;
    }
}
