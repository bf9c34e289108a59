package dev.bookings.notifications.control;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;

/**
 * The SMTP server and the delivery policy, read from MicroProfile Config at every delivery round, so a
 * dynamic config source takes effect without a restart. With no {@code bookings.mail.smtp.host} nothing is
 * sent and notices wait.
 */
public record MailSettings(String host, int port, String user, String password, boolean startTls, boolean ssl,
        String from, Duration timeout, int maxAttempts, Duration retryBase, Duration retryMax, Duration lease) {

    public static MailSettings of(Config config) {
        return new MailSettings(
                config.getOptionalValue("bookings.mail.smtp.host", String.class).filter(s -> !s.isBlank()).orElse(null),
                config.getOptionalValue("bookings.mail.smtp.port", Integer.class).orElse(25),
                config.getOptionalValue("bookings.mail.smtp.user", String.class).orElse(null),
                config.getOptionalValue("bookings.mail.smtp.password", String.class).orElse(null),
                config.getOptionalValue("bookings.mail.smtp.starttls", Boolean.class).orElse(false),
                config.getOptionalValue("bookings.mail.smtp.ssl", Boolean.class).orElse(false),
                config.getOptionalValue("bookings.mail.from", String.class).orElse("bookings@bookings.example"),
                Duration.ofSeconds(config.getOptionalValue("bookings.mail.timeout-seconds", Integer.class).orElse(20)),
                config.getOptionalValue("bookings.notices.max-attempts", Integer.class).orElse(10),
                Duration.ofSeconds(config.getOptionalValue("bookings.notices.retry-base-seconds", Integer.class).orElse(30)),
                Duration.ofSeconds(config.getOptionalValue("bookings.notices.retry-max-seconds", Integer.class).orElse(3600)),
                Duration.ofSeconds(config.getOptionalValue("bookings.notices.lease-seconds", Integer.class).orElse(120)));
    }

    /** Nothing configured: notices stay pending. */
    public static MailSettings none() {
        return new MailSettings(null, 25, null, null, false, false, "bookings@bookings.example", Duration.ofSeconds(20), 10,
                Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(2));
    }

    public boolean configured() {
        return host != null;
    }

    public Optional<String> credentials() {
        return Optional.ofNullable(user).filter(u -> !u.isBlank());
    }

    /**
     * When to try again after the {@code attempts}-th attempt failed: base × 2^(attempts−1), at most
     * {@code retryMax}; null when the attempts are used up.
     */
    public Duration backoff(int attempts) {
        if (attempts >= maxAttempts) {
            return null;
        }
        int exponent = Math.max(0, Math.min(attempts - 1, 30));
        Duration delay = retryBase.multipliedBy(1L << exponent);
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }

    Properties sessionProperties() {
        Properties props = new Properties();
        String protocol = ssl ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", host);
        props.put("mail." + protocol + ".port", String.valueOf(port));
        props.put("mail." + protocol + ".auth", String.valueOf(credentials().isPresent()));
        props.put("mail." + protocol + ".starttls.enable", String.valueOf(startTls));
        props.put("mail." + protocol + ".starttls.required", String.valueOf(startTls));
        props.put("mail." + protocol + ".ssl.enable", String.valueOf(ssl));
        props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        String millis = String.valueOf(timeout.toMillis());
        props.put("mail." + protocol + ".connectiontimeout", millis);
        props.put("mail." + protocol + ".timeout", millis);
        props.put("mail." + protocol + ".writetimeout", millis);
        props.put("mail.from", from);
        return props;
    }

    @Override
    public String toString() {
        return "MailSettings[" + (configured() ? host + ":" + port : "no SMTP") + ", from " + from + "]";
    }
}
