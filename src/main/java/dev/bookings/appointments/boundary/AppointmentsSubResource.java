package dev.bookings.appointments.boundary;

import dev.bookings.appointments.control.AppointmentInput;
import dev.bookings.appointments.control.AppointmentRepresentation;
import dev.bookings.appointments.entity.Appointment;
import dev.bookings.platform.ApiVersion;
import dev.bookings.platform.JsonBodies;
import dev.bookings.platform.JsonFields;
import dev.bookings.security.Caller;
import dev.bookings.security.Scopes;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;

/**
 * The {@code appointments} and {@code calendarView} collections of one business: every item operation exists
 * under both, as in Graph. Obtained from the businesses resource's locator; the path parameters arrive as fields.
 */
@RequestScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class AppointmentsSubResource {

    @PathParam("root")
    String root;

    @PathParam("businessId")
    String businessId;

    @PathParam("collection")
    String collection;

    @Context
    UriInfo uriInfo;

    @Inject
    Caller caller;

    @Inject
    AppointmentBooking booking;

    @Inject
    AppointmentCancellation cancellation;

    ApiVersion version() {
        return ApiVersion.ofRoot(root);
    }

    boolean isCalendarView() {
        return collection.toLowerCase(Locale.ROOT).equals("calendarview");
    }

    String entityContext() {
        ApiVersion version = version();
        return uriInfo.getBaseUri() + version.segment() + "/$metadata#" + version.businessesPath() + "('" + businessId
                + "')/" + (isCalendarView() ? "calendarView" : "appointments") + "/$entity";
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
        Appointment appointment = booking.book(caller, businessId, input);
        URI location = uriInfo.getAbsolutePathBuilder().path(appointment.id()).build();
        return Response.created(location)
                .entity(AppointmentRepresentation.of(appointment, version(), entityContext()))
                .build();
    }

    @GET
    @Path("{appointmentId}")
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public JsonObject get(@PathParam("appointmentId") String appointmentId) {
        return AppointmentRepresentation.of(booking.get(caller, businessId, appointmentId), version(), entityContext());
    }

    /**
     * Graph's {@code cancel} action: cancels the appointment and notifies those involved; 204. Cancelling an
     * appointment that is already cancelled is also 204 and changes nothing.
     */
    @POST
    @Path("{appointmentId}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL, Scopes.BOOKINGS_MANAGE_ALL})
    public Response cancel(@PathParam("appointmentId") String appointmentId, InputStream body) {
        JsonObject request = JsonBodies.readObject(body, true);
        JsonFields fields = JsonFields.of(request);
        String message = fields.string("cancellationMessage", AppointmentCancellation.MAX_MESSAGE_LENGTH).orElse(null);
        cancellation.cancel(caller, businessId, appointmentId, message);
        return Response.noContent().build();
    }
}
