package dev.bookings.it;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * GreenMail, a real SMTP server on loopback, living in the test JVM for the whole suite (started before the
 * deployment, so the server under test finds it). Tests may stop and start it to play an SMTP outage.
 */
public final class MailServer {

    private static final int PORT = Integer.getInteger("it.smtp.port", 29025);
    private static GreenMail greenMail;

    private MailServer() {
    }

    public static synchronized void start() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
    }

    public static synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** Received messages with a recipient among {@code addresses}. */
    public static synchronized List<MimeMessage> to(Collection<String> addresses) {
        List<MimeMessage> found = new ArrayList<>();
        if (greenMail == null) {
            return found;
        }
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                Address[] recipients = message.getAllRecipients();
                if (recipients != null && Arrays.stream(recipients).anyMatch(a -> addresses.contains(a.toString().replaceAll(".*<|>", "")))) {
                    found.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** Received cancellations (subject "Cancelled: …") with a recipient among {@code addresses}. */
    public static List<MimeMessage> cancellations(Collection<String> addresses) {
        return to(addresses).stream().filter(m -> subject(m).startsWith("Cancelled:")).toList();
    }

    /** Waits until {@code count} or more cancellations reached {@code addresses}, or the timeout passes. */
    public static List<MimeMessage> awaitCancellations(Collection<String> addresses, int count, Duration timeout) {
        eventually(() -> cancellations(addresses).size() >= count, timeout);
        return cancellations(addresses);
    }

    /** The parts of a multipart mail by content type without parameters ({@code text/plain}, {@code text/calendar}). */
    public static Map<String, String> parts(MimeMessage message) throws Exception {
        Map<String, String> parts = new HashMap<>();
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            Object content = part.getContent();
            String text = content instanceof String s ? s
                    : new String(((InputStream) content).readAllBytes(), StandardCharsets.UTF_8);
            parts.put(part.getContentType().replaceAll(";.*", "").trim().toLowerCase(Locale.ROOT), text);
        }
        return parts;
    }

    public static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until exactly-or-more {@code count} messages reached {@code addresses}, or the timeout passes. */
    public static List<MimeMessage> await(Collection<String> addresses, int count, Duration timeout) {
        eventually(() -> to(addresses).size() >= count, timeout);
        return to(addresses);
    }

    public static void eventually(BooleanSupplier condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
