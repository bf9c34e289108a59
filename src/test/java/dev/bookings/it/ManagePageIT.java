package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The customers' manage page as a customer meets it: the link is taken from the mail GreenMail received, and a
 * browser (HtmlUnit without JavaScript; headless Chromium with {@code -Dbookings.it.browser=chromium}, which also
 * saves screenshots under target/screenshots) shows and submits the page. The first and last steps run inside the
 * server and watch its log: no manage token may appear in it.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManagePageIT {

    static final Duration DELIVERY = Duration.ofSeconds(30);
    static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/manage/[A-Za-z0-9_.-]+");
    /** Every log line the server writes while the pages are used (in the server). */
    static final List<String> LOG = new CopyOnWriteArrayList<>();
    static final Handler WATCH = new Handler() {
        @Override
        public void publish(LogRecord record) {
            LOG.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                    + " " + (record.getThrown() == null ? "" : record.getThrown().toString()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @ArquillianResource
    URL base;

    @jakarta.inject.Inject
    Records records;

    @Test
    @Order(1)
    void watchTheLog() {
        LOG.clear();
        Logger.getLogger("").addHandler(WATCH);
    }

    /** A business, a staff member and a booked appointment its customer may manage; answers the customer's link. */
    record Booking(Api api, String business, String appointment, String customer, String staff, String link) {
    }

    Booking book(String businessJson, Duration startIn, String extra) {
        Api api = new Api(base);
        String business = api.create("", businessJson);
        String staff = NoticesHttpIT.unique("dana");
        String staffId = api.create(Api.encode(business) + "/staffMembers", "{\"displayName\": \"Dana\", \"emailAddress\": \""
                + staff + "\", \"role\": \"teamMember\"}");
        String customer = NoticesHttpIT.unique("jordan");
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plus(startIn).truncatedTo(ChronoUnit.MINUTES);
        String appointment = api.create(Api.encode(business) + "/appointments", "{\"startDateTime\": {\"dateTime\": \""
                + start.toLocalDateTime() + "\", \"timeZone\": \"UTC\"}, \"endDateTime\": {\"dateTime\": \""
                + start.plusHours(1).toLocalDateTime() + "\", \"timeZone\": \"UTC\"}, \"serviceName\": \"Haircut\","
                + " \"staffMemberIds\": [\"" + staffId + "\"], \"isCustomerAllowedToManageBooking\": true,"
                + " \"serviceLocation\": {\"displayName\": \"Salon, first floor\"}" + extra + ","
                + " \"customers\": [{\"@odata.type\": \"#microsoft.graph.bookingCustomerInformation\", \"name\": \"Jordan\","
                + " \"emailAddress\": \"" + customer + "\", \"timeZone\": \"Europe/Paris\"}]}");
        return new Booking(api, business, appointment, customer, staff, link(customer));
    }

    Booking book() {
        return book("{\"displayName\": \"Contoso Cuts\", \"email\": \"" + NoticesHttpIT.unique("owner") + "\", \"phone\": \"+1 206 555 0100\","
                + " \"address\": {\"street\": \"1 Main St\", \"city\": \"Seattle\"}}", Duration.ofDays(3), "");
    }

    /** The manage link in the booking mail to {@code customer}. */
    static String link(String customer) {
        MailServer.eventually(() -> !MailServer.to(Set.of(customer)).isEmpty(), DELIVERY);
        List<MimeMessage> mails = MailServer.to(Set.of(customer));
        assertFalse(mails.isEmpty(), "a mail to " + customer);
        try {
            String text = MailServer.parts(mails.get(0)).get("text/plain");
            Matcher link = LINK.matcher(text);
            assertTrue(link.find(), text);
            assertTrue(MailServer.parts(mails.get(0)).get("text/html").contains(link.group()), "the link in the HTML too");
            return link.group();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(2)
    @RunAsClient
    void theCustomerSeesTheAppointmentAndCancelsItWithAReason() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(); Browser browser = Browser.open()) {
            Booking b = book();
            String reader = TestTokens.delegated(b.api().tenant, "Bookings.Read.All");
            Http.Reply subscribed = Http.postJson(b.api().uri("v1.0/subscriptions"), reader, "{\"resource\": \""
                    + SubscriptionsHttpIT.resource(b.business()) + "\", \"changeType\": \"updated\", \"notificationUrl\": \""
                    + receiver.url("/hook") + "\", \"expirationDateTime\": \"" + OffsetDateTime.now(ZoneOffset.UTC).plusHours(1) + "\"}");
            assertEquals(201, subscribed.status(), subscribed::toString);

            Http.Reply plain = Http.get(URI.create(b.link()), null);
            assertEquals(200, plain.status(), plain::toString);
            assertEquals("no-store", plain.header("Cache-Control"));
            assertEquals("no-referrer", plain.header("Referrer-Policy"));
            assertTrue(plain.header("Content-Security-Policy").contains("frame-ancestors 'none'"), plain::toString);
            assertTrue(plain.header("Content-Security-Policy").startsWith("default-src 'none'"));

            browser.get(b.link());
            String page = browser.pageSource();
            assertEquals("Your appointment", browser.find(By.tagName("h1")).getText());
            assertEquals("en", browser.find(By.tagName("html")).getAttribute("lang"));
            for (String shown : new String[] {"Contoso Cuts", "+1 206 555 0100", "1 Main St, Seattle", "Haircut", "Dana",
                    "(Europe/Paris)", "Salon, first floor"}) {
                assertTrue(page.contains(shown), shown + " on the page");
            }
            assertFalse(page.contains(b.customer()), "the page shows no address of the customer's");
            assertEquals("Reason (optional)", browser.find(By.cssSelector("label[for=reason]")).getText());
            browser.screenshot("manage-page");

            browser.find(By.id("reason")).sendKeys("Ill, sorry");
            browser.submit(By.cssSelector("button[type=submit]"));
            assertTrue(browser.pageSource().contains("This appointment is cancelled."), browser::pageSource);
            assertTrue(browser.driver().findElements(By.tagName("form")).isEmpty(), "nothing left to press");
            browser.screenshot("manage-cancelled");

            assertEquals(404, Http.get(b.api().item(Api.V1, b.business(), "appointments", b.appointment()), b.api().manager).status(),
                    "the API shows it cancelled: gone from appointments");
            MimeMessage toStaff = MailServer.awaitCancellations(Set.of(b.staff()), 1, DELIVERY).get(0);
            assertTrue(MailServer.parts(toStaff).get("text/plain").contains("Ill, sorry"), "the customer's reason reaches the staff");
            assertEquals(1, MailServer.awaitCancellations(Set.of(b.customer()), 1, DELIVERY).size(), "the customer's confirmation");
            JsonObject hook = receiver.await("/hook", n -> n.getJsonObject("resourceData").containsKey("isCancelled"), 1).get(0);
            assertEquals(b.appointment(), hook.getJsonObject("resourceData").getString("id"));

            // pressed again (a replayed POST), or the link after the cancel: cancelled, nothing more happens
            browser.get(b.link());
            assertTrue(browser.pageSource().contains("This appointment is cancelled."));
            Thread.sleep(2000);
            assertEquals(1, MailServer.cancellations(Set.of(b.staff())).size(), "one cancellation");
        }
    }

    @Test
    @Order(3)
    @RunAsClient
    void aFormWithoutThePagesTokenOrFromAnotherSiteChangesNothing() throws Exception {
        Booking b = book();
        URI link = URI.create(b.link());
        Http.Reply page = Http.get(link, null);
        Matcher token = Pattern.compile("name=\"form\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(token.find(), page.body());
        String form = "form=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) + "&reason=x";
        String origin = link.getScheme() + "://" + link.getAuthority();

        assertEquals(403, Http.send("POST", link, null, "application/x-www-form-urlencoded", "reason=x", "Origin", origin).status(),
                "no form token");
        assertEquals(403, Http.send("POST", link, null, "application/x-www-form-urlencoded", form, "Origin", "https://evil.example")
                .status(), "another site");
        assertEquals(403, Http.send("POST", link, null, "application/x-www-form-urlencoded", form, "Sec-Fetch-Site", "cross-site")
                .status(), "a browser that says it came from another site");
        Http.Reply still = Http.get(b.api().item(Api.V1, b.business(), "appointments", b.appointment()), b.api().manager);
        assertEquals(200, still.status(), "still booked");
        assertFalse(still.json().getString("selfServiceAppointmentId").isBlank(), "what Graph's clients see of the link");
        Http.Reply pressed = Http.send("POST", link, null, "application/x-www-form-urlencoded", form, "Origin", origin);
        assertEquals(303, pressed.status(), pressed::toString);
        Http.Reply again = Http.send("POST", link, null, "application/x-www-form-urlencoded", form, "Origin", origin);
        assertEquals(303, again.status(), "a replay is sent to the page, which says it is cancelled");
        assertTrue(Http.get(link, null).body().contains("This appointment is cancelled."));
    }

    @Test
    @Order(4)
    @RunAsClient
    void tamperedExpiredForeignAndUnknownLinksAllLookTheSame() throws Exception {
        Booking b = book();
        String link = b.link();
        int dot = link.lastIndexOf('.');
        String tampered = link.substring(0, dot + 1) + (link.charAt(dot + 1) == 'A' ? 'B' : 'A') + link.substring(dot + 2);
        String other = link.substring(0, link.indexOf("/manage/") + 8);
        // an appointment that has ended: its link has expired
        Booking ended = book("{\"displayName\": \"Ended Cuts\", \"email\": \"" + NoticesHttpIT.unique("owner") + "\"}",
                Duration.ofHours(-3), "");
        // signed with a key the service does not have
        String foreign = other + "eyJraWQiOiJpdC1uZXciLCJhbGciOiJIUzI1NiJ9."
                + "eyJhIjoieCIsInMiOiJ5IiwiYyI6InoiLCJleHAiOjQxMDI0NDQ4MDB9.c2lnbmF0dXJlLW9mLWFub3RoZXIta2V5LXh4eHh4eHh4eHg";
        String notFound = null;
        for (String wrong : new String[] {tampered, ended.link(), foreign, other + "nothing-at-all"}) {
            Http.Reply reply = Http.get(URI.create(wrong), null);
            assertEquals(404, reply.status(), wrong);
            assertEquals("no-store", reply.header("Cache-Control"));
            if (notFound == null) {
                notFound = reply.body();
            }
            assertEquals(notFound, reply.body(), "one and the same page, whatever is wrong");
            assertEquals(404, Http.send("POST", URI.create(wrong), null, "application/x-www-form-urlencoded", "form=x").status());
        }
        try (Browser browser = Browser.open()) {
            browser.get(tampered);
            assertEquals("Link not found", browser.find(By.tagName("h1")).getText());
            browser.screenshot("manage-not-found");
        }
    }

    @Test
    @Order(5)
    @RunAsClient
    void tooLateToCancelOnlineSaysHowToReachTheBusiness() throws Exception {
        Booking b = book("{\"displayName\": \"Strict Cuts\", \"email\": \"strict@contoso.example\", \"phone\": \"+1 206 555 0199\","
                + " \"schedulingPolicy\": {\"minimumLeadTime\": \"P2D\"}}", Duration.ofDays(1), "");
        try (Browser browser = Browser.open()) {
            browser.get(b.link());
            assertTrue(browser.pageSource().contains("It is too late to cancel this appointment online."), browser::pageSource);
            assertTrue(browser.pageSource().contains("+1 206 555 0199"));
            assertTrue(browser.driver().findElements(By.tagName("form")).isEmpty(), "no Cancel button");
            browser.screenshot("manage-too-late");
        }
        Http.Reply page = Http.get(URI.create(b.link()), null);
        assertEquals(200, page.status());
        assertEquals(200, Http.get(b.api().item(Api.V1, b.business(), "appointments", b.appointment()), b.api().manager).status());
    }

    @Test
    @Order(6)
    @RunAsClient
    void aBusinessNamedWithMarkupIsShownAsTextAndGermanBusinessesGetGermanPages() throws Exception {
        Booking marked = book("{\"displayName\": \"<script>alert(1)</script> & Co\", \"email\": \"m@contoso.example\"}",
                Duration.ofDays(3), "");
        try (Browser browser = Browser.open()) {
            browser.get(marked.link());
            assertTrue(browser.pageSource().contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"), browser::pageSource);
            assertTrue(browser.driver().findElements(By.tagName("script")).isEmpty(), "no script element");
        }
        Booking german = book("{\"displayName\": \"Salon Berlin\", \"email\": \"b@contoso.example\", \"languageTag\": \"de-DE\"}",
                Duration.ofDays(3), "");
        try (Browser browser = Browser.open(Locale.GERMAN)) {
            browser.get(german.link());
            assertEquals("Ihr Termin", browser.find(By.tagName("h1")).getText());
            assertEquals("de", browser.find(By.tagName("html")).getAttribute("lang"));
            assertTrue(browser.pageSource().contains("Termin absagen"));
            browser.screenshot("manage-page-de");
        }
        MimeMessage booked = MailServer.to(Set.of(german.customer())).get(0);
        assertTrue(MailServer.subject(booked).startsWith("Gebucht:"), MailServer.subject(booked));
    }

    @Test
    @Order(7)
    @RunAsClient
    void oneLinkAskedTooOftenIsAnswered429() {
        Booking b = book();
        int refused = 0;
        for (int i = 0; i < 45; i++) {
            Http.Reply reply = Http.get(URI.create(b.link()), null);
            if (reply.status() == 429) {
                refused++;
                assertNotNull(reply.header("Retry-After"));
            }
        }
        assertTrue(refused > 0, "past the per-link limit of the test run (40 a minute)");
    }

    @Test
    @Order(8)
    void noManageTokenReachedTheLogAndEachCancelSaysWhoCancelled() {
        Logger.getLogger("").removeHandler(WATCH);
        assertTrue(records.cancelledBy("customer jordan-%@contoso.example via manage link") >= 2,
                "the appointments cancelled through the page record the customer and the link");
        for (String line : LOG) {
            assertFalse(line.contains("/manage/ey") || line.matches("(?s).*eyJ[A-Za-z0-9_-]{10,}\\.eyJ.*"), line);
        }
    }
}
