package dev.bookings.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.it.TestTokens;
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
}
