package dev.bookings.businesses.control;

import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.errors.ItemNotFound;
import dev.bookings.platform.Ids;
import dev.bookings.platform.query.CriteriaListing;
import dev.bookings.platform.query.Filter;
import dev.bookings.platform.query.QueryOptions;
import dev.bookings.platform.query.QueryableProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Businesses of a tenant. Every lookup names the tenant: another tenant's business is simply not found. */
@ApplicationScoped
public class BusinessStore {

    @PersistenceContext
    EntityManager em;

    public Optional<BookingBusiness> find(String tenantId, String id) {
        if (!Ids.plausible(id, 320)) {
            return Optional.empty();
        }
        return em.createNamedQuery(BookingBusiness.FIND_BY_ID, BookingBusiness.class)
                .setParameter("tenantId", tenantId)
                .setParameter("idKey", BookingBusiness.keyOf(id))
                .getResultStream().findFirst();
    }

    /** The business, or 404 {@code itemNotFound}. */
    public BookingBusiness get(String tenantId, String id) {
        return find(tenantId, id).orElseThrow(() -> new ItemNotFound("The booking business '" + id + "' was not found."));
    }

    /** What {@code $select}, {@code $filter} and {@code $orderby} can name on a business. */
    public static final QueryableProperties PROPERTIES = QueryableProperties.of("bookingBusiness")
            .string("id", "id").string("displayName", "displayName").string("businessType", "businessType")
            .string("phone", "phone").string("email", "email").string("webSiteUrl", "webSiteUrl")
            .string("defaultCurrencyIso", "defaultCurrencyIso").string("languageTag", "languageTag")
            .bool("isPublished", "published").dateTime("createdDateTime", "createdAt")
            .dateTime("lastUpdatedDateTime", "updatedAt")
            .selectOnly("publicUrl", "address", "businessHours", "schedulingPolicy")
            .build();

    /**
     * The tenant's businesses whose display name contains {@code query} (any case; all when null) and that match
     * the query options, one page, in id order unless {@code $orderby} says otherwise.
     */
    public List<BookingBusiness> list(String tenantId, String query, QueryOptions options) {
        return listing(tenantId, query).page(options);
    }

    public long count(String tenantId, String query, Filter filter) {
        return listing(tenantId, query).count(filter);
    }

    private CriteriaListing<BookingBusiness> listing(String tenantId, String query) {
        String pattern = "%" + (query == null ? "" : query.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        return new CriteriaListing<>(em, BookingBusiness.class, PROPERTIES, (cb, root, p) -> cb.and(
                cb.equal(root.get("tenantId"), p.bind(String.class, tenantId)),
                cb.like(cb.lower(root.get("displayName")), p.bind(String.class, pattern), '\\')), List.of("idKey"));
    }

    /**
     * Removes the business and everything in it: its messages still in the outbox, appointments, staff, services,
     * customers (its subscriptions go with its row).
     */
    public void remove(BookingBusiness business) {
        Long pk = business.pk();
        String appointments = "(select a.pk from appointment a where a.business_pk = ?1)";
        for (String sql : new String[] {
                "delete from outbox_message where pk in (select m.pk from mail_message m where m.business_pk = ?1)",
                "delete from outbox_message where pk in (select c.pk from change_notification c join subscription s"
                        + " on s.pk = c.subscription_pk where s.business_pk = ?1)",
                "delete from appointment_customer where appointment_pk in " + appointments,
                "delete from appointment_staff where appointment_pk in " + appointments,
                "delete from appointment where business_pk = ?1",
                "delete from staff_member where business_pk = ?1",
                "delete from booking_service where business_pk = ?1",
                "delete from booking_customer where business_pk = ?1",
                "delete from custom_question where business_pk = ?1"}) {
            em.createNativeQuery(sql).setParameter(1, pk).executeUpdate();
        }
        em.remove(business);
    }

    /**
     * Records that the business has an appointment this long, if none was as long before. A bulk update: the
     * business's version, and so its ETag, stays as it is, and concurrent bookings do not conflict over it.
     */
    public void noteAppointmentLength(BookingBusiness business, Duration length) {
        long seconds = Math.max(0, length.toSeconds() + (length.toNanosPart() > 0 ? 1 : 0));
        if (seconds > business.longestAppointment().toSeconds()) {
            em.createQuery("update BookingBusiness b set b.longestAppointmentSeconds = :seconds"
                    + " where b.pk = :pk and b.longestAppointmentSeconds < :seconds")
                    .setParameter("seconds", seconds).setParameter("pk", business.pk()).executeUpdate();
        }
    }

    public void add(BookingBusiness business) {
        em.persist(business);
        em.flush();
    }
}
