package dev.bookings.platform;

import java.security.SecureRandom;
import java.util.Base64;

/** New ids for appointments, staff members and notices: 144 random bits, base64url without padding, so never {@code /}, {@code +} or {@code =}. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String next() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
