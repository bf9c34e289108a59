package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.bookings.security.Scopes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attacks on tokens, permissions and tenants, each answered in Graph's shape and leaving the data unchanged: forged
 * and malformed tokens are 401, a read-only token writes nothing (403), and another tenant never reaches the first
 * tenant's items, however their ids are spelled (404).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AttackHttpIT {

    @ArquillianResource
    URL base;

    static void assertGraphError(Http.Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.json().getJsonObject("error").containsKey("code"), reply::toString);
        assertTrue(reply.json().getJsonObject("error").getJsonObject("innerError").containsKey("request-id"), reply::toString);
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static KeyPair attackerKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static String sign(JWSHeader header, JWTClaimsSet claims, KeyPair keys) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    @Test
    void forgedAndMalformedTokensAre401AndFetchNothing() throws Exception {
        Api api = new Api(base);
        String business = api.business();
        String appointment = api.appointment(business);
        URI cancel = api.cancel(Api.V1, business, "appointments", appointment);
        String scope = Scopes.BOOKINGS_MANAGE_ALL;
        JWTClaimsSet claims = TestTokens.validClaims(api.tenant, scope);
        String payload = b64(claims.toString());
        String valid = api.manager;
        String[] parts = valid.split("\\.");
        KeyPair attacker = attackerKeys();

        AtomicInteger fetched = new AtomicInteger();
        HttpServer keyServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        keyServer.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] jwks = ("{\"keys\": [" + new RSAKey.Builder((RSAPublicKey) attacker.getPublic()).keyID("it-key").build()
                    .toJSONString() + "]}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        keyServer.start();
        URI keys = URI.create("http://127.0.0.1:" + keyServer.getAddress().getPort() + "/keys");

        Map<String, String> attacks = new LinkedHashMap<>();
        for (String none : new String[] {"none", "None", "NONE", "nOnE"}) {
            attacks.put("alg " + none, b64("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}") + "." + payload + ".");
        }
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID("it-key").build(), claims);
        hmac.sign(new MACSigner(TestTokens.publicKey().getEncoded()));
        attacks.put("HS256 keyed with the public key", hmac.serialize());
        attacks.put("stripped signature", parts[0] + "." + parts[1] + ".");
        attacks.put("no signature part", parts[0] + "." + parts[1]);
        attacks.put("foreign signature", parts[0] + "." + payload.replace(payload, b64(TestTokens.validClaims("other", scope).toString()))
                + "." + parts[2]);
        attacks.put("embedded jwk", sign(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .jwk(new RSAKey.Builder((RSAPublicKey) attacker.getPublic()).build()).build(), claims, attacker));
        attacks.put("jku", sign(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("it-key")
                .jwkURL(keys).build(), claims, attacker));
        attacks.put("x5u", sign(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("it-key")
                .x509CertURL(keys).build(), claims, attacker));
        for (String kid : new String[] {"it-key", "../../../../etc/passwd", "' or '1'='1", "", "http://127.0.0.1/keys"}) {
            attacks.put("kid " + kid, sign(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build(),
                    claims, attacker));
        }
        attacks.put("expired", TestTokens.expired(api.tenant, scope));
        attacks.put("nbf in the future", TestTokens.withClaims(api.tenant, scope, c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(3600)))));
        attacks.put("wrong iss", TestTokens.wrongIssuer(api.tenant, scope));
        attacks.put("no iss", TestTokens.withClaims(api.tenant, scope, c -> c.issuer(null)));
        attacks.put("wrong aud", TestTokens.wrongAudience(api.tenant, scope));
        attacks.put("no aud", TestTokens.withClaims(api.tenant, scope, c -> c.audience((String) null)));
        attacks.put("no tid", TestTokens.withClaims(api.tenant, scope, c -> c.claim("tid", null)));
        attacks.put("tid not matching iss", TestTokens.withClaims(api.tenant, scope, c -> c.claim("tid", "someone-else")));
        attacks.put("no sub", TestTokens.withClaims(api.tenant, scope, c -> c.subject(null)));
        attacks.put("no exp", TestTokens.withClaims(api.tenant, scope, c -> c.expirationTime(null)));
        attacks.put("no iat", TestTokens.withClaims(api.tenant, scope, c -> c.issueTime(null)));
        attacks.put("garbage", "a.b.c");
        attacks.put("empty parts", "..");
        try {
            for (Map.Entry<String, String> attack : attacks.entrySet()) {
                Http.Reply reply = Http.postJson(cancel, attack.getValue(), "{}");
                assertEquals(401, reply.status(), () -> attack.getKey() + ": " + reply);
                assertGraphError(reply, 401);
                assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer"), attack.getKey());
            }
            assertEquals(0, fetched.get(), "no key was fetched from a URL a token named");
        } finally {
            keyServer.stop(0);
        }

        // a token larger than the container's header limit: refused by Payara's HTTP layer before the application
        // (over HTTP/2 the stream is reset), never accepted
        String huge = TestTokens.withClaims(api.tenant, scope, c -> c.claim("pad", "x".repeat(100_000)));
        RawHttp.Answer oversized = RawHttp.exchange(base.getHost(), base.getPort(), "POST " + cancel.getRawPath()
                + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + huge
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n", "{}", Duration.ofSeconds(20));
        assertTrue(oversized.status() == -1 || oversized.status() >= 400 && oversized.status() < 500,
                () -> "an oversized token is refused (or the connection reset): " + oversized);
        Http.Reply inQuery = Http.send("POST", URI.create(cancel + "?access_token=" + valid), null, "application/json", "{}");
        assertGraphError(inQuery, 401);

        assertEquals(200, Http.get(api.item(Api.V1, business, "appointments", appointment), api.manager).status(),
                "no attack cancelled the appointment");
    }

    @Test
    void aReadOnlyTokenWritesNothing() {
        Api api = new Api(base);
        String business = api.business();
        String appointment = api.appointment(business);
        String b = Api.V1 + "/" + Api.encode(business);
        String service = api.create(Api.encode(business) + "/services", "{\"displayName\": \"Cut\"}");
        String reader = TestTokens.delegated(api.tenant, Scopes.BOOKINGS_READ_ALL);
        String before = Http.get(api.uri(b), api.manager).json().toString().replaceAll("\"@odata[^,]*,", "")
                + Http.get(api.item(Api.V1, business, "appointments", appointment), api.manager).body();

        List<Http.Reply> replies = new ArrayList<>();
        replies.add(Http.postJson(api.uri(Api.V1), reader, "{\"displayName\": \"Not Allowed\"}"));
        replies.add(Http.send("PATCH", api.uri(b), reader, "application/json", "{\"displayName\": \"Renamed\"}"));
        replies.add(Http.send("DELETE", api.uri(b), reader, null, null));
        replies.add(Http.postJson(api.uri(b + "/publish"), reader, "{}"));
        replies.add(Http.postJson(api.uri(b + "/unpublish"), reader, "{}"));
        replies.add(Http.postJson(api.uri(b + "/appointments"), reader, "{" + Api.times(java.time.Duration.ofDays(2)) + "}"));
        for (String collection : new String[] {"appointments", "calendarView"}) {
            replies.add(Http.send("PATCH", api.item(Api.V1, business, collection, appointment), reader, "application/json", "{\"serviceNotes\": \"x\"}"));
            replies.add(Http.send("DELETE", api.item(Api.V1, business, collection, appointment), reader, null, null));
            replies.add(Http.postJson(api.cancel(Api.V1, business, collection, appointment), reader, "{}"));
        }
        replies.add(Http.postJson(api.uri(b + "/services"), reader, "{\"displayName\": \"Other\"}"));
        replies.add(Http.send("PATCH", api.uri(b + "/services/" + service), reader, "application/json", "{\"displayName\": \"Other\"}"));
        replies.add(Http.send("DELETE", api.uri(b + "/services/" + service), reader, null, null));
        replies.add(Http.postJson(api.uri(b + "/staffMembers"), reader, "{\"displayName\": \"D\", \"emailAddress\": \"d@x.example\", \"role\": \"teamMember\"}"));
        replies.add(Http.postJson(api.uri(b + "/customers"), reader, "{\"displayName\": \"C\"}"));
        for (Http.Reply reply : replies) {
            assertGraphError(reply, 403);
            assertEquals("accessDenied", reply.errorCode());
        }
        String after = Http.get(api.uri(b), api.manager).json().toString().replaceAll("\"@odata[^,]*,", "")
                + Http.get(api.item(Api.V1, business, "appointments", appointment), api.manager).body();
        assertEquals(before, after, "nothing changed");
        assertEquals(200, Http.get(api.uri(b + "/services/" + service), api.manager).status());
    }

    @Test
    void anotherTenantNeverReachesTheItemsHoweverTheirIdsAreSpelled() {
        Api owner = new Api(base);
        String business = owner.business();
        String appointment = owner.appointment(business);
        Api other = new Api(base);
        other.business(); // the other tenant has a business of the same name, hence the same id

        List<String> businessSpellings = new ArrayList<>();
        String lookalike = business.replace('C', '\u0421'); // Cyrillic capital Es
        for (String id : new String[] {business, business.toLowerCase(), business.toUpperCase(), lookalike, business + " "}) {
            businessSpellings.add(Api.encode(id));
        }
        StringBuilder everyCharEncoded = new StringBuilder();
        for (byte c : business.getBytes(StandardCharsets.UTF_8)) {
            everyCharEncoded.append('%').append(String.format("%02X", c));
        }
        businessSpellings.add(everyCharEncoded.toString());
        String otherManager = TestTokens.delegated("intruder-" + other.tenant, Scopes.BOOKINGS_MANAGE_ALL);
        for (String token : new String[] {other.manager, otherManager}) {
            for (String spelled : businessSpellings) {
                String b = Api.V1 + "/" + spelled;
                for (String collection : new String[] {"appointments", "calendarView"}) {
                    String item = b + "/" + collection + "/" + Api.encode(appointment);
                    for (Http.Reply reply : List.of(Http.get(owner.uri(item), token),
                            Http.send("PATCH", owner.uri(item), token, "application/json", "{\"serviceNotes\": \"x\"}"),
                            Http.postJson(owner.uri(item + "/cancel"), token, "{}"),
                            Http.send("DELETE", owner.uri(item), token, null, null))) {
                        assertFalse(reply.status() < 300, () -> item + ": " + reply);
                        assertTrue(reply.status() == 404 || reply.status() == 400, () -> item + ": " + reply);
                        assertGraphError(reply, reply.status());
                    }
                }
            }
        }
        Http.Reply mine = Http.get(owner.item(Api.V1, business, "appointments", appointment), owner.manager);
        assertEquals(200, mine.status(), "the owner's appointment is untouched");
        assertTrue(mine.json().isNull("serviceNotes") || !"x".equals(mine.json().getString("serviceNotes")));
        assertEquals(200, Http.get(owner.uri(Api.V1 + "/" + Api.encode(business)), owner.manager).status());
    }
}
