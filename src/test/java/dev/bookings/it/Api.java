package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bookings.security.Scopes;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A tenant's view of the API under one root: sets up businesses and appointments over HTTP. */
public final class Api {

    public static final String V1 = "v1.0/solutions/bookingBusinesses";
    public static final String BETA = "beta/bookingBusinesses";
    public static final String BETA_SOLUTIONS = "beta/solutions/bookingBusinesses";
    public static final String[] ROOTS = {V1, BETA, BETA_SOLUTIONS};

    public final URL base;
    public final String tenant;
    public final String manager;

    public Api(URL base) {
        this(base, "tenant-" + UUID.randomUUID());
    }

    public Api(URL base, String tenant) {
        this.base = base;
        this.tenant = tenant;
        this.manager = TestTokens.delegated(tenant, Scopes.BOOKINGS_MANAGE_ALL);
    }

    public URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + "/" + path);
    }

    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Creates a business and returns its id. */
    public String business(String displayName, String schedulingPolicy) {
        String body = "{\"displayName\": \"" + displayName + "\", \"email\": \"owner@contoso.example\""
                + (schedulingPolicy == null ? "" : ", \"schedulingPolicy\": " + schedulingPolicy) + "}";
        Http.Reply reply = Http.postJson(uri(V1), manager, body);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }

    public String business() {
        return business("Contoso Cuts", null);
    }

    /** Books an appointment from {@code startIn} to {@code startIn + length} from now and returns its id. */
    public String appointment(String businessId, Duration startIn, Duration length) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plus(startIn).truncatedTo(ChronoUnit.SECONDS);
        String body = "{\"startDateTime\": {\"dateTime\": \"" + start.toLocalDateTime() + "\", \"timeZone\": \"UTC\"},"
                + " \"endDateTime\": {\"dateTime\": \"" + start.plus(length).toLocalDateTime() + "\", \"timeZone\": \"UTC\"},"
                + " \"serviceName\": \"Haircut\", \"customers\": [{\"@odata.type\": \"#microsoft.graph.bookingCustomerInformation\","
                + " \"name\": \"Jordan\", \"emailAddress\": \"jordan@contoso.example\"}]}";
        Http.Reply reply = Http.postJson(uri(V1 + "/" + encode(businessId) + "/appointments"), manager, body);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }

    public String appointment(String businessId) {
        return appointment(businessId, Duration.ofDays(2), Duration.ofHours(1));
    }

    /** POSTs a body to a path under the v1.0 root, expects 201 and returns the new id. */
    public String create(String path, String body) {
        Http.Reply reply = Http.postJson(uri(V1 + "/" + path), manager, body);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }

    /** {@code startDateTime}/{@code endDateTime} of an hour starting {@code startIn} from now, as request JSON. */
    public static String times(Duration startIn) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plus(startIn).truncatedTo(ChronoUnit.SECONDS);
        return "\"startDateTime\": {\"dateTime\": \"" + start.toLocalDateTime() + "\", \"timeZone\": \"UTC\"},"
                + " \"endDateTime\": {\"dateTime\": \"" + start.plusHours(1).toLocalDateTime() + "\", \"timeZone\": \"UTC\"}";
    }

    public URI item(String root, String businessId, String collection, String appointmentId) {
        return uri(root + "/" + encode(businessId) + "/" + collection + "/" + encode(appointmentId));
    }

    public URI cancel(String root, String businessId, String collection, String appointmentId) {
        return uri(root + "/" + encode(businessId) + "/" + collection + "/" + encode(appointmentId) + "/cancel");
    }
}
