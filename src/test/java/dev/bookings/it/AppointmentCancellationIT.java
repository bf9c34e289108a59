package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.appointments.boundary.AppointmentAlreadyEnded;
import dev.bookings.appointments.boundary.AppointmentBooking;
import dev.bookings.appointments.boundary.AppointmentCancellation;
import dev.bookings.appointments.boundary.MinimumLeadTimeNotMet;
import dev.bookings.appointments.entity.Appointment;
import dev.bookings.appointments.entity.AppointmentStatus;
import dev.bookings.businesses.boundary.BusinessRegistry;
import dev.bookings.errors.InvalidRequest;
import dev.bookings.errors.ItemNotFound;
import dev.bookings.security.Caller;
import dev.bookings.platform.Preconditions;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cancel use case inside Payara: transitions, repeat, rules, rollback and concurrency. */
@ExtendWith(ArquillianExtension.class)
class AppointmentCancellationIT {

    @Inject
    AppointmentCancellation cut;

    @Inject
    AppointmentBooking booking;

    @Inject
    BusinessRegistry registry;

    @Inject
    Records records;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService executor;

    Caller user;
    String business;

    @BeforeEach
    void seed() {
        String tenant = "tenant-" + UUID.randomUUID();
        user = Records.user(tenant);
        business = registry.register(user, Records.business("Contoso Cuts", "PT2H")).id();
    }

    String book(Duration startIn) {
        return booking.book(user, business, Records.appointment(startIn, Duration.ofHours(1))).id();
    }

    @Test
    void cancelRecordsWhenWhoAndMessageAndKeepsTheRow() {
        String id = book(Duration.ofDays(1));
        assertTrue(cut.cancel(user, business, id, "Closed for the day", Preconditions.NONE));
        Appointment row = records.appointment(id);
        assertEquals(AppointmentStatus.CANCELLED, row.status());
        assertNotNull(row.cancelledAt());
        assertEquals(user.actorId(), row.cancelledBy());
        assertEquals("Closed for the day", row.cancellationMessage());
        assertThrows(ItemNotFound.class, () -> booking.get(user, business, id));
    }

    @Test
    void repeatCancelChangesNothingAndTheFirstMessageStands() {
        String id = book(Duration.ofDays(1));
        assertTrue(cut.cancel(user, business, id, "first", Preconditions.NONE));
        Appointment first = records.appointment(id);
        assertFalse(cut.cancel(Records.app(user.tenantId()), business, id, "second", Preconditions.NONE));
        Appointment second = records.appointment(id);
        assertEquals("first", second.cancellationMessage());
        assertEquals(first.cancelledAt(), second.cancelledAt());
        assertEquals(user.actorId(), second.cancelledBy());
        assertEquals(first.version(), second.version());
    }

    @Test
    void unknownOtherBusinessAndOtherTenantAreNotFound() {
        String id = book(Duration.ofDays(1));
        String other = registry.register(user, Records.business("Fabrikam", null)).id();
        assertThrows(ItemNotFound.class, () -> cut.cancel(user, business, "nope", null, Preconditions.NONE));
        assertThrows(ItemNotFound.class, () -> cut.cancel(user, other, id, null, Preconditions.NONE));
        assertThrows(ItemNotFound.class, () -> cut.cancel(Records.user("someone-else"), business, id, null, Preconditions.NONE));
        assertEquals(AppointmentStatus.BOOKED, records.appointment(id).status());
    }

    @Test
    void endedAppointmentIsRejectedAndUnchanged() {
        String id = book(Duration.ofHours(-2));
        AppointmentAlreadyEnded e = assertThrows(AppointmentAlreadyEnded.class, () -> cut.cancel(user, business, id, null, Preconditions.NONE));
        assertEquals("appointmentAlreadyEnded", e.code());
        assertEquals(AppointmentStatus.BOOKED, records.appointment(id).status());
    }

    @Test
    void minimumLeadTimeBindsApplicationsOnly() {
        String soon = book(Duration.ofMinutes(30));
        MinimumLeadTimeNotMet e = assertThrows(MinimumLeadTimeNotMet.class,
                () -> cut.cancel(Records.app(user.tenantId()), business, soon, null, Preconditions.NONE));
        assertEquals("minimumLeadTimeNotMet", e.code());
        assertEquals(AppointmentStatus.BOOKED, records.appointment(soon).status());
        assertTrue(cut.cancel(user, business, soon, null, Preconditions.NONE));
        assertTrue(cut.cancel(Records.app(user.tenantId()), business, book(Duration.ofHours(3)), null, Preconditions.NONE));
    }

    @Test
    void tooLongMessageIsRejected() {
        String id = book(Duration.ofDays(1));
        assertThrows(InvalidRequest.class, () -> cut.cancel(user, business, id, "x".repeat(AppointmentCancellation.MAX_MESSAGE_LENGTH + 1), Preconditions.NONE));
        assertTrue(cut.cancel(user, business, id, "x".repeat(AppointmentCancellation.MAX_MESSAGE_LENGTH), Preconditions.NONE));
    }

    @Test
    void cancelRolledBackWithItsTransactionLeavesTheAppointmentBooked() throws Exception {
        String id = book(Duration.ofDays(1));
        transaction.begin();
        try {
            assertTrue(cut.cancel(user, business, id, "will be rolled back", Preconditions.NONE));
        } finally {
            transaction.rollback();
        }
        Appointment row = records.appointment(id);
        assertEquals(AppointmentStatus.BOOKED, row.status());
        assertNull(row.cancellationMessage());
        assertTrue(cut.cancel(user, business, id, "now for real", Preconditions.NONE));
    }

    @Test
    void concurrentCancelsChangeTheAppointmentExactlyOnce() throws Exception {
        String id = book(Duration.ofDays(1));
        int threads = 24;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String message = "message " + i;
            results.add(executor.submit(() -> {
                start.await();
                return cut.cancel(user, business, id, message, Preconditions.NONE);
            }));
        }
        start.countDown();
        int changed = 0;
        for (Future<Boolean> result : results) {
            if (result.get()) {
                changed++;
            }
        }
        assertEquals(1, changed);
        Appointment row = records.appointment(id);
        assertEquals(AppointmentStatus.CANCELLED, row.status());
        assertTrue(row.cancellationMessage().startsWith("message "));
    }
}
