package dev.bookings.businesses.control;

import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.businesses.entity.BusinessItem;
import dev.bookings.errors.ItemNotFound;
import dev.bookings.platform.Ids;
import dev.bookings.platform.query.CriteriaListing;
import dev.bookings.platform.query.Filter;
import dev.bookings.platform.query.QueryOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;

/** Items of a business, of any {@link ItemKind}. Every query names the business, itself found by tenant. */
@ApplicationScoped
public class BusinessItemStore {

    @PersistenceContext
    EntityManager em;

    /** One page of the business's items of this kind, in creation order unless {@code $orderby} says otherwise. */
    public <T extends BusinessItem> List<T> list(ItemKind<T> kind, BookingBusiness business, QueryOptions options) {
        return listing(kind, business).page(options);
    }

    public <T extends BusinessItem> long count(ItemKind<T> kind, BookingBusiness business, Filter filter) {
        return listing(kind, business).count(filter);
    }

    private <T extends BusinessItem> CriteriaListing<T> listing(ItemKind<T> kind, BookingBusiness business) {
        return new CriteriaListing<>(em, kind.type(), kind.properties(),
                (cb, root, p) -> cb.equal(root.get("business"), p.bind(BookingBusiness.class, business)), List.of("pk"));
    }

    /** Every item of this kind in the business, in creation order. */
    public <T extends BusinessItem> List<T> all(ItemKind<T> kind, BookingBusiness business) {
        return em.createQuery("select e from " + kind.type().getSimpleName() + " e where e.business = :business order by e.pk",
                kind.type()).setParameter("business", business).getResultList();
    }

    /** Locks the named items against concurrent change until the transaction ends, in key order (no deadlock). */
    public <T extends BusinessItem> void lock(ItemKind<T> kind, BookingBusiness business, Collection<String> ids) {
        if (!ids.isEmpty()) {
            byIds(kind, business, ids, " order by e.pk").setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        }
    }

    public <T extends BusinessItem> List<T> find(ItemKind<T> kind, BookingBusiness business, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return byIds(kind, business, ids, "").getResultList();
    }

    /** The business's items of this kind with these ids, looked up by id (see {@link BusinessItem#OF_BUSINESS}). */
    private <T extends BusinessItem> TypedQuery<T> byIds(ItemKind<T> kind, BookingBusiness business, Collection<String> ids,
            String orderBy) {
        return em.createQuery("select e from " + kind.type().getSimpleName() + " e where e.id in :ids and "
                + BusinessItem.OF_BUSINESS + orderBy, kind.type())
                .setParameter("businessPk", business.pk()).setParameter("ids", ids);
    }

    public <T extends BusinessItem> T get(ItemKind<T> kind, BookingBusiness business, String id) {
        if (!Ids.plausible(id, 64)) {
            throw notFound(kind, id);
        }
        return find(kind, business, List.of(id)).stream().findFirst().orElseThrow(() -> notFound(kind, id));
    }

    public void add(BusinessItem item) {
        em.persist(item);
    }

    public void remove(BusinessItem item) {
        em.remove(item);
    }

    private static ItemNotFound notFound(ItemKind<?> kind, String id) {
        return new ItemNotFound("The " + kind.label() + " '" + id + "' was not found.");
    }
}
