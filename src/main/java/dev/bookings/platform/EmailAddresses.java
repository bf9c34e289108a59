package dev.bookings.platform;

import dev.bookings.errors.InvalidRequest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * E-mail addresses as clients send them. Accepted: one plain {@code local@domain} address without white space,
 * control characters or list separators, so nothing sent can smuggle a header or a second recipient into a mail.
 */
public final class EmailAddresses {

    private static final Pattern PLAIN = Pattern.compile("[^@\\s<>,;:\"()\\[\\]\\\\\\p{Cntrl}]+@[^@\\s<>,;:\"()\\[\\]\\\\\\p{Cntrl}]+\\.[^@\\s<>,;:\"()\\[\\]\\\\\\p{Cntrl}.]+");

    private EmailAddresses() {
    }

    public static boolean isPlain(String address) {
        return address != null && address.length() <= 320 && PLAIN.matcher(address).matches();
    }

    /** The property as an address, absent when missing or blank, 400 when it is not one. */
    public static Optional<String> optional(JsonFields fields, String name) {
        Optional<String> value = fields.string(name, 320).map(String::strip).filter(s -> !s.isEmpty());
        if (value.isPresent() && !isPlain(value.get())) {
            throw new InvalidRequest("Property '" + fields.path(name) + "' is not an e-mail address.");
        }
        return value;
    }

    public static String require(JsonFields fields, String name) {
        return optional(fields, name).orElseThrow(() -> new InvalidRequest("Property '" + fields.path(name) + "' is required."));
    }
}
