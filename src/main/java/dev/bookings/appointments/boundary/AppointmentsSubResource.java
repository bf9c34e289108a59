package dev.bookings.appointments.boundary;

import dev.bookings.platform.Preconditions;
import dev.bookings.appointments.control.AppointmentInput;
import dev.bookings.appointments.control.AppointmentRepresentation;
import dev.bookings.appointments.control.CalendarRange;
import dev.bookings.appointments.entity.Appointment;
import dev.bookings.platform.ApiVersion;
import dev.bookings.platform.JsonBodies;
import dev.bookings.platform.JsonFields;
import dev.bookings.platform.query.QueryOptions;
import dev.bookings.platform.query.QueryableProperties;
import dev.bookings.platform.query.Selection;
import dev.bookings.security.Caller;
import dev.bookings.security.Scopes;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@code appointments} and {@code calendarView} collections of one business: every item operation exists
 * under both, as in Graph. Obtained from the businesses resource's locator. One instance serves all requests
 * (application scope): creating a request-scoped resource per request, with its injections, was a fifth of a 403's
 * CPU (src/site/markdown/benchmark.md); what differs per request ({@link UriInfo}, the {@link Caller}) is reached through
 * proxies, and the path parameters are read from {@link UriInfo} when needed.
 */
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class AppointmentsSubResource {

    @Context
    UriInfo uriInfo;

    /** The request's verified token (a proxy to the request-scoped bean); {@link #caller()} derives the caller. */
    @Inject
    JsonWebToken token;

    /** Stateless EJBs: one reference each, taken when this single instance is created, shared by all requests. */
    @Inject
    AppointmentBooking booking;

    @Inject
    AppointmentCancellation cancellation;

    /** The path's parameters, read per request: this resource is one instance for all requests. */
    private String pathParameter(String name) {
        return uriInfo.getPathParameters().getFirst(name);
    }

    /** Per call, never kept: this instance serves every caller. */
    Caller caller() {
        return Caller.of(token);
    }

    String businessId() {
        return pathParameter("businessId");
    }

    ApiVersion version() {
        return ApiVersion.ofRoot(pathParameter("root"));
    }

    boolean isCalendarView() {
        return pathParameter("collection").toLowerCase(Locale.ROOT).equals("calendarview");
    }

    String collectionContext() {
        return version().collectionContext(uriInfo.getBaseUri(), businessId(), isCalendarView() ? "calendarView" : "appointments");
    }

    String entityContext() {
        return collectionContext() + "/$entity";
    }

    /**
     * The collection, paged. {@code calendarView} needs {@code start} and {@code end} (or {@code startDateTime} and
     * {@code endDateTime}), ISO 8601 date-times with offset, and lists the appointments that overlap them.
     */
    @GET
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public JsonObject list(@QueryParam("start") String start, @QueryParam("end") String end,
            @QueryParam("startDateTime") String startDateTime, @QueryParam("endDateTime") String endDateTime) {
        CalendarRange range = range(start, end, startDateTime, endDateTime);
        QueryOptions options = QueryOptions.forList(uriInfo);
        QueryableProperties properties = AppointmentRepresentation.properties(version());
        Selection selection = Selection.of(options.select(), properties);
        Long count = options.count() ? booking.count(caller(), businessId(), range, options.filter(), properties) : null;
        List<Appointment> rows = booking.list(caller(), businessId(), range, options, properties);
        return options.paging().page(rows, a -> selection.apply(AppointmentRepresentation.of(a, version(), null)),
                collectionContext(), uriInfo, count);
    }

    /** How many appointments the collection holds ({@code $filter} applies): a bare integer. */
    @GET
    @Path("$count")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public String count(@QueryParam("start") String start, @QueryParam("end") String end,
            @QueryParam("startDateTime") String startDateTime, @QueryParam("endDateTime") String endDateTime) {
        CalendarRange range = range(start, end, startDateTime, endDateTime);
        return Long.toString(booking.count(caller(), businessId(), range, QueryOptions.forCount(uriInfo),
                AppointmentRepresentation.properties(version())));
    }

    /** calendarView's range (required there), null for {@code appointments}. */
    private CalendarRange range(String start, String end, String startDateTime, String endDateTime) {
        if (!isCalendarView()) {
            return null;
        }
        return CalendarRange.of(start != null ? start : startDateTime, end != null ? end : endDateTime);
    }

    /** Books an appointment: 201 with the entity. Only on {@code appointments}; {@code calendarView} is a view. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL, Scopes.BOOKINGS_MANAGE_ALL})
    public Response create(InputStream body) {
        if (isCalendarView()) {
            throw new NotAllowedException("GET");
        }
        AppointmentInput input = AppointmentInput.forCreate(JsonBodies.readObject(body, false), version());
        Appointment appointment = booking.book(caller(), businessId(), input);
        URI location = uriInfo.getAbsolutePathBuilder().path(appointment.id()).build();
        return Response.created(location)
                .entity(AppointmentRepresentation.of(appointment, version(), entityContext()))
                .build();
    }

    @GET
    @Path("{appointmentId}")
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public Response get(@PathParam("appointmentId") String appointmentId) {
        Selection selection = Selection.of(QueryOptions.forEntity(uriInfo), AppointmentRepresentation.properties(version()));
        Appointment appointment = booking.get(caller(), businessId(), appointmentId);
        return Response.ok(selection.apply(AppointmentRepresentation.of(appointment, version(), entityContext())))
                .header(HttpHeaders.ETAG, appointment.etag()).build();
    }

    /** Changes only the properties sent: 204. {@code serviceId} cannot change; computed properties are ignored. */
    @PATCH
    @Path("{appointmentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL, Scopes.BOOKINGS_MANAGE_ALL})
    public Response update(@PathParam("appointmentId") String appointmentId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, InputStream body) {
        booking.update(caller(), businessId(), appointmentId, AppointmentInput.forPatch(JsonBodies.readObject(body, false), version()),
                new Preconditions(ifMatch, ifNoneMatch));
        return Response.noContent().build();
    }

    /** Removes the appointment without notifying anyone (cancel notifies): 204. */
    @DELETE
    @Path("{appointmentId}")
    @RolesAllowed({Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL, Scopes.BOOKINGS_MANAGE_ALL})
    public Response delete(@PathParam("appointmentId") String appointmentId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        booking.delete(caller(), businessId(), appointmentId, new Preconditions(ifMatch, ifNoneMatch));
        return Response.noContent().build();
    }

    /**
     * Graph's {@code cancel} action: cancels the appointment and notifies those involved; 204. Cancelling an
     * appointment that is already cancelled is also 204 and changes nothing.
     */
    @POST
    @Path("{appointmentId}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL, Scopes.BOOKINGS_MANAGE_ALL})
    public Response cancel(@PathParam("appointmentId") String appointmentId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, InputStream body) {
        JsonObject request = JsonBodies.readObject(body, true);
        JsonFields fields = JsonFields.of(request);
        String message = fields.string("cancellationMessage", AppointmentCancellation.MAX_MESSAGE_LENGTH).orElse(null);
        cancellation.cancel(caller(), businessId(), appointmentId, message, new Preconditions(ifMatch, ifNoneMatch));
        return Response.noContent().build();
    }
}
