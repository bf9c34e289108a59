package dev.bookings.staff.boundary;

import dev.bookings.platform.ApiVersion;
import dev.bookings.platform.JsonBodies;
import dev.bookings.security.Caller;
import dev.bookings.security.Scopes;
import dev.bookings.staff.control.StaffJson;
import dev.bookings.staff.entity.StaffMember;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/** The {@code staffMembers} collection of one business. */
@RequestScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class StaffMembersSubResource {

    @PathParam("root")
    String root;

    @PathParam("businessId")
    String businessId;

    @Context
    UriInfo uriInfo;

    @Inject
    Caller caller;

    @Inject
    StaffDirectory directory;

    String context() {
        ApiVersion version = ApiVersion.ofRoot(root);
        return uriInfo.getBaseUri() + version.segment() + "/$metadata#" + version.businessesPath() + "('" + businessId
                + "')/staffMembers";
    }

    @GET
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public JsonObject list() {
        JsonArrayBuilder value = Json.createArrayBuilder();
        directory.list(caller, businessId).forEach(s -> value.add(StaffJson.of(s, null)));
        return Json.createObjectBuilder().add("@odata.context", context()).add("value", value).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.BOOKINGS_READ_WRITE_ALL, Scopes.BOOKINGS_MANAGE_ALL})
    public Response create(InputStream body) {
        StaffMember member = directory.add(caller, businessId, JsonBodies.readObject(body, false));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(member.id()).build())
                .entity(StaffJson.of(member, context() + "/$entity")).build();
    }

    @GET
    @Path("{staffMemberId}")
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public JsonObject get(@PathParam("staffMemberId") String staffMemberId) {
        return StaffJson.of(directory.get(caller, businessId, staffMemberId), context() + "/$entity");
    }
}
