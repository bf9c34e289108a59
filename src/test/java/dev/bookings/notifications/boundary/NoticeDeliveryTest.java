package dev.bookings.notifications.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bookings.notifications.control.MailSettings;
import org.junit.jupiter.api.Test;

class NoticeDeliveryTest {

    @Test
    void withoutSmtpNothingIsClaimedAndNoticesStayPending() {
        NoticeDelivery cut = new NoticeDelivery();
        // no ledger, no mailer: a round that touched the queue would fail here
        assertEquals(0, cut.deliver(MailSettings.none()));
    }
}
