package dev.bookings.businesses.boundary;

import dev.bookings.platform.Preconditions;
import dev.bookings.platform.Jsons;
import dev.bookings.businesses.control.ItemKind;
import dev.bookings.businesses.control.ItemKinds;
import dev.bookings.businesses.entity.BusinessItem;
import dev.bookings.platform.ApiVersion;
import dev.bookings.platform.JsonBodies;
import dev.bookings.platform.query.QueryOptions;
import dev.bookings.platform.query.Selection;
import dev.bookings.security.Caller;
import dev.bookings.security.Scopes;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A collection of items of one business ({@code services}, {@code staffMembers}, {@code customers}): list (paged),
 * create (201), get, PATCH (204), DELETE (204), alike for each; the {@link ItemKind} named by the path's collection
 * knows the rest.
 * One instance serves all requests (application scope; src/site/markdown/benchmark.md): path parameters are read from
 * {@link UriInfo} when needed and the caller is derived per call from the request-scoped token.
 */
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class BusinessItemsSubResource {

    @Inject
    ItemKinds kinds;

    @Context
    UriInfo uriInfo;

    /** The request's verified token (a proxy to the request-scoped bean); {@link #caller()} derives the caller. */
    @Inject
    JsonWebToken token;

    /** Per call, never kept: this instance serves every caller. */
    Caller caller() {
        return Caller.of(token);
    }

    private String pathParameter(String name) {
        return uriInfo.getPathParameters().getFirst(name);
    }

    String businessId() {
        return pathParameter("businessId");
    }

    @Inject
    BusinessItems items;

    ItemKind<BusinessItem> kind() {
        return kinds.named(pathParameter("collection")).orElseThrow(NotFoundException::new);
    }

    String context() {
        return ApiVersion.ofRoot(pathParameter("root")).collectionContext(uriInfo.getBaseUri(), businessId(), kind().collection());
    }

    /** The item as Graph writes it, with its {@code @odata.etag} (and {@code @odata.context} when not null). */
    JsonObject write(BusinessItem item, String context) {
        JsonObjectBuilder json = Jsons.JSON.createObjectBuilder();
        if (context != null) {
            json.add("@odata.context", context);
        }
        return json.add("@odata.etag", item.etag()).addAll(Jsons.JSON.createObjectBuilder(kind().write(item))).build();
    }

    JsonObject entity(BusinessItem item) {
        return write(item, context() + "/$entity");
    }

    /** The collection with Graph's query options: {@code $top $skip $count $select $filter $orderby}. */
    @GET
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public JsonObject list() {
        QueryOptions options = QueryOptions.forList(uriInfo);
        Selection selection = Selection.of(options.select(), kind().properties());
        Long count = options.count() ? items.count(caller(), businessId(), kind(), options.filter()) : null;
        return options.paging().page(items.list(caller(), businessId(), kind(), options),
                item -> selection.apply(write(item, null)), context(), uriInfo, count);
    }

    /** How many items the collection holds ({@code $filter} applies): a bare integer, as the SDKs' count() reads. */
    @GET
    @Path("$count")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public String count() {
        return Long.toString(items.count(caller(), businessId(), kind(), QueryOptions.forCount(uriInfo)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.BOOKINGS_READ_WRITE_ALL, Scopes.BOOKINGS_MANAGE_ALL})
    public Response create(InputStream body) {
        BusinessItem item = items.add(caller(), businessId(), kind(), JsonBodies.readObject(body, false));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(item.id()).build()).entity(entity(item)).build();
    }

    @GET
    @Path("{itemId}")
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public Response get(@PathParam("itemId") String itemId) {
        Selection selection = Selection.of(QueryOptions.forEntity(uriInfo), kind().properties());
        BusinessItem item = items.get(caller(), businessId(), kind(), itemId);
        return Response.ok(selection.apply(entity(item))).header(HttpHeaders.ETAG, item.etag()).build();
    }

    @PATCH
    @Path("{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.BOOKINGS_READ_WRITE_ALL, Scopes.BOOKINGS_MANAGE_ALL})
    public Response update(@PathParam("itemId") String itemId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            InputStream body) {
        items.update(caller(), businessId(), kind(), itemId, JsonBodies.readObject(body, false), new Preconditions(ifMatch, ifNoneMatch));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{itemId}")
    @RolesAllowed({Scopes.BOOKINGS_READ_WRITE_ALL, Scopes.BOOKINGS_MANAGE_ALL})
    public Response delete(@PathParam("itemId") String itemId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        items.delete(caller(), businessId(), kind(), itemId, new Preconditions(ifMatch, ifNoneMatch));
        return Response.noContent().build();
    }
}
