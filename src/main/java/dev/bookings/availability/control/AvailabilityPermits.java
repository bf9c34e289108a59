package dev.bookings.availability.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many {@code getStaffAvailability} answers this instance computes at once ({@code bookings.availability
 * .max-concurrent}). A worst-case answer costs seconds of CPU and megabytes of heap; without a bound, twenty of them
 * at once take both cores and the heap from every other tenant. One more is refused at once (429, the official
 * SDKs retry it after {@code Retry-After}), so the rest of the service keeps answering.
 */
@ApplicationScoped
public class AvailabilityPermits {

    @Inject
    @ConfigProperty(name = "bookings.availability.max-concurrent")
    int maxConcurrent;

    private Semaphore permits;

    @PostConstruct
    void create() {
        permits = new Semaphore(Math.max(1, maxConcurrent));
    }

    public boolean tryAcquire() {
        return permits.tryAcquire();
    }

    public void release() {
        permits.release();
    }
}
