package dev.bookings.outbox.control;

import dev.bookings.outbox.entity.OutboxMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Sends the messages of one kind. The outbox calls {@link #prepare}, {@link #delivered} and {@link #retryAt} inside
 * its own short transactions, with the message claimed by the caller, and {@link #deliver} outside any transaction
 * (no transaction spans an SMTP conversation or an HTTP call).
 *
 * @param <P> what one delivery sends
 */
public interface Courier<P> {

    /** The kind of message this courier sends: the discriminator value of its messages' entity. */
    String kind();

    /** Whether messages of this kind can go out now (mail needs an SMTP server); else they wait, unclaimed. */
    boolean ready();

    /** One sentence for the log at start: where this kind goes, or why it waits. */
    String readiness();

    /** How long one attempt may take before another instance may claim the message again. */
    Duration lease();

    /**
     * What to send for a message just claimed by {@code node}; empty when it is not to be sent after all (the
     * courier has recorded why on the message, as {@link OutboxMessage#attemptFailed} with no next attempt).
     */
    Optional<P> prepare(OutboxMessage message, String node, OffsetDateTime now);

    /** Sends; a failure says whether another attempt could succeed. */
    void deliver(P parcel) throws Undeliverable;

    /** The message was delivered; the courier may record more (a subscription's endpoint works again). */
    default void delivered(OutboxMessage message, OffsetDateTime now) {
    }

    /**
     * When to try a failed message again, null for never; the courier may record more in the same transaction (a
     * subscription removed after failing too long).
     */
    OffsetDateTime retryAt(OutboxMessage message, Undeliverable failure, OffsetDateTime now);

    /** The message's id for the log: never an address or a URL. */
    default String describe(OutboxMessage message) {
        return kind().toLowerCase(java.util.Locale.ROOT) + " message " + message.id();
    }
}
