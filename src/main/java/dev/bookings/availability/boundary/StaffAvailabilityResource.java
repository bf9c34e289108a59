package dev.bookings.availability.boundary;

import dev.bookings.availability.control.AvailabilityCalculator;
import dev.bookings.errors.InvalidRequest;
import dev.bookings.platform.ApiVersion;
import dev.bookings.platform.GraphTimes;
import dev.bookings.platform.JsonBodies;
import dev.bookings.platform.JsonFields;
import dev.bookings.platform.Jsons;
import dev.bookings.security.Caller;
import dev.bookings.security.Scopes;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** {@code POST {root}/{businessId}/getStaffAvailability}, obtained from the businesses resource's locator. */
@RequestScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class StaffAvailabilityResource {

    @PathParam("root")
    String root;

    @PathParam("businessId")
    String businessId;

    @Context
    UriInfo uriInfo;

    @Inject
    Caller caller;

    @Inject
    StaffAvailability availability;

    /**
     * Graph's {@code getStaffAvailability}: {@code {staffIds, startDateTime, endDateTime}} → 200 with one
     * {@code staffAvailabilityItem} per staff member, its times in the request's time zone. Any Bookings
     * permission, delegated or application, may ask.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public JsonObject staffAvailability(InputStream body) {
        JsonFields fields = JsonFields.of(JsonBodies.readObject(body, false));
        List<String> staffIds = fields.strings("staffIds", StaffAvailability.MAX_STAFF, 64)
                .orElseThrow(() -> new InvalidRequest("Property 'staffIds' is required."));
        OffsetDateTime from = fields.dateTimeTimeZone("startDateTime")
                .orElseThrow(() -> new InvalidRequest("Property 'startDateTime' is required."));
        OffsetDateTime to = fields.dateTimeTimeZone("endDateTime")
                .orElseThrow(() -> new InvalidRequest("Property 'endDateTime' is required."));
        String zoneName = fields.object("startDateTime").map(o -> o.getString("timeZone", "UTC"))
                .filter(z -> !z.isBlank()).orElse("UTC");
        ZoneId zone = GraphTimes.zone(zoneName, "startDateTime.timeZone");
        JsonArrayBuilder value = Jsons.JSON.createArrayBuilder();
        for (StaffAvailability.StaffItems staff : availability.availability(caller, businessId, staffIds, from, to, zone)) {
            JsonArrayBuilder items = Jsons.JSON.createArrayBuilder();
            for (AvailabilityCalculator.Item item : staff.items()) {
                items.add(Jsons.JSON.createObjectBuilder()
                        .add("startDateTime", GraphTimes.format(item.start().atOffset(ZoneOffset.UTC), zone, zoneName))
                        .add("endDateTime", GraphTimes.format(item.end().atOffset(ZoneOffset.UTC), zone, zoneName))
                        .add("status", item.status())
                        .add("serviceId", item.serviceId() == null ? "" : item.serviceId()));
            }
            value.add(Jsons.JSON.createObjectBuilder().add("staffId", staff.staffId()).add("availabilityItems", items));
        }
        return Jsons.JSON.createObjectBuilder()
                .add("@odata.context", uriInfo.getBaseUri() + ApiVersion.ofRoot(root).segment()
                        + "/$metadata#Collection(microsoft.graph.staffAvailabilityItem)")
                .add("value", value).build();
    }
}
