package dev.bookings.currencies.boundary;

import dev.bookings.currencies.control.Currencies;
import dev.bookings.currencies.control.Currencies.BookingCurrency;
import dev.bookings.errors.ItemNotFound;
import dev.bookings.platform.ApiVersion;
import dev.bookings.platform.Jsons;
import dev.bookings.platform.query.QueryOptions;
import dev.bookings.platform.query.QueryableProperties;
import dev.bookings.platform.query.Selection;
import dev.bookings.security.Scopes;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * {@code bookingCurrencies} under {@code /v1.0/solutions}, {@code /beta/solutions} and {@code /beta}: the list
 * (all at once; paged when {@code $top} asks, with {@code $skip $count $select}), one currency by its code, and {@code /$count}. The same for
 * every tenant; reading needs any Bookings permission.
 */
@Path("{root: (?i:v1\\.0/solutions/bookingcurrencies|beta/solutions/bookingcurrencies|beta/bookingcurrencies)}")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class BookingCurrenciesResource {

    static final QueryableProperties PROPERTIES = QueryableProperties.of("bookingCurrency").string("id", "id")
            .string("symbol", "symbol").build();

    @Context
    UriInfo uriInfo;

    String context() {
        ApiVersion version = ApiVersion.ofRoot(uriInfo.getPathParameters().getFirst("root"));
        return uriInfo.getBaseUri() + version.segment() + "/$metadata#"
                + (version == ApiVersion.V1_0 ? "solutions/bookingCurrencies" : "bookingCurrencies");
    }

    static JsonObject write(BookingCurrency currency) {
        return Jsons.JSON.createObjectBuilder().add("id", currency.id()).add("symbol", currency.symbol()).build();
    }

    @GET
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public JsonObject list() {
        // all in one page unless $top says otherwise, as Graph answers
        QueryOptions options = QueryOptions.forList(uriInfo, QueryOptions.PAGING_OPTIONS, Currencies.ALL.size());
        Selection selection = Selection.of(options.select(), PROPERTIES);
        int from = Math.min(options.paging().offset(), Currencies.ALL.size());
        List<BookingCurrency> rows = Currencies.ALL.subList(from, Math.min(Currencies.ALL.size(), from + options.paging().fetch()));
        return options.paging().page(rows, c -> selection.apply(write(c)), context(), uriInfo,
                options.count() ? (long) Currencies.ALL.size() : null);
    }

    @GET
    @Path("$count")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public String count() {
        return Integer.toString(Currencies.ALL.size());
    }

    @GET
    @Path("{currencyId}")
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public JsonObject get(@PathParam("currencyId") String currencyId) {
        Selection selection = Selection.of(QueryOptions.forEntity(uriInfo), PROPERTIES);
        BookingCurrency currency = Currencies.find(currencyId)
                .orElseThrow(() -> new ItemNotFound("The booking currency '" + currencyId + "' was not found."));
        return selection.apply(Jsons.JSON.createObjectBuilder().add("@odata.context", context() + "/$entity")
                .addAll(Jsons.JSON.createObjectBuilder(write(currency))).build());
    }
}
