package dev.bookings.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Sends one mail through Jakarta Mail: multipart/alternative (text, HTML and, when it has one, the iCalendar part)
 * with a stable Message-ID.
 */
@ApplicationScoped
public class Mailer {

    /** A failure that retrying cannot cure, such as an address the mail system refuses to parse. */
    public static class PermanentFailure extends Exception {

        private static final long serialVersionUID = 1L;

        PermanentFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public void send(MailSettings settings, OutgoingMail mail) throws MessagingException, PermanentFailure {
        Session session = Session.getInstance(settings.sessionProperties(), settings.credentials().isEmpty() ? null
                : new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(settings.user(), settings.password());
                    }
                });
        InternetAddress from;
        InternetAddress to;
        try {
            from = new InternetAddress(settings.from(), true);
            to = new InternetAddress(mail.toAddress(), mail.toName(), StandardCharsets.UTF_8.name());
            to.validate();
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new PermanentFailure("Invalid address: " + e.getMessage(), e);
        }
        String messageId = "<" + mail.noticeId() + ".notice@" + domainOf(from.getAddress()) + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternatives = new MimeMultipart("alternative", text, html);
        if (mail.calendar() != null) {
            // the iTIP part as mail clients expect it: a third alternative, text/calendar with its method, so
            // Outlook, Gmail and Apple Calendar add, move or remove the entry themselves
            MimeBodyPart calendar = new MimeBodyPart();
            calendar.setContent(mail.calendar(), "text/calendar; charset=UTF-8; method=" + mail.calendarMethod());
            calendar.setHeader("Content-Transfer-Encoding", "quoted-printable");
            alternatives.addBodyPart(calendar);
        }
        message.setContent(alternatives);
        message.saveChanges();
        Transport.send(message);
    }

    static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "bookings.example" : address.substring(at + 1);
    }
}
