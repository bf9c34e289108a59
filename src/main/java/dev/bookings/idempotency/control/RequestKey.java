package dev.bookings.idempotency.control;

import dev.bookings.errors.InvalidRequest;
import dev.bookings.errors.RequestIds;
import dev.bookings.platform.Loopback;
import dev.bookings.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * What makes a write request the repeat of another: the record it is stored under and the fingerprint of what it
 * asks. Taken, in this order, from
 * <ol>
 * <li>{@code Idempotency-Key} (the IETF httpapi draft's header: a structured-field string, 1 to 255 characters;
 * anything else is 400): its reuse for another request is refused with 422;</li>
 * <li>the key a {@code $batch} gives each of its requests (a loopback header, believed only with this process's
 * secret), in the batch's own mode;</li>
 * <li>{@code client-request-id}: every first try is recorded, and only a request that says it is a retry
 * ({@code Retry-Attempt} of 1 or more, as the official SDKs send) is answered from the record; a reused id
 * without it is a new request (whose record replaces the earlier one). The official SDKs keep one id for many
 * calls of a client, so the record is that of the id together with the request's fingerprint: another request
 * with the same id is simply another request.</li>
 * </ol>
 * A key belongs to its caller: the record's id is a hash of the tenant, the application or user, and the key.
 *
 * @param id          the record's id (SHA-256, hexadecimal)
 * @param tenantId    the caller's tenant, for the per-tenant bound
 * @param fingerprint SHA-256 of the method, the path with its query, and the body
 * @param explicit    true for an {@code Idempotency-Key}: a reuse for another request is 422
 * @param retry       true when a repeat is answered from the record ({@code Idempotency-Key} always)
 */
public record RequestKey(String id, String tenantId, String fingerprint, boolean explicit, boolean retry) {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String RETRY_ATTEMPT = "Retry-Attempt";
    static final int MAX_LENGTH = 255;

    /** Whether the request carries anything a key is taken from (else its body need not be fingerprinted). */
    public static boolean carried(HttpServletRequest request) {
        return request.getHeader(IDEMPOTENCY_KEY) != null || Loopback.trustedStepKey(request) != null
                || RequestIds.isSafe(request.getHeader(RequestIds.CLIENT_REQUEST_ID));
    }

    /** The key of a write request, or null when it carries none. */
    public static RequestKey of(HttpServletRequest request, Caller caller, byte[] body) {
        List<String> explicitKeys = Collections.list(request.getHeaders(IDEMPOTENCY_KEY));
        String fingerprint = fingerprint(request, body);
        if (!explicitKeys.isEmpty()) {
            if (explicitKeys.size() > 1) {
                throw new InvalidRequest("Send one Idempotency-Key header, not " + explicitKeys.size() + ".");
            }
            return new RequestKey(id(caller, "k:" + parse(explicitKeys.get(0))), caller.tenantId(), fingerprint,
                    true, true);
        }
        String step = Loopback.trustedStepKey(request);
        if (step != null && step.length() > 2) {
            // the mode and the retry flag are the batch's; the record is the batch's key with the request's id
            // (and, as for a client-request-id, the request itself), whichever try of the batch this is
            boolean explicit = step.charAt(0) == 'K';
            String batchStep = step.substring(2);
            return new RequestKey(id(caller, "s:" + batchStep + (explicit ? "" : "\n" + fingerprint)), caller.tenantId(),
                    fingerprint, explicit, step.charAt(1) == '1');
        }
        String clientRequestId = request.getHeader(RequestIds.CLIENT_REQUEST_ID);
        if (RequestIds.isSafe(clientRequestId)) {
            // the official SDKs keep one client-request-id for many calls of a client: the request is part of the key
            return new RequestKey(id(caller, "c:" + clientRequestId + "\n" + fingerprint), caller.tenantId(),
                    fingerprint, false, retryAttempt(request.getHeader(RETRY_ATTEMPT)) >= 1);
        }
        return null;
    }

    /**
     * The key the requests of a {@code $batch} sent with this key are given, before the request's own id: they
     * are recognised in the batch's mode, so the batch's repeat repeats none of its changes.
     */
    public String forSteps() {
        return (explicit ? "K" : "C") + (retry ? "1" : "0") + id;
    }

    /** The text of an {@code Idempotency-Key}: an RFC 8941 string of 1 to 255 printable ASCII characters. */
    static String parse(String header) {
        String value = header.strip();
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            throw malformed("it must be a quoted string, such as \"8e03978e-40d5-43e8-bc93-6894a57f9324\"");
        }
        StringBuilder key = new StringBuilder();
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                if (i + 1 >= value.length() - 1 || (value.charAt(i + 1) != '"' && value.charAt(i + 1) != '\\')) {
                    throw malformed("a backslash may only escape \" or \\");
                }
                c = value.charAt(++i);
            } else if (c == '"') {
                throw malformed("a quote inside the string must be escaped");
            } else if (c < 0x20 || c > 0x7E) {
                throw malformed("only printable ASCII characters are allowed");
            }
            key.append(c);
        }
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw malformed("the string must hold 1 to " + MAX_LENGTH + " characters");
        }
        return key.toString();
    }

    /** The {@code Retry-Attempt} number, 0 when absent or not a number. */
    static int retryAttempt(String header) {
        if (header == null || header.isBlank() || header.strip().length() > 9) {
            return 0;
        }
        try {
            return Integer.parseInt(header.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static InvalidRequest malformed(String why) {
        return new InvalidRequest("The Idempotency-Key header is malformed: " + why + ".");
    }

    private static String id(Caller caller, String key) {
        MessageDigest digest = sha256();
        digest.update(caller.tenantId().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(caller.actorId().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        MessageDigest digest = sha256();
        String query = request.getQueryString();
        digest.update((request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query))
                .getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        return HexFormat.of().formatHex(digest.digest(body));
    }

    /** A digest to copy: looking SHA-256 up in the security providers for every request costs more than a copy. */
    private static final MessageDigest SHA_256 = prototype();

    private static MessageDigest prototype() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return prototype();
        }
    }
}
