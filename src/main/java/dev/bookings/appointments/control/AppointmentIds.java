package dev.bookings.appointments.control;

import java.security.SecureRandom;
import java.util.Base64;

/** New appointment ids: 144 random bits, base64url without padding, so never {@code /}, {@code +} or {@code =}. */
public final class AppointmentIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AppointmentIds() {
    }

    public static String next() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
