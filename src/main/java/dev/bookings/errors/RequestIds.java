package dev.bookings.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Graph's correlation headers: every response carries a server-made {@code request-id} and echoes the
 * client's {@code client-request-id}. Called from the earliest place that sees a request (the
 * authentication mechanism, the filter, the error page), so it is idempotent.
 */
public final class RequestIds {

    public static final String REQUEST_ID = "request-id";
    public static final String CLIENT_REQUEST_ID = "client-request-id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    /** Echo only what looks like an id: no header splitting, no log forging, bounded length. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    public record Ids(String requestId, String clientRequestId) {
    }

    public static Ids ensure(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(ATTRIBUTE) instanceof Ids ids) {
            apply(ids, response);
            return ids;
        }
        String client = request.getHeader(CLIENT_REQUEST_ID);
        if (client != null && !SAFE.matcher(client).matches()) {
            client = null;
        }
        Ids ids = new Ids(newId(), client);
        request.setAttribute(ATTRIBUTE, ids);
        apply(ids, response);
        return ids;
    }

    /** Whether a {@code client-request-id} is one this service echoes (and so may key a request by). */
    public static boolean isSafe(String clientRequestId) {
        return clientRequestId != null && SAFE.matcher(clientRequestId).matches();
    }

    public static Ids of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Ids ids ? ids : new Ids(newId(), null);
    }

    /**
     * A random (version 4) UUID. A request id correlates logs, it guards nothing, so it comes from the thread's own
     * generator rather than {@link UUID#randomUUID()}, whose shared {@code SecureRandom} serialises request threads.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0x3L << 62)) | (0x2L << 62);
        return new UUID(high, low).toString();
    }

    private static void apply(Ids ids, HttpServletResponse response) {
        if (response.isCommitted()) {
            return;
        }
        response.setHeader(REQUEST_ID, ids.requestId());
        if (ids.clientRequestId() != null) {
            response.setHeader(CLIENT_REQUEST_ID, ids.clientRequestId());
        }
    }
}
