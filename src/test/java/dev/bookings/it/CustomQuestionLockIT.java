package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.businesses.boundary.BusinessItems;
import dev.bookings.businesses.boundary.BusinessRegistry;
import dev.bookings.errors.InvalidRequest;
import dev.bookings.questions.control.CustomQuestionKind;
import dev.bookings.security.Caller;
import dev.bookings.services.control.ServiceKind;
import dev.bookings.platform.Preconditions;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.UserTransaction;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Deleting a custom question and making a service ask it serialise on the question's row. */
@ExtendWith(ArquillianExtension.class)
class CustomQuestionLockIT {

    @Inject
    BusinessRegistry registry;

    @Inject
    BusinessItems items;

    @Inject
    CustomQuestionKind questions;

    @Inject
    ServiceKind services;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService executor;

    @Test
    void aServiceCannotTakeUpAQuestionBeingDeleted() throws Exception {
        Caller user = Records.user("tenant-" + UUID.randomUUID());
        String business = registry.register(user, Records.business("Lock Salon", null)).id();
        String question = items.add(user, business, questions, Json.createObjectBuilder().add("displayName", "Allergies?")
                .build()).id();
        String service = items.add(user, business, services, Json.createObjectBuilder().add("displayName", "Cut").build()).id();

        transaction.begin();
        items.delete(user, business, questions, question, Preconditions.NONE);
        Future<?> askIt = executor.submit(() -> items.update(user, business, services, service, Json.createObjectBuilder()
                .add("customQuestions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("questionId", question)))
                .build(), Preconditions.NONE));
        Thread.sleep(500);
        assertFalse(askIt.isDone(), "the service's save waits for the delete's lock");
        transaction.commit();
        ExecutionException failed = assertThrows(ExecutionException.class, askIt::get);
        assertTrue(failed.getCause() instanceof InvalidRequest, failed::toString);
        assertEquals(0, items.get(user, business, services, service).customQuestionsJson() == null ? 0 : 1,
                "the service asks no question that is gone");
    }
}
