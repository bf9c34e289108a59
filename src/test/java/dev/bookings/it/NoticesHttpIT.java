package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cancellation notices as recipients see them, received by a real SMTP server (GreenMail). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NoticesHttpIT {

    static final Duration DELIVERY = Duration.ofSeconds(30);

    @ArquillianResource
    URL base;

    static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.example";
    }

    static Map<String, String> parts(MimeMessage message) throws Exception {
        return MailServer.parts(message);
    }

    static String recipient(MimeMessage message) throws Exception {
        assertEquals(1, message.getAllRecipients().length, "one recipient per notice");
        return message.getAllRecipients()[0].toString().replaceAll(".*<|>", "");
    }

    @Test
    void cancelMailsEachCustomerStaffMemberAndOwnerExactlyOnce() throws Exception {
        Api api = new Api(base);
        String owner = unique("owner");
        String business = api.create("", "{\"displayName\": \"Contoso Cuts\", \"email\": \"" + owner + "\","
                + " \"schedulingPolicy\": {\"sendConfirmationsToOwner\": true}}");
        String staffOn = unique("staff-on");
        String staffOff = unique("staff-off");
        String on = api.create(Api.encode(business) + "/staffMembers", "{\"displayName\": \"Dana\", \"emailAddress\": \""
                + staffOn + "\", \"role\": \"teamMember\", \"timeZone\": \"Pacific Standard Time\"}");
        String off = api.create(Api.encode(business) + "/staffMembers", "{\"displayName\": \"Eli\", \"emailAddress\": \""
                + staffOff + "\", \"role\": \"teamMember\", \"isEmailNotificationEnabled\": false}");
        String paris = unique("customer-paris");
        String plain = unique("customer-plain");
        String appointment = api.create(Api.encode(business) + "/appointments", "{" + Api.times(Duration.ofDays(3)) + ","
                + " \"serviceName\": \"Haircut\", \"staffMemberIds\": [\"" + on + "\", \"" + off + "\"],"
                + " \"customers\": [{\"@odata.type\": \"#microsoft.graph.bookingCustomerInformation\", \"name\": \"Jordan\","
                + " \"emailAddress\": \"" + paris + "\", \"timeZone\": \"Europe/Paris\"},"
                + " {\"name\": \"No Mail\"}, {\"name\": \"Plain\", \"emailAddress\": \"" + plain + "\"}]}");

        String message = "Sorry <b>we are closed</b>\r\nBcc: thief@evil.example";
        Http.Reply cancelled = Http.postJson(api.cancel(Api.V1, business, "appointments", appointment), api.manager,
                "{\"cancellationMessage\": \"" + message.replace("\r", "\\r").replace("\n", "\\n") + "\"}");
        assertEquals(204, cancelled.status(), cancelled::toString);

        Set<String> expected = Set.of(owner, staffOn, paris, plain);
        Set<String> everyone = new HashSet<>(expected);
        everyone.add(staffOff);
        List<MimeMessage> mails = MailServer.awaitCancellations(everyone, 4, DELIVERY);
        Thread.sleep(1500);
        mails = MailServer.cancellations(everyone);
        assertEquals(4, mails.size(), "one mail per recipient");

        Set<String> recipients = new HashSet<>();
        Set<String> messageIds = new HashSet<>();
        for (MimeMessage mail : mails) {
            recipients.add(recipient(mail));
            assertTrue(messageIds.add(mail.getMessageID()), "distinct Message-IDs");
            assertTrue(mail.getMessageID().matches("<[A-Za-z0-9_-]+\\.notice@it\\.example>"), mail.getMessageID());
            assertNull(mail.getHeader("Bcc"));
            assertEquals(1, mail.getAllRecipients().length);
            assertTrue(mail.getSubject().contains("Haircut") && mail.getSubject().contains("Contoso Cuts"), mail.getSubject());
            Map<String, String> parts = parts(mail);
            String text = parts.get("text/plain");
            String html = parts.get("text/html");
            assertNotNull(text);
            assertNotNull(html);
            assertTrue(text.contains("Contoso Cuts") && text.contains("Haircut") && text.contains("Sorry <b>we are closed</b>"), text);
            assertTrue(html.contains("Sorry &lt;b&gt;we are closed&lt;/b&gt;"), html);
            assertFalse(html.contains("<b>we"), html);
        }
        assertEquals(expected, recipients);

        MimeMessage toParis = MailServer.cancellations(Set.of(paris)).get(0);
        assertTrue(parts(toParis).get("text/plain").contains("(Europe/Paris)"));
        MimeMessage toStaff = MailServer.cancellations(Set.of(staffOn)).get(0);
        assertTrue(parts(toStaff).get("text/plain").contains("(America/Los_Angeles)"));

        Http.Reply again = Http.postJson(api.cancel(Api.BETA, business, "calendarView", appointment), api.manager,
                "{\"cancellationMessage\": \"again\"}");
        assertEquals(204, again.status());
        Thread.sleep(3000);
        assertEquals(4, MailServer.cancellations(everyone).size(), "a repeat cancel sends nothing");
    }

    @Test
    void optOutOfCustomerEmailSparesCustomersOnly() throws Exception {
        Api api = new Api(base);
        String business = api.business();
        String staff = unique("staff");
        String staffId = api.create(Api.encode(business) + "/staffMembers", "{\"displayName\": \"Dana\", \"emailAddress\": \""
                + staff + "\", \"role\": \"teamMember\"}");
        String customer = unique("customer");
        String appointment = api.create(Api.encode(business) + "/appointments", "{" + Api.times(Duration.ofDays(3)) + ","
                + " \"optOutOfCustomerEmail\": true, \"staffMemberIds\": [\"" + staffId + "\"],"
                + " \"customers\": [{\"name\": \"Jordan\", \"emailAddress\": \"" + customer + "\"}]}");
        assertEquals(204, Http.postJson(api.cancel(Api.V1, business, "appointments", appointment), api.manager, "{}").status());
        MailServer.awaitCancellations(Set.of(staff), 1, DELIVERY);
        Thread.sleep(1500);
        assertEquals(1, MailServer.cancellations(Set.of(staff, customer)).size());
        assertEquals(staff, recipient(MailServer.cancellations(Set.of(staff, customer)).get(0)));
    }

    @Test
    void smtpDownThenUpDeliversEveryNotice() throws Exception {
        Api api = new Api(base);
        String business = api.business();
        List<String> addresses = new ArrayList<>();
        List<String> appointments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String address = unique("outage");
            addresses.add(address);
            appointments.add(api.create(Api.encode(business) + "/appointments", "{" + Api.times(Duration.ofDays(3)) + ","
                    + " \"customers\": [{\"name\": \"C\", \"emailAddress\": \"" + address + "\"}]}"));
        }
        MailServer.stop();
        try {
            for (String appointment : appointments) {
                assertEquals(204, Http.postJson(api.cancel(Api.V1, business, "appointments", appointment), api.manager, "{}").status());
            }
            Thread.sleep(3000);
        } finally {
            MailServer.start();
        }
        List<MimeMessage> mails = MailServer.awaitCancellations(addresses, 3, DELIVERY);
        Thread.sleep(1500);
        mails = MailServer.cancellations(addresses);
        Set<String> recipients = new HashSet<>();
        for (MimeMessage mail : mails) {
            recipients.add(recipient(mail));
        }
        assertEquals(3, mails.size());
        assertEquals(new HashSet<>(addresses), recipients);
    }

    @Test
    void fiftyConcurrentCancelsDeliverEveryNoticeExactlyOnce() throws Exception {
        Api api = new Api(base);
        String business = api.business();
        List<String> addresses = new ArrayList<>();
        List<String> appointments = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String address = unique("crowd" + i);
            addresses.add(address);
            appointments.add(api.create(Api.encode(business) + "/appointments", "{" + Api.times(Duration.ofDays(3)) + ","
                    + " \"customers\": [{\"name\": \"C\", \"emailAddress\": \"" + address + "\"}]}"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (String appointment : appointments) {
                replies.add(pool.submit(() -> Http.postJson(api.cancel(Api.V1, business, "appointments", appointment),
                        api.manager, "{\"cancellationMessage\": \"crowd\"}")));
            }
            for (Future<Http.Reply> reply : replies) {
                assertEquals(204, reply.get().status());
            }
        } finally {
            pool.shutdownNow();
        }
        MailServer.awaitCancellations(addresses, 50, DELIVERY);
        Thread.sleep(2000);
        List<MimeMessage> mails = MailServer.cancellations(addresses);
        Map<String, Integer> perRecipient = new HashMap<>();
        for (MimeMessage mail : mails) {
            perRecipient.merge(recipient(mail), 1, Integer::sum);
        }
        assertEquals(50, perRecipient.size());
        assertTrue(perRecipient.values().stream().allMatch(n -> n == 1), perRecipient::toString);
    }

    @Test
    void operatorsSeeTheQueueThroughHealth() throws Exception {
        Api api = new Api(base);
        String business = api.business();
        String customer = unique("health");
        String appointment = api.create(Api.encode(business) + "/appointments", "{" + Api.times(Duration.ofDays(3)) + ","
                + " \"customers\": [{\"name\": \"C\", \"emailAddress\": \"" + customer + "\"}]}");
        assertEquals(204, Http.postJson(api.cancel(Api.V1, business, "appointments", appointment), api.manager, "{}").status());
        MailServer.awaitCancellations(Set.of(customer), 1, DELIVERY);

        java.net.URI health = java.net.URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/health/ready");
        Http.Reply reply = Http.get(health, null);
        assertEquals(200, reply.status(), reply::toString);
        var check = reply.json().getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").equals("outbox")).findFirst().orElseThrow();
        assertEquals("UP", check.getString("status"));
        var data = check.getJsonObject("data");
        for (String kind : new String[] {"mail", "webhook"}) {
            for (String key : new String[] {"pending", "sending", "sent", "failed", "superseded", "ready"}) {
                assertTrue(data.containsKey(kind + "." + key), kind + "." + key);
            }
        }
        assertTrue(Long.parseLong(data.get("mail.sent").toString().replace("\"", "")) >= 1, data::toString);
        assertFalse(reply.body().contains(customer), "no addresses leave through health");
    }
}
