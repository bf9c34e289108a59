package dev.bookings.appointments.control;

import dev.bookings.appointments.entity.Appointment;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.errors.ItemNotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Appointments of a business. What the API shows is only what is booked; cancelled rows are records. */
@ApplicationScoped
public class AppointmentStore {

    static final int MAX_ID_LENGTH = 64;

    @PersistenceContext
    EntityManager em;

    private Optional<Appointment> find(BookingBusiness business, String id, LockModeType lock) {
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            return Optional.empty();
        }
        return em.createNamedQuery(Appointment.FIND_BY_ID, Appointment.class)
                .setParameter("business", business)
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
     * The appointment, booked or cancelled, locked against concurrent change until the transaction ends
     * ({@code SELECT … FOR UPDATE}), or 404 {@code itemNotFound}.
     */
    public Appointment getLocked(BookingBusiness business, String id) {
        return find(business, id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> notFound(id));
    }

    public void add(Appointment appointment) {
        em.persist(appointment);
    }

    private static ItemNotFound notFound(String id) {
        return new ItemNotFound("The appointment '" + id + "' was not found.");
    }
}
