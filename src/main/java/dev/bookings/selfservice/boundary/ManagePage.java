package dev.bookings.selfservice.boundary;

import dev.bookings.appointments.boundary.AppointmentAlreadyEnded;
import dev.bookings.appointments.boundary.AppointmentCancellation;
import dev.bookings.appointments.boundary.MinimumLeadTimeNotMet;
import dev.bookings.appointments.entity.Appointment;
import dev.bookings.appointments.entity.CustomerInformation;
import dev.bookings.businesses.control.BusinessItemStore;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.platform.GraphTimes;
import dev.bookings.platform.Places;
import dev.bookings.platform.Preconditions;
import dev.bookings.security.Caller;
import dev.bookings.selfservice.control.ManageLinks;
import dev.bookings.selfservice.control.ManageLinks.Link;
import dev.bookings.selfservice.control.ManagePages;
import dev.bookings.selfservice.control.ManageThrottle;
import dev.bookings.staff.control.StaffKind;
import dev.bookings.staff.entity.StaffMember;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The page behind a customer's manage link: {@code GET /manage/{token}} shows the appointment, {@code POST} cancels
 * it through the API's own use case ({@link AppointmentCancellation}), as an application would: the business's
 * {@code minimumLeadTime} applies, and the appointment records who cancelled ({@code customer … via manage link}).
 * Open to anyone, because the token is the authority: a tampered, foreign, expired or unknown token, or one for an
 * appointment that no longer allows it, gets one and the same "not found" page. Every answer forbids caching, sends
 * no referrer (the token is in the URL), and allows no script, no frame and no form target but this page. The form
 * carries a token derived from the link; a form without it, or sent by another site, changes nothing. After the
 * cancel the browser is sent back to the page (POST, redirect, GET), so reloading cancels nothing twice.
 */
@Path("manage")
@PermitAll
public class ManagePage {

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    @Inject
    ManageLinks links;

    @Inject
    ManageThrottle throttle;

    @Inject
    AppointmentCancellation cancellation;

    @Inject
    BusinessItemStore items;

    @Inject
    StaffKind staffKind;

    @PersistenceContext(unitName = "bookings")
    EntityManager em;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    /** The appointment a valid link leads to, and its customer. */
    record Found(Link link, Appointment appointment, BookingBusiness business, CustomerInformation customer) {
    }

    @GET
    @Path("{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("token") String token) {
        if (!throttle.admit(fingerprint(token), request.getRemoteAddr())) {
            return tooMany();
        }
        return find(token).map(found -> page(found, token, null, Response.Status.OK)).orElseGet(ManagePage::notFound);
    }

    @POST
    @Path("{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response cancel(@PathParam("token") String token, @FormParam("form") String form,
            @FormParam("reason") String reason) {
        if (!throttle.admit(fingerprint(token), request.getRemoteAddr())) {
            return tooMany();
        }
        Optional<Found> found = find(token);
        if (found.isEmpty()) {
            return notFound();
        }
        Found f = found.get();
        if (!fromThisPage(form, links.formToken(token, f.link()))) {
            return secure(Response.status(Response.Status.FORBIDDEN)
                    .entity(ManagePages.notice("refused", ManagePages.language(f.business().languageTag()))));
        }
        if (f.appointment().isCancelled()) {
            return secure(Response.seeOther(uri.getRequestUri()));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > AppointmentCancellation.MAX_MESSAGE_LENGTH) {
            Locale language = ManagePages.language(f.business().languageTag());
            return page(f, token, ManagePages.words(language).get("reasonTooLong"), Response.Status.BAD_REQUEST);
        }
        try {
            cancellation.cancel(new Caller(f.business().tenantId(), "customer " + f.customer().emailAddress()
                    + " via manage link", false), f.business().id(), f.appointment().id(), why, Preconditions.NONE);
        } catch (MinimumLeadTimeNotMet tooLate) {
            return page(f, token, null, Response.Status.CONFLICT);
        } catch (AppointmentAlreadyEnded ended) {
            return notFound();
        }
        return secure(Response.seeOther(uri.getRequestUri()));
    }

    @GET
    @Path("style.css")
    @Produces("text/css")
    public Response style() throws IOException {
        try (InputStream css = ManagePage.class.getResourceAsStream("/dev/bookings/selfservice/style.css")) {
            return Response.ok(new String(css.readAllBytes(), StandardCharsets.UTF_8))
                    .header("Cache-Control", "public, max-age=86400").header("X-Content-Type-Options", "nosniff").build();
        }
    }

