package dev.bookings.it;

import dev.bookings.appointments.control.AppointmentInput;
import dev.bookings.appointments.entity.Appointment;
import dev.bookings.businesses.control.BusinessInput;
import dev.bookings.platform.ApiVersion;
import dev.bookings.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import dev.bookings.notifications.entity.MessageKind;
import dev.bookings.notifications.entity.Notice;
import java.util.List;
import java.util.Map;
import org.eclipse.persistence.queries.DatabaseQuery;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** In-container test helper: request bodies for seeding, and reading rows as the database holds them. */
@ApplicationScoped
public class Records {

    @PersistenceContext
    EntityManager em;

    public static BusinessInput business(String displayName, String minimumLeadTime) {
        var body = Json.createObjectBuilder().add("displayName", displayName);
        if (minimumLeadTime != null) {
            body.add("schedulingPolicy", Json.createObjectBuilder().add("minimumLeadTime", minimumLeadTime));
        }
        return BusinessInput.forCreate(body.build());
    }

    public static AppointmentInput appointment(Duration startIn, Duration length) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plus(startIn).truncatedTo(ChronoUnit.SECONDS);
        JsonObject body = Json.createObjectBuilder()
                .add("startDateTime", Json.createObjectBuilder().add("dateTime", start.toString()))
                .add("endDateTime", Json.createObjectBuilder().add("dateTime", start.plus(length).toString()))
                .build();
        return AppointmentInput.forCreate(body, ApiVersion.V1_0);
    }

    public static Caller user(String tenant) {
        return new Caller(tenant, "user-" + tenant, true);
    }

    public static Caller app(String tenant) {
        return new Caller(tenant, "app-" + tenant, false);
    }

    /** The mails recorded for an appointment, as committed, oldest first. */
    @Transactional
    public List<Notice> notices(String appointmentId) {
        return em.createQuery("select n from Notice n where n.appointmentId = :id order by n.pk", Notice.class)
                .setParameter("id", appointmentId).getResultList();
    }

    /** The mails of one kind recorded for an appointment, as committed, oldest first. */
    public List<Notice> notices(String appointmentId, MessageKind kind) {
        return notices(appointmentId).stream().filter(n -> n.messageKind() == kind).toList();
    }

    /**
     * In the caller's transaction: marks the appointment's cancellation mails as claimed by a worker that then died,
     * its lease running out after {@code lease}.
     */
    @Transactional
    public int claimForDeadWorker(String appointmentId, Duration lease) {
        return em.createNativeQuery("update outbox_message set status = 'SENDING', claimed_by = 'dead-worker',"
                + " lease_until = ?1, attempts = 1, version = version + 1 where pk in (select m.pk from mail_message m"
                + " where m.appointment_id = ?2 and m.message_kind = 'CANCELLED')")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).plus(lease))
                .setParameter(2, appointmentId).executeUpdate();
    }

    /**
     * In the caller's transaction: marks the appointment's cancellation mails FAILED for good, with {@code error} as
     * SMTP said it.
     */
    @Transactional
    public int failForGood(String appointmentId, String error) {
        return em.createNativeQuery("update outbox_message set status = 'FAILED', last_error = ?1, attempts = 10,"
                + " version = version + 1 where pk in (select m.pk from mail_message m where m.appointment_id = ?2"
                + " and m.message_kind = 'CANCELLED')")
                .setParameter(1, error).setParameter(2, appointmentId).executeUpdate();
    }

    /**
     * The SQL EclipseLink sends for the named query, which it runs once (inside a transaction, as the locking
     * look-ups run) with these parameters; placeholders are {@code ?}.
     */
    @Transactional
    public String sqlOf(String namedQuery, Map<String, Object> parameters) {
        Query query = em.createNamedQuery(namedQuery);
        parameters.forEach(query::setParameter);
        query.getResultList();
        return query.unwrap(DatabaseQuery.class).getSQLString();
    }

    /** How many appointments were cancelled by someone whose name matches {@code pattern} (SQL {@code like}). */
    @Transactional
    public long cancelledBy(String pattern) {
        return em.createQuery("select count(a) from Appointment a where a.cancelledBy like :pattern", Long.class)
                .setParameter("pattern", pattern).getSingleResult();
    }

    /** The row as committed, cancelled or not. */
    @Transactional
    public Appointment appointment(String id) {
        return em.createQuery("select a from Appointment a where a.id = :id", Appointment.class)
                .setParameter("id", id).getSingleResult();
    }
}
