package dev.bookings.notifications.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class NoticeTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2030-01-01T10:00:00Z");

    static Notice claimedBy(String node) throws Exception {
        Notice cut = new Notice("n1", null, RecipientKind.CUSTOMER, "a@x.example", "A", null, NOW);
        set(cut, "status", NoticeStatus.SENDING);
        set(cut, "claimedBy", node);
        return cut;
    }

    static void set(Notice notice, String field, Object value) throws Exception {
        Field f = Notice.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(notice, value);
    }

    @Test
    void failedAttemptIsRetriedLaterOrFailsForGood() throws Exception {
        Notice retry = claimedBy("node-a");
        assertTrue(retry.attemptFailed("node-a", "421 try later", NOW.plusSeconds(30)));
        assertEquals(NoticeStatus.PENDING, retry.status());
        assertEquals(NOW.plusSeconds(30), retry.nextAttemptAt());
        assertNull(retry.claimedBy());
        assertEquals("421 try later", retry.lastError());

        Notice last = claimedBy("node-a");
        assertTrue(last.attemptFailed("node-a", "550 no such user", null));
        assertEquals(NoticeStatus.FAILED, last.status());
        assertEquals("550 no such user", last.lastError());
    }

    @Test
    void onlyTheClaimantMayFinishANotice() throws Exception {
        Notice cut = claimedBy("node-a");
        assertFalse(cut.sent("node-b", NOW));
        assertFalse(cut.attemptFailed("node-b", "x", null));
        assertEquals(NoticeStatus.SENDING, cut.status());
        assertTrue(cut.sent("node-a", NOW));
        assertEquals(NoticeStatus.SENT, cut.status());
        assertFalse(cut.sent("node-a", NOW), "sent once");
    }
}
