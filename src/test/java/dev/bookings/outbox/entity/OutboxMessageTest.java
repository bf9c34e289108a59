package dev.bookings.outbox.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class OutboxMessageTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2030-01-01T10:00:00Z");

    static class Message extends OutboxMessage {
        Message() {
            super("m1", "key", NOW, NOW);
        }
    }

    static OutboxMessage claimedBy(String node) throws Exception {
        OutboxMessage cut = new Message();
        set(cut, "status", DeliveryStatus.SENDING);
        set(cut, "claimedBy", node);
        return cut;
    }

    static void set(OutboxMessage message, String field, Object value) throws Exception {
        Field f = OutboxMessage.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(message, value);
    }

    @Test
    void failedAttemptIsRetriedLaterOrFailsForGood() throws Exception {
        OutboxMessage retry = claimedBy("node-a");
        assertTrue(retry.attemptFailed("node-a", "421 try later", NOW.plusSeconds(30)));
        assertEquals(DeliveryStatus.PENDING, retry.status());
        assertEquals(NOW.plusSeconds(30), retry.nextAttemptAt());
        assertNull(retry.claimedBy());
        assertEquals("421 try later", retry.lastError());

        OutboxMessage last = claimedBy("node-a");
        assertTrue(last.attemptFailed("node-a", "550 no such user", null));
        assertEquals(DeliveryStatus.FAILED, last.status());
        assertEquals("550 no such user", last.lastError());
    }

    @Test
    void onlyTheClaimantMayFinishAMessage() throws Exception {
        OutboxMessage cut = claimedBy("node-a");
        assertFalse(cut.sent("node-b", NOW));
        assertFalse(cut.attemptFailed("node-b", "x", null));
        assertEquals(DeliveryStatus.SENDING, cut.status());
        assertTrue(cut.sent("node-a", NOW));
        assertEquals(DeliveryStatus.SENT, cut.status());
        assertFalse(cut.sent("node-a", NOW), "sent once");
    }

    @Test
    void onlyAWaitingMessageIsSupersededOrGivenUp() throws Exception {
        OutboxMessage waiting = new Message();
        waiting.supersede();
        assertEquals(DeliveryStatus.SUPERSEDED, waiting.status());
        OutboxMessage sending = claimedBy("node-a");
        sending.supersede();
        assertFalse(sending.giveUp("gone"));
        assertEquals(DeliveryStatus.SENDING, sending.status(), "a message on its way goes on");
    }
}
