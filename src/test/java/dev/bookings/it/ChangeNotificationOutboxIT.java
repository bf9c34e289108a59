package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bookings.appointments.boundary.AppointmentBooking;
import dev.bookings.businesses.boundary.BusinessRegistry;
import dev.bookings.security.Caller;
import dev.bookings.outbox.boundary.OutboxDelivery;
import dev.bookings.subscriptions.boundary.Subscriptions;
import dev.bookings.subscriptions.control.SubscriptionInput;
import dev.bookings.subscriptions.control.SubscriptionSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The change notification outbox inside Payara: recorded with the change or not at all; one sender per notification. */
@ExtendWith(ArquillianExtension.class)
class ChangeNotificationOutboxIT {

    @Inject
    BusinessRegistry registry;

    @Inject
    AppointmentBooking booking;

    @Inject
    Subscriptions subscriptions;

    @Inject
    SubscriptionSettings settings;

    @Inject
    OutboxDelivery delivery;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService executor;

    Caller user;
    String business;
    WebhookReceiver receiver;

    @BeforeEach
    void seed() {
        user = Records.user("tenant-" + UUID.randomUUID());
        business = registry.register(user, Records.business("Outbox Hooks", null)).id();
        receiver = new WebhookReceiver();
        JsonObject body = Json.createObjectBuilder().add("resource", "solutions/bookingBusinesses/" + business + "/appointments")
                .add("changeType", "created").add("notificationUrl", receiver.url("/in"))
                .add("expirationDateTime", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString()).build();
        subscriptions.create(user, "outbox-app", SubscriptionInput.of(body, settings));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aChangeThatRollsBackNotifiesNoOne() throws Exception {
        transaction.begin();
        booking.book(user, business, Records.appointment(Duration.ofDays(2), Duration.ofHours(1)));
        transaction.rollback();
        String kept = booking.book(user, business, Records.appointment(Duration.ofDays(3), Duration.ofHours(1))).id();
        List<JsonObject> received = receiver.await("/in", n -> true, 1);
        WebhookReceiver.sleep(Duration.ofSeconds(2));
        assertEquals(1, receiver.notifications.size(), receiver.notifications::toString);
        assertEquals(kept, received.get(0).getJsonObject("resourceData").getString("id"));
    }

    @Test
    void deliverersRacingEachOtherSendEveryNotificationOnce() throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        List<Future<?>> deliverers = new java.util.ArrayList<>();
        for (String node : List.of("node-a", "node-b")) {
            deliverers.add(executor.submit(() -> {
                while (!done.get()) {
                    delivery.deliver(node);
                }
            }));
        }
        try {
            List<Future<?>> bookings = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int day = i;
                bookings.add(executor.submit(() -> booking.book(user, business,
                        Records.appointment(Duration.ofDays(2).plusHours(day), Duration.ofMinutes(30)))));
            }
            for (Future<?> f : bookings) {
                f.get();
            }
            assertEquals(40, receiver.await("/in", n -> true, 40).size());
            WebhookReceiver.sleep(Duration.ofSeconds(2));
        } finally {
            done.set(true);
            for (Future<?> f : deliverers) {
                f.get();
            }
        }
        List<String> ids = receiver.notifications.stream().map(n -> n.getString("id")).toList();
        assertEquals(40, ids.size(), "three deliverers (two here, the worker), each notification sent once");
        assertEquals(40, ids.stream().distinct().count());
    }
}
