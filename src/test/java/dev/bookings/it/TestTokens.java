package dev.bookings.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Real RS256 tokens shaped as Entra ID issues them (no {@code jti}, {@code uti} instead), signed by a key pair
 * made for this test run. Its public half is written where the server under test reads it
 * ({@code mp.jwt.verify.publickey.location}, set in the pom); the private half never leaves memory.
 */
public final class TestTokens {

    /** What the pom tells the server to expect. */
    public static final String ISSUER_TEMPLATE = "https://login.test.example/{tid}/v2.0";
    public static final String AUDIENCE = "api://bookings-it";

    private static final KeyPair KEYS = generate();
    private static final KeyPair OTHER_KEYS = generate();

    private TestTokens() {
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the public key as PEM for the server. */
    public static void writePublicKey(Path file) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A user's token with delegated scopes. */
    public static String delegated(String tenantId, String... scopes) {
        return sign(claims(tenantId, c -> c.claim("scp", String.join(" ", scopes))
                .claim("oid", "user-" + tenantId)), KEYS);
    }

    /** An application's token with app roles. */
    public static String application(String tenantId, String... roles) {
        return sign(claims(tenantId, c -> c.claim("roles", List.of(roles))
                .claim("oid", "app-" + tenantId).claim("appid", "client-" + tenantId)), KEYS);
    }

    public static String expired(String tenantId, String scope) {
        return sign(claims(tenantId, c -> c.claim("scp", scope)
                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(3))))
                .notBeforeTime(Date.from(Instant.now().minus(Duration.ofHours(3))))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(2))))), KEYS);
    }

    /** A user's token whose {@code iat} lies {@code ahead} in the future (valid for an hour after that). */
    public static String issuedInFuture(String tenantId, String scope, Duration ahead) {
        Instant issued = Instant.now().plus(ahead);
        return sign(claims(tenantId, c -> c.claim("scp", scope).issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofHours(1))))), KEYS);
    }

    /** A user's token that expires {@code in} from now. */
    public static String expiringIn(String tenantId, String scope, Duration in) {
        return sign(claims(tenantId, c -> c.claim("scp", scope).expirationTime(Date.from(Instant.now().plus(in)))), KEYS);
    }

    /** A user's token that also carries app roles assigned to the user (Entra puts them in {@code roles}). */
    public static String delegatedWithRoles(String tenantId, String scope, String... roles) {
        return sign(claims(tenantId, c -> c.claim("scp", scope).claim("roles", List.of(roles))
                .claim("oid", "user-" + tenantId)), KEYS);
    }

    /** A delegated token with {@code scope} whose claims {@code customizer} then changes (signed with the test key). */
    public static String withClaims(String tenantId, String scope, Consumer<JWTClaimsSet.Builder> customizer) {
        return sign(claims(tenantId, c -> customizer.accept(c.claim("scp", scope))), KEYS);
    }

    /** The claims of a valid delegated token with {@code scope}, for tests that build their own header or signature. */
    public static JWTClaimsSet validClaims(String tenantId, String scope) {
        return claims(tenantId, c -> c.claim("scp", scope));
    }

    /** The test key pair's public half, as the server trusts it. */
    public static java.security.PublicKey publicKey() {
        return KEYS.getPublic();
    }

    public static String signedByUnknownKey(String tenantId, String scope) {
        return sign(claims(tenantId, c -> c.claim("scp", scope)), OTHER_KEYS);
    }

    public static String wrongIssuer(String tenantId, String scope) {
        return sign(claims(tenantId, c -> c.claim("scp", scope).issuer("https://evil.example/" + tenantId)), KEYS);
    }

    public static String wrongAudience(String tenantId, String scope) {
        return sign(claims(tenantId, c -> c.claim("scp", scope).audience("api://someone-else")), KEYS);
    }

    public static String unsigned(String tenantId, String scope) {
        JWTClaimsSet claims = claims(tenantId, c -> c.claim("scp", scope));
        return new PlainJWT(new PlainHeader.Builder().type(JOSEObjectType.JWT).build(), claims).serialize();
    }

    private static JWTClaimsSet claims(String tenantId, Consumer<JWTClaimsSet.Builder> customizer) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER_TEMPLATE.replace("{tid}", tenantId))
                .audience(AUDIENCE)
                .subject("subject-" + tenantId)
                .issueTime(Date.from(now.minusSeconds(5)))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("tid", tenantId)
                .claim("uti", UUID.randomUUID().toString())
                .claim("ver", "2.0");
        customizer.accept(builder);
        return builder.build();
    }

    private static String sign(JWTClaimsSet claims, KeyPair keys) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID("it-key").build(), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
