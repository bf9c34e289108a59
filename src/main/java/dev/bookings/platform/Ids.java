package dev.bookings.platform;

import java.security.SecureRandom;
import java.util.Base64;

/** New ids for appointments, staff members and notices: 144 random bits, base64url without padding, so never {@code /}, {@code +} or {@code =}. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /**
     * Whether a client-sent id can name anything at all: not blank, not longer than {@code maxLength}, no control
     * characters (which some databases cannot even compare). Anything else is simply not found.
     */
    public static boolean plausible(String id, int maxLength) {
        return id != null && !id.isBlank() && id.length() <= maxLength && id.chars().noneMatch(Character::isISOControl);
    }

    public static String next() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
