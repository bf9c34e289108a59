package dev.bookings.businesses.control;

import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.errors.ItemNotFound;
import dev.bookings.platform.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

    /** The tenant's businesses whose display name contains {@code query} (any case; all when null), one page. */
    public List<BookingBusiness> list(String tenantId, String query, int offset, int limit) {
        String pattern = "%" + (query == null ? "" : query.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        return em.createNamedQuery(BookingBusiness.FIND_BY_TENANT, BookingBusiness.class)
                .setParameter("tenantId", tenantId)
                .setParameter("pattern", pattern)
                .setFirstResult(offset).setMaxResults(limit)
                .getResultList();
    }

    /** Removes the business and everything in it: notices, appointments, staff, services, customers. */
    public void remove(BookingBusiness business) {
        Long pk = business.pk();
        String appointments = "(select a.pk from appointment a where a.business_pk = ?1)";
        for (String sql : new String[] {
                "delete from notice where appointment_pk in " + appointments,
                "delete from appointment_customer where appointment_pk in " + appointments,
                "delete from appointment_staff where appointment_pk in " + appointments,
                "delete from appointment where business_pk = ?1",
                "delete from staff_member where business_pk = ?1",
                "delete from booking_service where business_pk = ?1",
                "delete from booking_customer where business_pk = ?1"}) {
            em.createNativeQuery(sql).setParameter(1, pk).executeUpdate();
        }
        em.remove(business);
    }

    public void add(BookingBusiness business) {
        em.persist(business);
        em.flush();
    }
}
