package dev.bookings.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Requests this service sends to itself (the requests of a {@code $batch}) carry the base URL the client used,
 * so links in their answers point where the client can follow them. The header is believed only with this
 * process's secret, made at start and never written anywhere, so no client can choose the links' base.
 */
public final class Loopback {

    public static final String SECRET_HEADER = "X-Bookings-Loopback";
    public static final String BASE_HEADER = "X-Bookings-Loopback-Base";
    /** The key a batch gives one of its requests (idempotency's {@code RequestKey}), followed by the request's id. */
    public static final String STEP_KEY_HEADER = "X-Bookings-Loopback-Step-Key";
    /** The request attribute through which a batch learns the key its requests are given. */
    public static final String STEP_KEY_ATTRIBUTE = Loopback.class.getName() + ".stepKey";
    /** The request attribute in which a batch leaves its requests' statuses (a {@code List<Integer>}), in order. */
    public static final String STEP_STATUSES_ATTRIBUTE = Loopback.class.getName() + ".stepStatuses";
    private static final String SECRET = secret();

    private Loopback() {
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String secretValue() {
        return SECRET;
    }

    /** The key a batch gave this request, or null when it is no request of a batch of ours. */
    public static String trustedStepKey(jakarta.servlet.http.HttpServletRequest request) {
        String secret = request.getHeader(SECRET_HEADER);
        String key = request.getHeader(STEP_KEY_HEADER);
        if (secret == null || key == null || !java.security.MessageDigest.isEqual(secret.getBytes(), SECRET.getBytes())) {
            return null;
        }
        return key;
    }

    /** The base URL a loopback request carries, or null when it is not one of ours. */
    static URI trustedBase(ContainerRequestContext request) {
        String secret = request.getHeaderString(SECRET_HEADER);
        String base = request.getHeaderString(BASE_HEADER);
        if (secret == null || base == null || !java.security.MessageDigest.isEqual(secret.getBytes(), SECRET.getBytes())) {
            return null;
        }
        try {
            return PublicBaseUrl.parse(base);
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
