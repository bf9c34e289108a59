package dev.bookings.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies bearer tokens as Entra ID issues them, configured by MicroProfile JWT's standard keys. Unlike
 * Payara's built-in MP-JWT it does not demand {@code jti} (Entra sends {@code uti}). Required: a signature by a
 * configured key with an allowed algorithm ({@code alg: none} never passes), {@code exp}, {@code iat},
 * {@code sub}, {@code tid}; the issuer must equal {@code mp.jwt.verify.issuer}, where {@code {tid}} stands for
 * the token's tenant (Entra's multi-tenant issuer); the audience must be one of {@code mp.jwt.verify.audiences}
 * when that is set. With no key or no issuer configured every token is refused: the service fails closed.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> inlineKey;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> keyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.algorithm", defaultValue = "RS256")
    String algorithms;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<String> audiences;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    int clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "bookings.jwt.jwks.cache-seconds", defaultValue = "3600")
    long jwksCacheSeconds;

    private volatile DefaultJWTProcessor<SecurityContext> processor;

    /** Created with the application, so that a missing configuration is reported at start. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // creating the bean runs init()
    }

    @PostConstruct
    void init() {
        if (issuer.isEmpty() || (inlineKey.isEmpty() && keyLocation.isEmpty())) {
            LOG.warning("No token verification configured (mp.jwt.verify.issuer and mp.jwt.verify.publickey[.location]):"
                    + " every request will be answered 401.");
        }
    }

    /**
     * Verifies the compact token, or says why not in words fit for the client. A token verified once is remembered
     * (keyed by the whole token, so no two tokens ever share a principal) until its {@code exp}, never past it:
     * a client that sends the same token with every request pays for the signature check once. At most
     * {@value #CACHE_LIMIT} tokens are remembered; past that the expired ones are dropped, or all if none is.
     * Since a token stays valid until its {@code exp} anyway, a key removed from the JWKS stops new tokens at once
     * and remembered ones at their {@code exp} (Entra's access tokens live about an hour).
     */
    public TokenPrincipal verify(String token) throws TokenRejected {
        if (token == null || token.isBlank()) {
            throw new TokenRejected("Access token is empty.");
        }
        long now = System.currentTimeMillis();
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.expiresAtMillis()) {
                return known.principal();
            }
            verified.remove(token, known);
        }
        TokenPrincipal principal = verifyNow(token);
        remember(token, principal, now);
        return principal;
    }

    private record Verified(TokenPrincipal principal, long expiresAtMillis) {
    }

    static final int CACHE_LIMIT = 10_000;
    int cacheLimit = CACHE_LIMIT;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    int remembered() {
        return verified.size();
    }

    private void remember(String token, TokenPrincipal principal, long now) {
        long expiresAt = principal.getExpirationTime() * 1000L;
        if (expiresAt <= now) {
            return;
        }
        if (verified.size() >= cacheLimit) {
            verified.values().removeIf(v -> v.expiresAtMillis() <= now);
            if (verified.size() >= cacheLimit) {
                verified.clear();
            }
        }
        verified.put(token, new Verified(principal, expiresAt));
    }

    private TokenPrincipal verifyNow(String token) throws TokenRejected {
        if (issuer.isEmpty()) {
            throw new TokenRejected("Access token validation failure: no issuer is configured on this service.");
        }
        DefaultJWTProcessor<SecurityContext> jwtProcessor = processor();
        JWTClaimsSet claims;
        try {
            if (!(JWTParser.parse(token) instanceof SignedJWT)) {
                throw new TokenRejected("Access token validation failure: the token is not signed.");
            }
            claims = jwtProcessor.process(token, null);
        } catch (ParseException e) {
            throw new TokenRejected("IDX14100: JWT is not well formed.");
        } catch (BadJWTException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage();
            if (reason.contains("Expired")) {
                throw new TokenRejected("Lifetime validation failed, the token is expired.");
            }
            if (reason.contains("before use time")) {
                throw new TokenRejected("Lifetime validation failed, the token is not yet valid.");
            }
            // nimbus 10.5 said "JWT audience rejected", 10.10 (Payara 7) says "JWT aud claim rejected"
            if (reason.contains("audience") || reason.contains("aud claim")) {
                throw new TokenRejected("Access token validation failure. Invalid audience.");
            }
            throw new TokenRejected("Access token validation failure: " + reason + ".");
        } catch (BadJOSEException e) {
            throw new TokenRejected("Access token validation failure. Invalid signature or key.");
        } catch (JOSEException e) {
            LOG.log(Level.WARNING, "Token verification failed", e);
            throw new TokenRejected("Access token validation failure.");
        }
        if (claims.getIssueTime().toInstant().isAfter(Instant.now().plusSeconds(clockSkewSeconds))) {
            // nimbus checks exp and nbf only; a token issued in the future is forged or from a broken clock
            throw new TokenRejected("Lifetime validation failed, the token was issued in the future (iat).");
        }
        String tid = claims.getClaim("tid") instanceof String s ? s : null;
        if (tid == null || tid.isBlank()) {
            throw new TokenRejected("Access token validation failure: the tid claim is missing.");
        }
        if (!issuer.get().replace("{tid}", tid).equals(claims.getIssuer())) {
            throw new TokenRejected("Access token validation failure. Invalid issuer.");
        }
        return new TokenPrincipal(token, claims);
    }

    private DefaultJWTProcessor<SecurityContext> processor() throws TokenRejected {
        DefaultJWTProcessor<SecurityContext> current = processor;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (processor == null) {
                processor = createProcessor();
            }
            return processor;
        }
    }

    private DefaultJWTProcessor<SecurityContext> createProcessor() throws TokenRejected {
        JWKSource<SecurityContext> keys;
        try {
            if (inlineKey.isPresent()) {
                keys = VerificationKeys.fromInline(inlineKey.get());
            } else if (keyLocation.isPresent()) {
                keys = VerificationKeys.fromLocation(keyLocation.get(), jwksCacheSeconds);
            } else {
                throw new TokenRejected("Access token validation failure: no verification key is configured on this service.");
            }
        } catch (TokenRejected e) {
            throw e;
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Cannot load the token verification key from configuration", e);
            throw new TokenRejected("Access token validation failure: the verification key cannot be loaded.");
        }
        Set<JWSAlgorithm> allowed = Arrays.stream(algorithms.split(","))
                .map(String::trim).filter(s -> !s.isEmpty() && !"none".equalsIgnoreCase(s))
                .map(JWSAlgorithm::parse).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> acceptedAudiences = audiences
                .map(a -> Arrays.stream(a.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .filter(s -> !s.isEmpty())
                .orElse(null);
        DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier = new DefaultJWTClaimsVerifier<>(
                acceptedAudiences, null, Set.of("exp", "iat", "sub", "tid"), null);
        claimsVerifier.setMaxClockSkew(clockSkewSeconds);
        DefaultJWTProcessor<SecurityContext> created = new DefaultJWTProcessor<>();
        created.setJWSKeySelector(new JWSVerificationKeySelector<>(allowed, keys));
        created.setJWTClaimsSetVerifier(claimsVerifier);
        return created;
    }
}
