package dev.bookings.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Graph's {@code preBuffer} and {@code postBuffer}: the time an appointment keeps its staff busy before its start and
 * after its end (a service's are what its appointments are offered with). Absent is none. Stored in the columns
 * {@code pre_buffer} and {@code post_buffer} of the entity that embeds it.
 */
@Embeddable
public class Buffers {

    @Column(name = "pre_buffer")
    private Duration before;

    @Column(name = "post_buffer")
    private Duration after;

    public Duration before() {
        return before == null ? Duration.ZERO : before;
    }

    public void before(Duration value) {
        this.before = value;
    }

    public Duration after() {
        return after == null ? Duration.ZERO : after;
    }

    public void after(Duration value) {
        this.after = value;
    }

    /** When something running from {@code start} begins to keep its staff busy. */
    public OffsetDateTime busyFrom(OffsetDateTime start) {
        return start.minus(before());
    }

    /** When something ending at {@code end} stops keeping its staff busy. */
    public OffsetDateTime busyUntil(OffsetDateTime end) {
        return end.plus(after());
    }
}
