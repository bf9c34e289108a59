package dev.bookings.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    MailSettings cut = new MailSettings("127.0.0.1", 25, null, null, false, false, "b@x.example", Duration.ofSeconds(5), 5,
            Duration.ofSeconds(30), Duration.ofMinutes(3), Duration.ofMinutes(2));

    @Test
    void backoffDoublesUpToTheMaximumThenGivesUp() {
        assertEquals(Duration.ofSeconds(30), cut.backoff(1));
        assertEquals(Duration.ofSeconds(60), cut.backoff(2));
        assertEquals(Duration.ofSeconds(120), cut.backoff(3));
        assertEquals(Duration.ofMinutes(3), cut.backoff(4));
        assertNull(cut.backoff(5), "attempts used up");
    }

    @Test
    void noHostMeansNotConfigured() {
        assertTrue(cut.configured());
        assertFalse(MailSettings.none().configured());
    }

    @Test
    void sslUsesSmtpsAndCredentialsTurnOnAuth() {
        MailSettings ssl = new MailSettings("mail.example", 465, "u", "p", false, true, "b@x.example", Duration.ofSeconds(5), 5,
                Duration.ofSeconds(30), Duration.ofMinutes(3), Duration.ofMinutes(2));
        assertEquals("smtps", ssl.sessionProperties().get("mail.transport.protocol"));
        assertEquals("true", ssl.sessionProperties().get("mail.smtps.auth"));
        assertEquals("false", cut.sessionProperties().get("mail.smtp.auth"));
    }
}
