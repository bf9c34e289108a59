/*
 * DEVELOPMENT ONLY: prints a bearer token shaped like an Entra ID access token (RS256, no jti, scp or roles,
 * tid, oid), signed with dev-private-key.pem, which only the README's run command trusts.
 *
 *   java server-config/dev/DevToken.java                                  # delegated, Bookings.Manage.All
 *   java server-config/dev/DevToken.java --scp "Bookings.Read.All"        # delegated, other scopes
 *   java server-config/dev/DevToken.java --roles Bookings.ReadWrite.All   # application token (roles, no scp)
 *   options: --tid <tenant> --oid <object id> --minutes <lifetime> --key <private key PEM>
 *
 * Needs only the JDK (Java 17+): run it with the single-file source launcher.
 */

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

public class DevToken {

    static final String ISSUER = "https://login.dev.bookings.example/%s/v2.0";
    static final String AUDIENCE = "api://bookings-dev";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path here = Path.of(System.getProperty("jdk.internal.javac.source", "server-config/dev/DevToken.java")).getParent();
        Path keyFile = Path.of(options.getOrDefault("key", (here == null ? Path.of(".") : here).resolve("dev-private-key.pem").toString()));
        String tid = options.getOrDefault("tid", "11111111-1111-1111-1111-111111111111");
        String oid = options.getOrDefault("oid", "22222222-2222-2222-2222-222222222222");
        long now = Instant.now().getEpochSecond();
        long exp = now + 60L * Long.parseLong(options.getOrDefault("minutes", "60"));

        StringBuilder claims = new StringBuilder("{")
                .append(field("aud", AUDIENCE)).append(',')
                .append(field("iss", String.format(ISSUER, tid))).append(',')
                .append("\"iat\":").append(now).append(",\"nbf\":").append(now).append(",\"exp\":").append(exp).append(',')
                .append(field("tid", tid)).append(',')
                .append(field("oid", oid)).append(',')
                .append(field("sub", oid)).append(',')
                .append(field("uti", UUID.randomUUID().toString())).append(',')
                .append(field("ver", "2.0"));
        if (options.containsKey("roles")) {
            claims.append(",\"roles\":[");
            String[] roles = options.get("roles").trim().split("[\\s,]+");
            for (int i = 0; i < roles.length; i++) {
                claims.append(i == 0 ? "" : ",").append('"').append(escape(roles[i])).append('"');
            }
            claims.append("],").append(field("azp", "dev-client-app"));
        } else {
            claims.append(',').append(field("scp", options.getOrDefault("scp", "Bookings.Manage.All")))
                    .append(',').append(field("name", "Development User"));
        }
        claims.append('}');

        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"dev\"}";
        String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "." + base64(claims.toString().getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(privateKey(Files.readString(keyFile)));
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + base64(rsa.sign()));
    }

    static PrivateKey privateKey(String pem) throws Exception {
        String body = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + "-----BEGIN PRIVATE KEY-----".length(),
                pem.indexOf("-----END PRIVATE KEY-----"));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
    }

    static String field(String name, String value) {
        return '"' + name + "\":\"" + escape(value) + '"';
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
