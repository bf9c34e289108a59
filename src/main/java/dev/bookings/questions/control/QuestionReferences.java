package dev.bookings.questions.control;

import dev.bookings.businesses.control.BusinessItemStore;
import dev.bookings.businesses.control.ItemSaving;
import dev.bookings.errors.InvalidRequest;
import dev.bookings.questions.entity.CustomQuestion;
import dev.bookings.services.control.ServiceKind;
import dev.bookings.services.entity.BookingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A service may ask only questions its business has: the check runs whenever a service is saved, with the named
 * questions' rows locked, as deleting a question locks its row before looking for services that ask it; so a
 * question cannot be deleted while a service is being made to ask it.
 */
@ApplicationScoped
public class QuestionReferences {

    @Inject
    BusinessItemStore items;

    @Inject
    CustomQuestionKind questions;

    void onSaving(@Observes ItemSaving saving) {
        if (saving.item() instanceof BookingService service) {
            List<String> ids = ServiceKind.questionIds(service);
            // locked as a delete of the question locks it: the two never pass their checks at once
            items.lock(questions, service.business(), ids);
            Set<String> known = items.find(questions, service.business(), ids).stream().map(CustomQuestion::id)
                    .collect(Collectors.toSet());
            ids.stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id -> {
                throw new InvalidRequest("Property 'customQuestions' names the custom question '" + id
                        + "', which the business does not have.");
            });
        }
    }
}
