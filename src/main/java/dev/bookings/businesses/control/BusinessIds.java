package dev.bookings.businesses.control;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Graph gives a business an SMTP-like id made from its display name ({@code Contoso Cuts} becomes
 * {@code ContosoCuts@contoso.example}). The domain is {@code bookings.business-id-domain}; a number is appended
 * while the id is taken in the tenant.
 */
public final class BusinessIds {

    static final int MAX_LOCAL_PART = 64;

    private BusinessIds() {
    }

    public static String localPart(String displayName) {
        String ascii = Normalizer.normalize(displayName, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String letters = ascii.replaceAll("[^A-Za-z0-9]", "");
        if (letters.isEmpty()) {
            letters = "Business";
        }
        return letters.length() > MAX_LOCAL_PART ? letters.substring(0, MAX_LOCAL_PART) : letters;
    }

    /** The first free id for the display name; {@code taken} tests an id in the tenant. */
    public static String derive(String displayName, String domain, Predicate<String> taken) {
        String local = localPart(displayName);
        String host = domain.strip().toLowerCase(Locale.ROOT);
        String candidate = local + "@" + host;
        for (int n = 1; taken.test(candidate); n++) {
            candidate = local + n + "@" + host;
        }
        return candidate;
    }
}
