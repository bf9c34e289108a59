package dev.bookings.staff.control;

import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.errors.ItemNotFound;
import dev.bookings.staff.entity.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;

/** Staff members of a business. */
@ApplicationScoped
public class StaffStore {

    @PersistenceContext
    EntityManager em;

    public List<StaffMember> list(BookingBusiness business) {
        return em.createNamedQuery(StaffMember.FIND_BY_BUSINESS, StaffMember.class)
                .setParameter("business", business).getResultList();
    }

    public List<StaffMember> find(BookingBusiness business, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(StaffMember.FIND_BY_IDS, StaffMember.class)
                .setParameter("business", business).setParameter("ids", ids).getResultList();
    }

    public StaffMember get(BookingBusiness business, String id) {
        if (id == null || id.length() > 64) {
            throw notFound(id);
        }
        return find(business, List.of(id)).stream().findFirst().orElseThrow(() -> notFound(id));
    }

    public void add(StaffMember member) {
        em.persist(member);
    }

    private static ItemNotFound notFound(String id) {
        return new ItemNotFound("The staff member '" + id + "' was not found.");
    }
}
