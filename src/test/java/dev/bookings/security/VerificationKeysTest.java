package dev.bookings.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class VerificationKeysTest {

    static RSAPublicKey newKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return (RSAPublicKey) generator.generateKeyPair().getPublic();
    }

    @Test
    void readsPemBareBase64JwkAndJwks() throws Exception {
        RSAPublicKey key = newKey();
        String base64 = Base64.getEncoder().encodeToString(key.getEncoded());
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        RSAKey jwk = new RSAKey.Builder(key).keyID("k1").build();

        assertEquals(key, ((RSAKey) VerificationKeys.parse(pem).getKeys().get(0)).toRSAPublicKey());
        assertEquals(key, ((RSAKey) VerificationKeys.parse(base64).getKeys().get(0)).toRSAPublicKey());
        assertEquals("k1", VerificationKeys.parse(jwk.toJSONString()).getKeys().get(0).getKeyID());
        JWKSet set = VerificationKeys.parse(new JWKSet(jwk).toString());
        assertEquals(1, set.size());
    }

    @Test
    void readsSeveralPemKeys() throws Exception {
        String pem = "";
        for (int i = 0; i < 2; i++) {
            pem += "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(newKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
        }
        assertEquals(2, VerificationKeys.parse(pem).size());
    }

    @Test
    void rejectsGarbage() {
        assertThrows(Exception.class, () -> VerificationKeys.parse("hello"));
    }
}