    /** The appointment a token leads to: signed by one of the keys, not expired, and still for that appointment. */
    private Optional<Found> find(String token) {
        Optional<Link> verified = links.verify(token, Instant.now());
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        Link link = verified.get();
        List<Appointment> rows = em.createQuery("select a from Appointment a where a.id = :id", Appointment.class)
                .setParameter("id", link.appointmentId()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Appointment appointment = rows.get(0);
        if (!appointment.customerAllowedToManageBooking() || !link.selfServiceId().equals(appointment.selfServiceAppointmentId())) {
            return Optional.empty();
        }
        return appointment.customers().stream()
                .filter(c -> c.emailAddress() != null && ManageLinks.customer(c.emailAddress()).equals(link.customer()))
                .findFirst().map(c -> new Found(link, appointment, appointment.business(), c));
    }

    private Response page(Found f, String token, String error, Response.Status status) {
        Appointment appointment = f.appointment();
        BookingBusiness business = f.business();
        Locale language = ManagePages.language(business.languageTag());
        Map<String, String> words = ManagePages.words(language);
        String zoneName = f.customer().timeZone() != null ? f.customer().timeZone() : appointment.customerTimeZone();
        ZoneId zone = GraphTimes.zoneOrUtc(zoneName);
        DateTimeFormatter day = DateTimeFormatter.ofPattern(language.getLanguage().equals("de") ? "EEEE, d. MMMM uuuu, HH:mm"
                : "EEEE d MMMM uuuu, HH:mm", language);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", language);
        Map<String, Object> model = new HashMap<>();
        model.put("lang", language.getLanguage());
        model.put("t", words);
        model.put("businessName", business.displayName());
        model.put("businessPhone", blankToNull(business.phone()));
        model.put("businessPhoneLink", business.phone() == null ? null : business.phone().replaceAll("[^+0-9]", ""));
        model.put("businessEmail", blankToNull(business.email()));
        model.put("businessAddress", Places.address(business.addressJson()));
        model.put("service", appointment.serviceName() == null || appointment.serviceName().isBlank()
                ? words.get("heading") : appointment.serviceName());
        List<String> staff = new ArrayList<>();
        for (StaffMember member : items.find(staffKind, business, appointment.staffMemberIds())) {
            staff.add(member.displayName());
        }
        model.put("staff", staff.isEmpty() ? null : String.join(", ", staff));
        model.put("when", day.format(appointment.start().atZoneSameInstant(zone)) + "–"
                + time.format(appointment.end().atZoneSameInstant(zone)) + " (" + zone.getId() + ")");
        model.put("place", Places.place(appointment.serviceLocationJson()));
        model.put("online", appointment.locationOnline() ? blankToNull(appointment.anonymousJoinWebUrl() != null
                ? appointment.anonymousJoinWebUrl() : appointment.joinWebUrl()) : null);
        boolean cancelled = appointment.isCancelled();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean tooLate = !cancelled && business.minimumLeadTime() != null
                && now.plus(business.minimumLeadTime()).isAfter(appointment.start());
        model.put("cancelled", cancelled);
        model.put("tooLate", tooLate);
        model.put("canCancel", !cancelled && !tooLate);
        model.put("error", error);
        model.put("formToken", links.formToken(token, f.link()));
        return secure(Response.status(status).entity(ManagePages.page(model)).header("Content-Language", language.getLanguage()));
    }

    private static Response notFound() {
        return secure(Response.status(Response.Status.NOT_FOUND).entity(ManagePages.notice("notFound", Locale.ENGLISH)));
    }

    private Response tooMany() {
        return secure(Response.status(Response.Status.TOO_MANY_REQUESTS).header("Retry-After", throttle.retryAfterSeconds())
                .entity(ManagePages.notice("tooMany", Locale.ENGLISH)));
    }

    /** The headers every manage answer carries: nothing cached, no referrer, no script, no frame. */
    private static Response secure(Response.ResponseBuilder response) {
        return response.type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY").build();
    }

    /**
     * Whether the form came from this page: it carries the page's form token, and the browser, where it says so
     * ({@code Sec-Fetch-Site}, {@code Origin}), sent it from this site.
     */
    private boolean fromThisPage(String form, String expected) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals("null") && !origin.equalsIgnoreCase(origin(uri.getBaseUri()))
                && !origin.equalsIgnoreCase(origin(URI.create(request.getRequestURL().toString())))) {
            return false;
        }
        return form != null && MessageDigest.isEqual(form.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** A short fingerprint of a token for the rate limit: the token itself is kept nowhere. */
    private static String fingerprint(String token) {
        return ManageLinks.customer(token == null ? "" : token);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
