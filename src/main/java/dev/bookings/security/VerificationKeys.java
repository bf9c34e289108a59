package dev.bookings.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the MicroProfile JWT key settings into a nimbus key source. A key may be given inline
 * ({@code mp.jwt.verify.publickey}) or by location ({@code mp.jwt.verify.publickey.location}): a file path,
 * {@code file:}, {@code classpath:} or an {@code http(s)} URL. Its content may be PEM (public keys or
 * certificates, several allowed), a bare base64 DER key, a JWK or a JWKS. An {@code http(s)} location is read as
 * JWKS the way Entra ID publishes its keys: cached, and fetched again (rate limited) when a token names an
 * unknown {@code kid}.
 */
final class VerificationKeys {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private VerificationKeys() {
    }

    static JWKSource<SecurityContext> fromInline(String content) throws GeneralSecurityException, ParseException, KeySourceException {
        return keyIdOptional(parse(content));
    }

    /**
     * A fixed key set. A token's {@code kid} selects among keys that have ids; keys without one (a PEM key has
     * none) serve any {@code kid}, since there is nothing to match it against.
     */
    static JWKSource<SecurityContext> keyIdOptional(JWKSet set) {
        return (selector, context) -> {
            List<JWK> matching = selector.select(set);
            if (!matching.isEmpty()) {
                return matching;
            }
            Set<KeyType> types = selector.getMatcher().getKeyTypes();
            return set.getKeys().stream()
                    .filter(key -> key.getKeyID() == null && (types == null || types.isEmpty() || types.contains(key.getKeyType())))
                    .toList();
        };
    }

    static JWKSource<SecurityContext> fromLocation(String location, long cacheSeconds)
            throws IOException, GeneralSecurityException, ParseException, KeySourceException {
        String lower = location.toLowerCase();
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            URL url = URI.create(location).toURL();
            return JWKSourceBuilder.create(url)
                    .cache(cacheSeconds * 1000, 15_000)
                    .rateLimited(30_000)
                    .retrying(true)
                    .build();
        }
        return keyIdOptional(parse(read(location)));
    }

    private static String read(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("No class path resource " + resource);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    static JWKSet parse(String content) throws GeneralSecurityException, ParseException, KeySourceException {
        String text = content.strip();
        if (text.startsWith("{")) {
            return text.contains("\"keys\"") ? JWKSet.parse(text) : new JWKSet(JWK.parse(text));
        }
        List<JWK> keys = new ArrayList<>();
        Matcher pem = PEM.matcher(text);
        while (pem.find()) {
            byte[] der = Base64.getMimeDecoder().decode(pem.group(2));
            keys.add(toJwk(pem.group(1).contains("CERTIFICATE") ? certificateKey(der) : publicKey(der)));
        }
        if (keys.isEmpty()) {
            keys.add(toJwk(publicKey(Base64.getMimeDecoder().decode(text))));
        }
        return new JWKSet(keys);
    }

    private static PublicKey certificateKey(byte[] der) throws GeneralSecurityException {
        return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
    }

    private static PublicKey publicKey(byte[] der) throws GeneralSecurityException {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePublic(spec);
        }
    }

    private static JWK toJwk(PublicKey key) throws KeySourceException {
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).build();
        }
        if (key instanceof ECPublicKey ec) {
            return new ECKey.Builder(com.nimbusds.jose.jwk.Curve.forECParameterSpec(ec.getParams()), ec).build();
        }
        throw new KeySourceException("Unsupported key type " + key.getAlgorithm());
    }
}
