package dev.bookings.subscriptions.control;

import dev.bookings.appointments.entity.AppointmentChange;
import dev.bookings.outbox.control.Outbox;
import dev.bookings.platform.Ids;
import dev.bookings.platform.Jsons;
import dev.bookings.subscriptions.entity.ChangeNotification;
import dev.bookings.subscriptions.entity.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Records, in the transaction that changed an appointment, one change notification for each subscription to its
 * business that is active and wants that kind of change: booked → {@code created}; updated and cancelled →
 * {@code updated} (a cancel's resource data says {@code "isCancelled": true}, as the appointment is gone from
 * the API afterwards); deleted → {@code deleted}.
 */
@ApplicationScoped
public class ChangeRecorder {

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    void onChange(@Observes AppointmentChange change) {
        String changeType = switch (change.kind()) {
            case BOOKED -> "created";
            case UPDATED, CANCELLED -> "updated";
            case DELETED -> "deleted";
        };
        List<Subscription> subscriptions = em.createNamedQuery(Subscription.ACTIVE_FOR_BUSINESS, Subscription.class)
                .setParameter("businessPk", change.business().pk()).setParameter("now", change.at()).getResultList();
        List<ChangeNotification> notifications = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            if (!subscription.changeTypes().contains(changeType)) {
                continue;
            }
            String id = change.appointment().id();
            String resource = subscription.resource() + "/" + id;
            JsonObjectBuilder data = Jsons.JSON.createObjectBuilder().add("@odata.type", "#microsoft.graph.bookingAppointment")
                    .add("@odata.id", resource).add("id", id);
            if (change.kind() == AppointmentChange.Kind.CANCELLED) {
                data.add("isCancelled", true);
            }
            String notificationId = Ids.next();
            String payload = Jsons.JSON.createObjectBuilder().add("id", notificationId)
                    .add("subscriptionId", subscription.id()).add("changeType", changeType).add("resource", resource)
                    .add("tenantId", subscription.tenantId()).add("resourceData", data).build().toString();
            notifications.add(new ChangeNotification(notificationId, subscription.pk(), false, payload, change.at()));
        }
        outbox.record(notifications);
    }
}
