package dev.bookings.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.bookings.it.TestTokens;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenVerifierTest {

    TokenVerifier cut;

    @BeforeEach
    void configure(@TempDir Path dir) {
        Path key = dir.resolve("public.pem");
        TestTokens.writePublicKey(key);
        cut = new TokenVerifier();
        cut.inlineKey = Optional.empty();
        cut.keyLocation = Optional.of(key.toString());
        cut.algorithms = "RS256";
        cut.issuer = Optional.of(TestTokens.ISSUER_TEMPLATE);
        cut.audiences = Optional.of(TestTokens.AUDIENCE);
        cut.clockSkewSeconds = 60;
        cut.jwksCacheSeconds = 60;
    }

    @Test
    void acceptsEntraShapedDelegatedTokenWithoutJti() throws TokenRejected {
        TokenPrincipal principal = cut.verify(TestTokens.delegated("t1", "Bookings.Read.All", "Bookings.ReadWrite.All"));
        assertEquals(java.util.Set.of("Bookings.Read.All", "Bookings.ReadWrite.All"), principal.getGroups());
        Caller caller = principal.caller();
        assertEquals("t1", caller.tenantId());
        assertEquals("user-t1", caller.actorId());
        assertTrue(caller.delegated());
        assertTrue(principal.getClaimNames().contains("uti"));
        assertFalse(principal.getClaimNames().contains("jti"));
    }

    @Test
    void applicationTokenRolesBecomeGroupsAndCallerIsNotDelegated() throws TokenRejected {
        TokenPrincipal principal = cut.verify(TestTokens.application("t2", "Bookings.Manage.All"));
        assertEquals(java.util.Set.of("Bookings.Manage.All"), principal.getGroups());
        assertFalse(principal.caller().delegated());
    }

    @Test
    void rejectsATokenIssuedInTheFutureBeyondTheClockSkew() throws TokenRejected {
        TokenRejected e = assertThrows(TokenRejected.class,
                () -> cut.verify(TestTokens.issuedInFuture("t1", "Bookings.Read.All", java.time.Duration.ofMinutes(5))));
        assertTrue(e.getMessage().contains("issued in the future"), e.getMessage());
        cut.verify(TestTokens.issuedInFuture("t1", "Bookings.Read.All", java.time.Duration.ofSeconds(30)));
    }

    @Test
    void aDelegatedTokensRolesAreNotPermissions() throws TokenRejected {
        TokenPrincipal principal = cut.verify(TestTokens.delegatedWithRoles("t1", "Bookings.Read.All", "Bookings.Manage.All"));
        assertEquals(java.util.Set.of("Bookings.Read.All"), principal.getGroups());
        assertTrue(principal.caller().delegated());
    }

    @Test
    void aVerifiedTokenIsRememberedForItselfOnly() throws TokenRejected {
        String first = TestTokens.delegated("t1", "Bookings.Read.All");
        String second = TestTokens.delegated("t1", "Bookings.Read.All");
        TokenPrincipal principal = cut.verify(first);
        assertTrue(principal == cut.verify(first), "the same token is not verified again");
        assertFalse(principal == cut.verify(second), "another token never shares a principal");
        assertFalse(cut.verify(second).getRawToken().equals(principal.getRawToken()));
    }

    @Test
    void aRememberedTokenIsNeverAcceptedPastItsExp() throws Exception {
        cut.clockSkewSeconds = 0;
        String shortLived = TestTokens.expiringIn("t1", "Bookings.Read.All", java.time.Duration.ofMillis(1500));
        cut.verify(shortLived);
        Thread.sleep(2000);
        assertThrows(TokenRejected.class, () -> cut.verify(shortLived));
    }

    @Test
    void theMemoryOfTokensIsBounded() throws TokenRejected {
        cut.cacheLimit = 3;
        for (int i = 0; i < 10; i++) {
            cut.verify(TestTokens.delegated("t" + i, "Bookings.Read.All"));
            assertTrue(cut.remembered() <= 3, "at most the limit: " + cut.remembered());
        }
    }

    @Test
    void issuerTemplateIsBoundToTheTokensTenant() {
        TokenRejected e = assertThrows(TokenRejected.class, () -> cut.verify(TestTokens.wrongIssuer("t1", "Bookings.Read.All")));
        assertTrue(e.getMessage().contains("issuer"), e.getMessage());
    }

    @Test
    void rejectsExpiredUnsignedForeignKeyAndWrongAudience() {
        assertTrue(assertThrows(TokenRejected.class, () -> cut.verify(TestTokens.expired("t1", "Bookings.Read.All")))
                .getMessage().contains("expired"));
        assertThrows(TokenRejected.class, () -> cut.verify(TestTokens.unsigned("t1", "Bookings.Read.All")));
        assertThrows(TokenRejected.class, () -> cut.verify(TestTokens.signedByUnknownKey("t1", "Bookings.Read.All")));
        assertTrue(assertThrows(TokenRejected.class, () -> cut.verify(TestTokens.wrongAudience("t1", "Bookings.Read.All")))
                .getMessage().contains("audience"));
        assertThrows(TokenRejected.class, () -> cut.verify("not.a.token"));
        assertThrows(TokenRejected.class, () -> cut.verify(""));
    }

    @Test
    void failsClosedWithoutConfiguration() {
        cut.keyLocation = Optional.empty();
        assertThrows(TokenRejected.class, () -> cut.verify(TestTokens.delegated("t1", "Bookings.Read.All")));
        cut = new TokenVerifier();
        cut.issuer = Optional.empty();
        assertThrows(TokenRejected.class, () -> cut.verify(TestTokens.delegated("t1", "Bookings.Read.All")));
    }

    @Test
    void jwksUrlIsCachedAndFetchedAgainForAnUnknownKeyId() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair first = generator.generateKeyPair();
        KeyPair second = generator.generateKeyPair();
        AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(
                new RSAKey.Builder((RSAPublicKey) first.getPublic()).keyID("k1").build()));
        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/keys", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            cut.keyLocation = Optional.of("http://127.0.0.1:" + server.getAddress().getPort() + "/keys");
            assertEquals("t1", cut.verify(sign(first, "k1", "t1")).caller().tenantId());
            cut.verify(sign(first, "k1", "t1"));
            assertEquals(1, fetches.get(), "cached");

            // the identity provider rotates its keys: a token with a new kid makes the service fetch them again
            published.set(new JWKSet(new RSAKey.Builder((RSAPublicKey) second.getPublic()).keyID("k2").build()));
            assertEquals("t2", cut.verify(sign(second, "k2", "t2")).caller().tenantId());
            assertEquals(2, fetches.get());
            assertThrows(TokenRejected.class, () -> cut.verify(sign(generator.generateKeyPair(), "k2", "t3")));
        } finally {
            server.stop(0);
        }
    }

    static String sign(KeyPair keys, String kid, String tenant) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build(),
                new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER_TEMPLATE.replace("{tid}", tenant)).audience(TestTokens.AUDIENCE)
                        .subject("s").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                        .claim("tid", tenant).claim("scp", "Bookings.Read.All").build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }
}
