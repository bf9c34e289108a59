package dev.bookings.appointments.control;

import dev.bookings.appointments.entity.Appointment;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.errors.ItemNotFound;
import dev.bookings.appointments.entity.AppointmentStatus;
import dev.bookings.platform.Ids;
import dev.bookings.platform.query.CriteriaListing;
import dev.bookings.platform.query.Filter;
import dev.bookings.platform.query.QueryOptions;
import dev.bookings.platform.query.QueryableProperties;
import jakarta.persistence.criteria.Predicate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Appointments of a business. What the API shows is only what is booked; cancelled rows are records. */
@ApplicationScoped
public class AppointmentStore {

    static final int MAX_ID_LENGTH = 64;

    @PersistenceContext
    EntityManager em;

    private Optional<Appointment> find(BookingBusiness business, String id, LockModeType lock) {
        if (!Ids.plausible(id, MAX_ID_LENGTH)) {
            return Optional.empty();
        }
        return em.createNamedQuery(Appointment.FIND_BY_ID, Appointment.class)
                .setParameter("businessPk", business.pk())
                .setParameter("id", id)
                .setLockMode(lock)
                .getResultStream().findFirst();
    }

    /** A booked appointment of the business, or 404 {@code itemNotFound}. */
    public Appointment getBooked(BookingBusiness business, String id) {
        return find(business, id, LockModeType.NONE).filter(a -> !a.isCancelled())
                .orElseThrow(() -> notFound(id));
    }

    /**
     * A booked appointment of the business, locked against concurrent change until the transaction ends, or 404
     * {@code itemNotFound}. Changes take the row lock as cancel does, so a PATCH or DELETE racing a cancel (on any
     * instance) runs wholly before or wholly after it: no update is lost, no conflict is left to the client.
     */
    public Appointment getBookedForUpdate(BookingBusiness business, String id) {
        return find(business, id, LockModeType.PESSIMISTIC_WRITE).filter(a -> !a.isCancelled())
                .orElseThrow(() -> notFound(id));
    }

    /**
     * The appointment, booked or cancelled, locked against concurrent change until the transaction ends
     * ({@code SELECT … FOR UPDATE}), or 404 {@code itemNotFound}.
     */
    public Appointment getLocked(BookingBusiness business, String id) {
        return find(business, id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> notFound(id));
    }

    public void add(Appointment appointment) {
        em.persist(appointment);
    }

    /**
     * One page (plus one row) of the business's booked appointments, those overlapping {@code range} when it is
     * not null, matching the query options, in start order unless {@code $orderby} says otherwise.
     */
    public List<Appointment> list(BookingBusiness business, CalendarRange range, QueryOptions options,
            QueryableProperties properties) {
        return loaded(listing(business, range, properties).page(options));
    }

    public long count(BookingBusiness business, CalendarRange range, Filter filter, QueryableProperties properties) {
        return listing(business, range, properties).count(filter);
    }

    private CriteriaListing<Appointment> listing(BookingBusiness business, CalendarRange range,
            QueryableProperties properties) {
        return new CriteriaListing<>(em, Appointment.class, properties, (cb, root, p) -> {
            Predicate booked = cb.and(cb.equal(root.get("business"), p.bind(BookingBusiness.class, business)),
                    cb.equal(root.get("status"), p.bind(AppointmentStatus.class, AppointmentStatus.BOOKED)));
            if (range == null) {
                return booked;
            }
            // start >= from - the business's longest appointment: implied by the overlap, and it bounds the range the
            // (business_pk, start_at) index reads to the window, whatever the business's history (V6 migration)
            return cb.and(booked, cb.lessThan(root.get("start"), p.bind(OffsetDateTime.class, range.to())),
                    cb.greaterThan(root.get("end"), p.bind(OffsetDateTime.class, range.from())),
                    cb.greaterThanOrEqualTo(root.get("start"),
                            p.bind(OffsetDateTime.class, range.from().minus(business.longestAppointment()))));
        }, List.of("start", "pk"));
    }

    /**
     * Booked appointments of the business that name any of {@code staffIds} and overlap {@code [from, to)}, with
     * their staff loaded.
     */
    public List<Appointment> bookedFor(BookingBusiness business, Collection<String> staffIds, OffsetDateTime from,
            OffsetDateTime to) {
        return loaded(em.createNamedQuery(Appointment.BOOKED_FOR_STAFF, Appointment.class)
                .setParameter("business", business).setParameter("staff", staffIds)
                .setParameter("from", from).setParameter("to", to).getResultList());
    }

    /**
     * Deletes the rows of the appointment's staff list before a change replaces it. Left to EclipseLink, a replaced
     * list once in a few runs had its new row at an index inserted while the old row at that index was still there
     * (a unique violation on appointment_staff, answered 409). With the rows gone first, its deletes of the old
     * values find nothing and its inserts find the indexes free, whatever order it writes them in.
     */
    public void deleteStaffRows(Appointment appointment) {
        em.createNativeQuery("delete from appointment_staff where appointment_pk = ?1").setParameter(1, appointment.pk())
                .executeUpdate();
    }

    public void remove(Appointment appointment) {
        em.remove(appointment);
    }

    private static List<Appointment> loaded(List<Appointment> appointments) {
        appointments.forEach(a -> {
            a.customers().size();
            a.staffMemberIds().size();
        });
        return appointments;
    }

    private static ItemNotFound notFound(String id) {
        return new ItemNotFound("The appointment '" + id + "' was not found.");
    }
}
