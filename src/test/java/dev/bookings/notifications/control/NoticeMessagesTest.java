package dev.bookings.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NoticeMessagesTest {

    @Test
    void headerValuesAreOneLine() {
        assertEquals("Cancelled: Cut Bcc: x@evil.example", NoticeMessages.headerSafe("Cancelled: Cut\r\nBcc: x@evil.example"));
    }

    @Test
    void htmlEscapesEverything() {
        assertEquals("&lt;script&gt;&amp;&quot;&#39;", NoticeMessages.escape("<script>&\"'"));
    }

    @Test
    void unknownZoneFallsBackToUtc() {
        assertEquals("Z", NoticeMessages.zone("Nowhere/Special").getId());
        assertEquals("America/Chicago", NoticeMessages.zone("Central Standard Time").getId());
    }
}
