package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.appointments.boundary.AppointmentBooking;
import dev.bookings.appointments.boundary.AppointmentCancellation;
import dev.bookings.appointments.control.AppointmentInput;
import dev.bookings.businesses.boundary.BusinessRegistry;
import dev.bookings.businesses.control.BusinessInput;
import dev.bookings.notifications.entity.MessageKind;
import dev.bookings.notifications.entity.Notice;
import dev.bookings.outbox.boundary.OutboxDelivery;
import dev.bookings.outbox.boundary.OutboxHealth;
import dev.bookings.outbox.entity.DeliveryStatus;
import dev.bookings.notifications.entity.RecipientKind;
import dev.bookings.platform.ApiVersion;
import dev.bookings.security.Caller;
import dev.bookings.businesses.boundary.BusinessItems;
import dev.bookings.staff.control.StaffKind;
import dev.bookings.platform.Preconditions;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.eclipse.microprofile.health.Readiness;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The notice outbox inside Payara: recorded with the cancel or not at all, and delivered despite a dead worker. */
@ExtendWith(ArquillianExtension.class)
class NoticeOutboxIT {

    @Inject
    AppointmentCancellation cancellation;

    @Inject
    AppointmentBooking booking;

    @Inject
    BusinessRegistry registry;

    @Inject
    BusinessItems items;

    @Inject
    StaffKind staffKind;

    @Inject
    Records records;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService executor;

    @Inject
    OutboxDelivery delivery;

    @Inject
    @Readiness
    OutboxHealth health;

    Caller user;
    String business;
    String staffId;

    @BeforeEach
    void seed() {
        user = Records.user("tenant-" + UUID.randomUUID());
        business = registry.register(user, BusinessInput.forCreate(Json.createObjectBuilder()
                .add("displayName", "Outbox Salon").add("email", "owner@outbox.example")
                .add("schedulingPolicy", Json.createObjectBuilder().add("sendConfirmationsToOwner", true)).build())).id();
        staffId = items.add(user, business, staffKind, Json.createObjectBuilder().add("displayName", "Dana")
                .add("emailAddress", "dana@outbox.example").add("role", "teamMember").build()).id();
    }

    String book() {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.SECONDS);
        return booking.book(user, business, AppointmentInput.forCreate(Json.createObjectBuilder()
                .add("startDateTime", Json.createObjectBuilder().add("dateTime", start.toString()))
                .add("endDateTime", Json.createObjectBuilder().add("dateTime", start.plusHours(1).toString()))
                .add("staffMemberIds", Json.createArrayBuilder().add(staffId))
                .add("customers", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "A").add("emailAddress", "a@outbox.example"))
                        .add(Json.createObjectBuilder().add("name", "Same address again").add("emailAddress", "A@outbox.example"))
                        .add(Json.createObjectBuilder().add("name", "No address")))
                .build(), ApiVersion.V1_0)).id();
    }

    /** Runs {@code work} in one transaction that commits, or rolls back if it throws. */
    void inOneTransaction(Runnable work) throws Exception {
        transaction.begin();
        try {
            work.run();
            transaction.commit();
        } catch (Exception | Error e) {
            transaction.rollback();
            throw e;
        }
    }

    static void eventually(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
    }

    @Test
    void cancelRecordsOneNoticePerRecipientAndRepeatRecordsNothing() {
        String id = book();
        cancellation.cancel(user, business, id, "closed", Preconditions.NONE);
        List<Notice> notices = records.notices(id, MessageKind.CANCELLED);
        assertEquals(List.of(RecipientKind.CUSTOMER, RecipientKind.STAFF, RecipientKind.OWNER),
                notices.stream().map(Notice::recipientKind).toList());
        cancellation.cancel(user, business, id, "closed again", Preconditions.NONE);
        assertEquals(3, records.notices(id, MessageKind.CANCELLED).size());
        assertEquals(6, records.notices(id).size(), "the booking's three and the cancel's three, nothing for the repeat");
    }

    @Test
    void cancelThatRollsBackRecordsNoNotice() throws Exception {
        String id = book();
        transaction.begin();
        try {
            cancellation.cancel(user, business, id, "rolled back", Preconditions.NONE);
        } finally {
            transaction.rollback();
        }
        Thread.sleep(500);
        assertEquals(0, records.notices(id, MessageKind.CANCELLED).size());
    }

    @Test
    void noticesOfAWorkerThatDiedBeforeSendingAreDeliveredOnceItsLeaseEnds() throws Exception {
        String id = book();
        inOneTransaction(() -> {
            cancellation.cancel(user, business, id, "worker dies", Preconditions.NONE);
            assertEquals(3, records.claimForDeadWorker(id, Duration.ofSeconds(2)));
        });
        assertTrue(records.notices(id, MessageKind.CANCELLED).stream().allMatch(n -> n.status() == DeliveryStatus.SENDING
                && "dead-worker".equals(n.claimedBy())), "claimed by the dead worker, not sent after commit");
        eventually(() -> records.notices(id, MessageKind.CANCELLED).stream().allMatch(n -> n.status() == DeliveryStatus.SENT),
                Duration.ofSeconds(30));
        for (Notice notice : records.notices(id, MessageKind.CANCELLED)) {
            assertEquals(DeliveryStatus.SENT, notice.status(), notice.id() + " " + notice.lastError());
            assertEquals(2, notice.attempts(), "the dead worker's attempt and one delivery");
            assertNull(notice.claimedBy());
        }
    }

    @Test
    void concurrentDeliverersClaimEveryNoticeExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(book());
        }
        transaction.begin();
        for (String id : ids) {
            cancellation.cancel(user, business, id, "crowd", Preconditions.NONE);
        }
        transaction.commit();
        // the worker's own round starts after the commit; four more act as further instances on the same table
        List<Future<Integer>> rounds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String node = "instance-" + i;
            rounds.add(executor.submit(() -> delivery.deliver(node)));
        }
        for (Future<Integer> round : rounds) {
            round.get();
        }
        eventually(() -> ids.stream().allMatch(id -> records.notices(id, MessageKind.CANCELLED).stream()
                .allMatch(n -> n.status() == DeliveryStatus.SENT)), Duration.ofSeconds(30));
        for (String id : ids) {
            for (Notice notice : records.notices(id, MessageKind.CANCELLED)) {
                assertEquals(DeliveryStatus.SENT, notice.status(), notice.id() + " " + notice.lastError());
                assertEquals(1, notice.attempts(), "claimed once, sent once");
            }
        }
    }

    @Test
    void healthCountsFailedNoticesButNeverSaysWhichOrWhy() throws Exception {
        String id = book();
        inOneTransaction(() -> {
            cancellation.cancel(user, business, id, "rejected", Preconditions.NONE);
            assertEquals(3, records.failForGood(id, "550 5.1.1 <a@outbox.example>: Recipient address rejected"));
        });
        // /health/ready is open to anyone: it shows counts and states only (errors quote addresses)
        String data = health.call().getData().orElseThrow().toString();
        assertTrue(data.contains("failed"), data);
        assertFalse(data.contains("outbox.example"), data);
        assertFalse(data.contains("Recipient address rejected"), data);
        for (Notice notice : records.notices(id)) {
            assertFalse(data.contains(notice.id()), data);
        }
        assertFalse(data.contains(id), data);
    }
}
