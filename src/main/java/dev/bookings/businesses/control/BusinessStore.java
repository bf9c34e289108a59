package dev.bookings.businesses.control;

import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.errors.ItemNotFound;
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
        if (id == null || id.isBlank() || id.length() > 320) {
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

    public List<BookingBusiness> list(String tenantId) {
        return em.createNamedQuery(BookingBusiness.FIND_BY_TENANT, BookingBusiness.class)
                .setParameter("tenantId", tenantId)
                .getResultList();
    }

    public void add(BookingBusiness business) {
        em.persist(business);
        em.flush();
    }
}
