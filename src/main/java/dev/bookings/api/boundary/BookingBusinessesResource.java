package dev.bookings.api.boundary;

import dev.bookings.platform.Preconditions;
import dev.bookings.appointments.boundary.AppointmentsSubResource;
import dev.bookings.availability.boundary.StaffAvailability;
import dev.bookings.availability.control.AvailabilityCalculator;
import dev.bookings.businesses.boundary.BusinessItemsSubResource;
import dev.bookings.businesses.boundary.BusinessRegistry;
import dev.bookings.businesses.control.BusinessInput;
import dev.bookings.businesses.control.BusinessRepresentation;
import dev.bookings.businesses.control.BusinessStore;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.errors.InvalidRequest;
import dev.bookings.platform.ApiVersion;
import dev.bookings.platform.GraphTimes;
import dev.bookings.platform.JsonBodies;
import dev.bookings.platform.JsonFields;
import dev.bookings.platform.Jsons;
import dev.bookings.platform.query.QueryOptions;
import dev.bookings.platform.query.Selection;
import dev.bookings.security.Caller;
import dev.bookings.security.Scopes;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bookingBusinesses collection under all three roots of Graph ({@code /beta/bookingBusinesses},
 * {@code /beta/solutions/bookingBusinesses}, {@code /v1.0/solutions/bookingBusinesses}), and the locator that
 * hands a business's {@code appointments} and {@code calendarView} to {@link AppointmentsSubResource}.
 */
