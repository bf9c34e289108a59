package dev.bookings.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.appointments.entity.Appointment;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.notifications.entity.MessageKind;
import dev.bookings.notifications.entity.Recipient;
import dev.bookings.notifications.entity.RecipientKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class NoticeMessagesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2027-07-01T09:00:00Z");
    private static final Recipient ANN = new Recipient(RecipientKind.CUSTOMER, "ann@example.com", "Ann", "Europe/Berlin");

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

    @Test
    void englishMailsKeepTheirWords() {
        for (String tag : new String[] {null, "", "en-US"}) {
            NoticeMessages.Words words = NoticeMessages.render(MessageKind.BOOKED, ANN, facts("Cut & Co", tag));

            assertEquals("Booked: Haircut at Cut & Co, Thursday 15 July 2027, 10:00", words.subject());
            assertTrue(words.text().startsWith("""
                    Hello Ann,

                    Your appointment is booked.

                    Service:   Haircut
                    When:      Thursday 15 July 2027, 10:00–11:00 (Europe/Berlin)
                    Business:  Cut & Co
                    """), words.text());
            assertTrue(words.html().contains("<p>Hello Ann,</p><p>Your appointment is booked.</p>"), words.html());
        }
    }

    @Test
    void aGermanBusinessMailsInGerman() {
        NoticeMessages.Facts facts = facts("Schnitt & Co", "de-DE");

        NoticeMessages.Words words = NoticeMessages.render(MessageKind.BOOKED, ANN, facts);

        assertEquals("Gebucht: Haircut bei Schnitt & Co, Donnerstag, 15. Juli 2027, 10:00", words.subject());
        assertTrue(words.text().startsWith("""
                Guten Tag Ann,

                Ihr Termin ist gebucht.

                Leistung:    Haircut
                Zeit:        Donnerstag, 15. Juli 2027, 10:00–11:00 (Europe/Berlin)
                Unternehmen: Schnitt & Co
                """), words.text());
        assertTrue(NoticeMessages.render(MessageKind.CHANGED, ANN, facts).subject().startsWith("Geändert: "));
        assertTrue(NoticeMessages.render(MessageKind.CANCELLED, ANN, facts).subject().startsWith("Abgesagt: "));
        assertTrue(NoticeMessages.render(MessageKind.REMOVED, ANN, facts).subject().startsWith("Entfernt: "));
        assertTrue(NoticeMessages.render(MessageKind.REMINDER, ANN, facts).subject().startsWith("Erinnerung: "));
    }

    @Test
    void germanIsAnyGermanTag() {
        assertEquals(Locale.GERMAN, NoticeMessages.locale("de"));
        assertEquals(Locale.GERMAN, NoticeMessages.locale("de-AT"));
        assertEquals(Locale.GERMAN, NoticeMessages.locale("de_CH"));
        assertEquals(Locale.ENGLISH, NoticeMessages.locale(null));
        assertEquals(Locale.ENGLISH, NoticeMessages.locale(" "));
        assertEquals(Locale.ENGLISH, NoticeMessages.locale("fr-FR"));
        assertEquals(Locale.ENGLISH, NoticeMessages.locale("not a tag"));
    }

    @Test
    void anUnknownLanguageGetsEnglishWhateverTheServersLocale() {
        Locale serverLocale = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            NoticeMessages.Words words = NoticeMessages.render(MessageKind.BOOKED, ANN, facts("Coupe", "fr-FR"));

            assertEquals("Booked: Haircut at Coupe, Thursday 15 July 2027, 10:00", words.subject());
            assertTrue(words.text().startsWith("Hello Ann,\n\nYour appointment is booked."), words.text());
        } finally {
            Locale.setDefault(serverLocale);
        }
    }

    @Test
    void theManageLinkIsThereOnlyWhenGiven() {
        NoticeMessages.Facts facts = facts("Cut & Co", null);
        String url = "https://book.example/manage?a=1&b=\"2\"";

        NoticeMessages.Words without = NoticeMessages.render(MessageKind.BOOKED, ANN, facts);
        NoticeMessages.Words with = NoticeMessages.render(MessageKind.BOOKED, ANN, facts, url);

        assertEquals(without, NoticeMessages.render(MessageKind.BOOKED, ANN, facts, null));
        assertFalse(without.text().contains("Manage"), without.text());
        assertFalse(without.html().contains("<a "), without.html());
        assertTrue(with.text().contains("Business:  Cut & Co\n\nManage or cancel your booking: " + url + "\n"),
                with.text());
        String escaped = "https://book.example/manage?a=1&amp;b=&quot;2&quot;";
        assertTrue(with.html().contains("</table><p>Manage or cancel your booking: <a href=\"" + escaped + "\">"
                + escaped + "</a></p>"), with.html());
        assertEquals(without.subject(), with.subject());

        NoticeMessages.Words german = NoticeMessages.render(MessageKind.BOOKED, ANN, facts("Cut & Co", "de-DE"), url);
        assertTrue(german.text().contains("\nBuchung verwalten oder absagen: " + url + "\n"), german.text());
    }

    @Test
    void aBusinessNameStaysEscapedInHtml() {
        String name = "<script>alert('x')</script>";
        Recipient owner = new Recipient(RecipientKind.OWNER, "owner@example.com", "Owner", null);

        NoticeMessages.Facts facts = new NoticeMessages.Facts(business(name, "de-DE"),
                appointment(business(name, "de-DE")), List.of(), "Bis bald");
        NoticeMessages.Words words = NoticeMessages.render(MessageKind.BOOKED, owner, facts);

        assertFalse(words.html().contains("<script>"), words.html());
        assertTrue(words.html().contains("<p>Bei &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; wurde ein Termin gebucht.</p>"),
                words.html());
        assertTrue(words.html().contains("<p>Nachricht von &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;:</p>"),
                words.html());
        // An argument is not a pattern: its apostrophes and braces come through as they are.
        assertTrue(words.text().contains("Bei " + name + " wurde ein Termin gebucht."), words.text());
    }

    @Test
    void theCalendarTitleIsInTheBusinesssLanguage() {
        Appointment appointment = appointment(business("Cut", null));
        appointment.serviceName(" ");

        assertEquals("Appointment at Cut", NoticeMessages.summary(new NoticeMessages.Facts(business("Cut", null),
                appointment, List.of(), null)));
        assertEquals("Termin bei Cut", NoticeMessages.summary(new NoticeMessages.Facts(business("Cut", "de-DE"),
                appointment, List.of(), null)));
    }

    @Test
    void germanHasEveryWordEnglishHas() throws IOException {
        assertEquals(words("Mails.properties").stringPropertyNames(), words("Mails_de.properties").stringPropertyNames());
    }

    @Test
    void everyMailHasItsWordsInEveryLanguage() {
        for (String tag : new String[] {"en", "de"}) {
            for (MessageKind kind : MessageKind.values()) {
                for (RecipientKind to : RecipientKind.values()) {
                    NoticeMessages.Words words = NoticeMessages.render(kind, new Recipient(to, "x@example.com", null, null),
                            facts("Cut", tag));
                    assertFalse(words.text().contains("{"), words.text());
                }
            }
        }
    }

    private static Properties words(String file) throws IOException {
        Properties words = new Properties();
        try (InputStream in = NoticeMessages.class.getResourceAsStream(file)) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }

    private static NoticeMessages.Facts facts(String businessName, String languageTag) {
        BookingBusiness business = business(businessName, languageTag);
        Appointment appointment = appointment(business);
        appointment.serviceName("Haircut");
        return new NoticeMessages.Facts(business, appointment, List.of(), null);
    }

    private static BookingBusiness business(String name, String languageTag) {
        BookingBusiness business = new BookingBusiness("tenant", "cut@example.com", name, NOW);
        business.languageTag(languageTag);
        return business;
    }

    private static Appointment appointment(BookingBusiness business) {
        return new Appointment("a1", business, OffsetDateTime.parse("2027-07-15T08:00:00Z"),
                OffsetDateTime.parse("2027-07-15T09:00:00Z"), NOW);
    }
}
