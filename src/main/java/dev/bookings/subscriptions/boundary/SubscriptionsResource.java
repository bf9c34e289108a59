package dev.bookings.subscriptions.boundary;

import dev.bookings.platform.JsonBodies;
import dev.bookings.platform.Jsons;
import dev.bookings.platform.Paging;
import dev.bookings.security.Caller;
import dev.bookings.security.Scopes;
import dev.bookings.subscriptions.control.SubscriptionInput;
import dev.bookings.subscriptions.control.SubscriptionRepresentation;
import dev.bookings.subscriptions.control.SubscriptionSettings;
import dev.bookings.subscriptions.control.Webhooks;
import dev.bookings.subscriptions.entity.Subscription;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code /v1.0/subscriptions} and {@code /beta/subscriptions}: Graph's change notification subscriptions, for
 * the appointments of a business. POST validates the subscriber's URLs with Graph's handshake before anything is
 * stored (400 when it fails); PATCH renews ({@code expirationDateTime}) and, for a new {@code notificationUrl},
 * validates it again. A caller sees and manages only the subscriptions its application made in its tenant (or,
 * for a token without an application id, that it made itself); any other is 404. Subscribing needs read
 * permission on the business.
 */
@Path("{version: (?i:v1\\.0|beta)}/subscriptions")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionsResource {

    @Context
    UriInfo uriInfo;

    /** The request's verified token (a proxy to the request-scoped bean); {@link #caller()} derives the caller. */
    @Inject
    JsonWebToken token;

    /** Per call, never kept: this instance serves every caller. */
    Caller caller() {
        return Caller.of(token);
    }

    @Inject
    Subscriptions subscriptions;

    @Inject
    SubscriptionSettings settings;

    @Inject
    Webhooks webhooks;

    String context() {
        return uriInfo.getBaseUri() + uriInfo.getPathParameters().getFirst("version").toLowerCase(java.util.Locale.ROOT) + "/$metadata#subscriptions";
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public Response create(InputStream body) throws InterruptedException {
        SubscriptionInput input = SubscriptionInput.of(JsonBodies.readObject(body, false), settings);
        // everything is checked before the subscriber is called; the call happens inside the request's transaction
        // (its record commits with the subscription), which holds a connection: Webhooks bounds such calls
        input.changeTypes();
        input.expiration(Subscriptions.now());
        input.clientState();
        String notificationUrl = input.notificationUrl();
        Optional<String> lifecycleUrl = input.lifecycleNotificationUrl();
        subscriptions.business(caller(), input.businessId());
        webhooks.validate(notificationUrl, "notificationUrl");
        if (lifecycleUrl.isPresent()) {
            webhooks.validate(lifecycleUrl.get(), "lifecycleNotificationUrl");
        }
        Subscription subscription = subscriptions.create(caller(), applicationId(), input);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(subscription.id()).build())
                .entity(SubscriptionRepresentation.of(subscription, context() + "/$entity")).build();
    }

    @GET
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public JsonObject list() {
        var value = Jsons.JSON.createArrayBuilder();
        subscriptions.list(caller(), applicationId()).stream().limit(Paging.MAX_SIZE)
                .forEach(s -> value.add(SubscriptionRepresentation.of(s, null)));
        return Jsons.JSON.createObjectBuilder().add("@odata.context", context()).add("value", value).build();
    }

    @GET
    @Path("{subscriptionId}")
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public JsonObject get(@PathParam("subscriptionId") String id) {
        return SubscriptionRepresentation.of(subscriptions.get(caller(), applicationId(), id), context() + "/$entity");
    }

    @PATCH
    @Path("{subscriptionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public JsonObject update(@PathParam("subscriptionId") String id, InputStream body) throws InterruptedException {
        SubscriptionInput input = SubscriptionInput.of(JsonBodies.readObject(body, false), settings);
        input.optionalExpiration(Subscriptions.now());
        input.clientState();
        Subscription current = subscriptions.get(caller(), applicationId(), id);
        Optional<String> newUrl = input.optionalNotificationUrl().filter(url -> !url.equals(current.notificationUrl()));
        Optional<String> newLifecycleUrl = input.lifecycleNotificationUrl()
                .filter(url -> !url.equals(current.lifecycleNotificationUrl()));
        if (newUrl.isPresent()) {
            webhooks.validate(newUrl.get(), "notificationUrl");
        }
        if (newLifecycleUrl.isPresent()) {
            webhooks.validate(newLifecycleUrl.get(), "lifecycleNotificationUrl");
        }
        return SubscriptionRepresentation.of(subscriptions.update(caller(), applicationId(), id, input), context() + "/$entity");
    }

    @DELETE
    @Path("{subscriptionId}")
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public Response delete(@PathParam("subscriptionId") String id) {
        subscriptions.delete(caller(), applicationId(), id);
        return Response.noContent().build();
    }

    private String applicationId() {
        for (String claim : new String[] {"appid", "azp"}) {
            if (token.getClaim(claim) instanceof String value && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