@Path(ApiVersion.ROOTS)
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class BookingBusinessesResource {

    @Context
    UriInfo uriInfo;

    @Context
    ResourceContext resources;

    /** The request's verified token (a proxy to the request-scoped bean); {@link #caller()} derives the caller. */
    @Inject
    JsonWebToken token;

    /** Stateless EJBs: one reference each, taken when this single instance is created, shared by all requests. */
    @Inject
    BusinessRegistry registry;

    @Inject
    StaffAvailability availability;

    /** Per call, never kept: this instance serves every caller. */
    Caller caller() {
        return Caller.of(token);
    }

    /** The API root of the request ({@code beta}, {@code beta/solutions} or {@code v1.0/solutions}). */
    String root() {
        return uriInfo.getPathParameters().getFirst("root");
    }

    ApiVersion version() {
        return ApiVersion.ofRoot(root());
    }

    String metadata() {
        return version().businessesContext(uriInfo.getBaseUri());
    }

    @GET
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public JsonObject list(@QueryParam("query") String query) {
        QueryOptions options = QueryOptions.forList(uriInfo);
        Selection selection = Selection.of(options.select(), BusinessStore.PROPERTIES);
        BusinessRegistry businesses = registry;
        Long count = options.count() ? businesses.count(caller(), query, options.filter()) : null;
        return options.paging().page(businesses.list(caller(), query, options),
                b -> selection.apply(BusinessRepresentation.of(b, null)), metadata(), uriInfo, count);
    }

    /** How many businesses the caller's tenant has ({@code query} and {@code $filter} apply): a bare integer. */
    @GET
    @Path("$count")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public String count(@QueryParam("query") String query) {
        return Long.toString(registry.count(caller(), query, QueryOptions.forCount(uriInfo)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.BOOKINGS_MANAGE_ALL)
    public Response create(InputStream body) {
        BusinessInput input = BusinessInput.forCreate(JsonBodies.readObject(body, false));
        BookingBusiness business = registry.register(caller(), input);
        URI location = uriInfo.getBaseUriBuilder().path(root()).path(business.id()).build();
        return Response.created(location).entity(BusinessRepresentation.of(business, metadata() + "/$entity")).build();
    }

    @GET
    @Path("{businessId}")
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public Response get(@PathParam("businessId") String businessId) {
        Selection selection = Selection.of(QueryOptions.forEntity(uriInfo), BusinessStore.PROPERTIES);
        BookingBusiness business = registry.get(caller(), businessId);
        return Response.ok(selection.apply(BusinessRepresentation.of(business, metadata() + "/$entity")))
                .header(HttpHeaders.ETAG, business.etag()).build();
    }

    /** Changes only the properties sent: 204. */
    @PATCH
    @Path("{businessId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.BOOKINGS_READ_WRITE_ALL, Scopes.BOOKINGS_MANAGE_ALL})
    public Response update(@PathParam("businessId") String businessId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            InputStream body) {
        registry.update(caller(), businessId, BusinessInput.forPatch(JsonBodies.readObject(body, false)), new Preconditions(ifMatch, ifNoneMatch));
        return Response.noContent().build();
    }

    /** Deletes the business and all in it, notifying no one: 204. */
    @DELETE
    @Path("{businessId}")
    @RolesAllowed(Scopes.BOOKINGS_MANAGE_ALL)
    public Response delete(@PathParam("businessId") String businessId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        registry.delete(caller(), businessId, new Preconditions(ifMatch, ifNoneMatch));
        return Response.noContent().build();
    }

    /** Graph's {@code publish} and {@code unpublish} actions: 204. */
    @POST
    @Path("{businessId}/{action: (?i:publish|unpublish)}")
    @RolesAllowed({Scopes.BOOKINGS_READ_WRITE_ALL, Scopes.BOOKINGS_MANAGE_ALL})
    public Response publish(@PathParam("businessId") String businessId, @PathParam("action") String action) {
        registry.publish(caller(), businessId, "publish".equalsIgnoreCase(action));
        return Response.noContent().build();
    }

    /**
     * Graph's {@code getStaffAvailability}: {@code {staffIds, startDateTime, endDateTime}} → 200 with one
     * {@code staffAvailabilityItem} per staff member, its times in the request's time zone. Any Bookings
     * permission, delegated or application, may ask.
     */
    @POST
    @Path("{businessId}/{action: (?i:getstaffavailability)}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public Response staffAvailability(@PathParam("businessId") String businessId, InputStream body) {
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
        List<StaffAvailability.StaffItems> answer = availability.availability(caller(), businessId, staffIds, from, to, zone);
        String context = uriInfo.getBaseUri() + version().segment()
                + "/$metadata#Collection(microsoft.graph.staffAvailabilityItem)";
        // written as it is generated: the answer (bounded by bookings.availability.max-items) is never held as JSON
        StreamingOutput stream = output -> {
            try (JsonGenerator json = Jsons.JSON.createGenerator(output)) {
                json.writeStartObject().write("@odata.context", context).writeStartArray("value");
                for (StaffAvailability.StaffItems staff : answer) {
                    json.writeStartObject().write("staffId", staff.staffId()).writeStartArray("availabilityItems");
                    for (AvailabilityCalculator.Item item : staff.items()) {
                        json.writeStartObject()
                                .write("startDateTime", GraphTimes.format(item.start().atOffset(ZoneOffset.UTC), zone, zoneName))
                                .write("endDateTime", GraphTimes.format(item.end().atOffset(ZoneOffset.UTC), zone, zoneName))
                                .write("status", item.status())
                                .write("serviceId", item.serviceId() == null ? "" : item.serviceId())
                                .writeEnd();
                    }
                    json.writeEnd().writeEnd();
                }
                json.writeEnd().writeEnd();
            }
        };
        return Response.ok(stream, MediaType.APPLICATION_JSON).build();
    }

    /** {@code services}, {@code staffMembers}, {@code customers} and {@code customQuestions} of a business. */
    @Path("{businessId}/{collection: (?i:services|staffmembers|customers|customquestions)}")
    public BusinessItemsSubResource items() {
        return resources.getResource(BusinessItemsSubResource.class);
    }

    /** Both {@code appointments} and {@code calendarView} (in any case) are collections of bookingAppointment. */
    @Path("{businessId}/{collection: (?i:appointments|calendarview)}")
    public AppointmentsSubResource appointments() {
        return resources.getResource(AppointmentsSubResource.class);
    }
}
