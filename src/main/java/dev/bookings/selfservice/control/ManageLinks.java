package dev.bookings.selfservice.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.bookings.appointments.entity.Appointment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;

/**
 * The manage links of customers: {@code <public base URL>/manage/<token>}, the token a JWS (HMAC-SHA256, with the
 * signing key's id) naming the appointment ({@code a}), its {@code selfServiceAppointmentId} ({@code s}: a link
 * works only while the appointment has the id it was made for), one of its customers ({@code c}: a hash of the
 * address, not the address) and expiring ({@code exp}) when the appointment ends. Keys come from
 * {@code bookings.manage.keys}: {@code id:secret} pairs, comma separated, the secret base64 (url-safe or not) of at
 * least 32 bytes; the first signs, all verify, so a new key goes first and an old one stays until its links have
 * expired. Without keys there are no links, and every link is "not found".
 */
@ApplicationScoped
public class ManageLinks {

    /** What a valid token names. */
    public record Link(String appointmentId, String selfServiceId, String customer, String keyId) {
    }

    private record Key(String id, byte[] secret) {
    }

    private static final Logger LOG = Logger.getLogger(ManageLinks.class.getName());
    public static final String KEYS = "bookings.manage.keys";
    public static final String PATH = "manage/";

    @Inject
    Config config;

    @Inject
    HttpServletRequest request;

    private volatile String parsedFrom;
    private volatile List<Key> keys = List.of();

    /** Whether links can be made: at least one key is configured. */
    public boolean enabled() {
        return !keys().isEmpty();
    }

    /** The link for {@code customerAddress} to the appointment, if it allows customers to manage it and keys exist. */
    public Optional<String> url(Appointment appointment, String customerAddress) {
        List<Key> all = keys();
        String base = base();
        if (all.isEmpty() || base == null || customerAddress == null || !appointment.customerAllowedToManageBooking()
                || appointment.selfServiceAppointmentId() == null) {
            return Optional.empty();
        }
        Key key = all.get(0);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("a", appointment.id())
                .claim("s", appointment.selfServiceAppointmentId()).claim("c", customer(customerAddress))
                .expirationTime(Date.from(appointment.end().toInstant())).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.id()).build(), claims);
        try {
            jwt.sign(new MACSigner(key.secret()));
        } catch (JOSEException e) {
            throw new IllegalStateException("The manage link key " + key.id() + " cannot sign", e);
        }
        return Optional.of((base.endsWith("/") ? base : base + "/") + PATH + jwt.serialize());
    }

    /**
     * Where customers reach the pages: {@code bookings.public-base-url}; unset, this instance's own HTTP listener on
     * {@code localhost} as the current request reached it (its port and context path, never its {@code Host}
     * header, which a client could forge to send a valid link elsewhere): right for a single instance tried on one
     * machine, and no use for customers elsewhere, so production sets the URL. Null outside a request.
     */
    private String base() {
        Optional<String> configured = config.getOptionalValue("bookings.public-base-url", String.class).map(String::strip)
                .filter(s -> !s.isEmpty());
        if (configured.isPresent()) {
            return configured.get();
        }
        try {
            return (request.isSecure() ? "https" : "http") + "://localhost:" + request.getLocalPort() + request.getContextPath();
        } catch (ContextNotActiveException | IllegalStateException e) {
            return null;
        }
    }

    /** What the token names, if one of the keys signed it and it has not expired; empty for anything else. */
    public Optional<Link> verify(String token, Instant now) {
        if (token == null || token.length() > 2000) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
                return Optional.empty();
            }
            Key key = keys().stream().filter(k -> k.id().equals(jwt.getHeader().getKeyID())).findFirst().orElse(null);
            if (key == null || !jwt.verify(new MACVerifier(key.secret()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            String appointment = claims.getStringClaim("a");
            String selfService = claims.getStringClaim("s");
            String customer = claims.getStringClaim("c");
            if (expires == null || !expires.toInstant().isAfter(now) || appointment == null || selfService == null
                    || customer == null) {
                return Optional.empty();
            }
            return Optional.of(new Link(appointment, selfService, customer, key.id()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The page's form token for a link: an HMAC of the token with the key that signed it, so a form from another
     * site, which cannot read the page, cannot carry it.
     */
    public String formToken(String token, Link link) {
        Key key = keys().stream().filter(k -> k.id().equals(link.keyId())).findFirst().orElseThrow();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
            mac.update("manage-form|".getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A customer as links name them: a hash of the lower-cased address. */
    public static String customer(String address) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(address.strip().toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Key> keys() {
        String raw = config.getOptionalValue(KEYS, String.class).orElse("");
        if (!raw.equals(parsedFrom)) {
            keys = parse(raw);
            parsedFrom = raw;
        }
        return keys;
    }

    /** {@code id:secret,id:secret}; an entry that is not a key is left out with a warning (never the secret). */
    static List<Key> parse(String raw) {
        List<Key> parsed = new ArrayList<>();
        for (String entry : raw.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (trimmed.isEmpty()) {
                continue;
            }
            if (colon < 1) {
                LOG.warning(() -> KEYS + ": an entry is not id:secret; it is ignored");
                continue;
            }
            String id = trimmed.substring(0, colon);
            byte[] secret;
            try {
                String text = trimmed.substring(colon + 1).strip();
                secret = text.contains("+") || text.contains("/") ? Base64.getDecoder().decode(text)
                        : Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> KEYS + ": the secret of key " + id + " is not base64; the key is ignored");
                continue;
            }
            if (secret.length < 32) {
                LOG.warning(() -> KEYS + ": the secret of key " + id + " has fewer than 32 bytes; the key is ignored");
                continue;
            }
            parsed.add(new Key(id, secret));
        }
        return List.copyOf(parsed);
    }
}
