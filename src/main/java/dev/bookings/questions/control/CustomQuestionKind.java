package dev.bookings.questions.control;

import static dev.bookings.platform.JsonWriting.put;
import static dev.bookings.platform.JsonWriting.putStored;

import dev.bookings.businesses.control.BusinessItemStore;
import dev.bookings.businesses.control.ItemKind;
import dev.bookings.errors.Conflict;
import dev.bookings.errors.InvalidRequest;
import dev.bookings.platform.GraphTimes;
import dev.bookings.platform.JsonFields;
import dev.bookings.platform.JsonWriting;
import dev.bookings.platform.Jsons;
import dev.bookings.platform.query.QueryableProperties;
import dev.bookings.questions.entity.CustomQuestion;
import dev.bookings.services.control.ServiceKind;
import dev.bookings.services.entity.BookingService;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Set;

/**
 * bookingCustomQuestion in and out. Graph requires {@code displayName}; {@code answerInputType} is {@code text}
 * (the default), {@code radioButton} (which needs {@code answerOptions}) or {@code unknownFutureValue}. A question
 * a service asks cannot be deleted (409 {@code customQuestionInUse}): take it off the service first.
 */
@Singleton
public class CustomQuestionKind extends ItemKind<CustomQuestion> {

    public static final Set<String> INPUT_TYPES = Set.of("text", "radioButton", "unknownFutureValue");
    static final int MAX_OPTIONS = 50;

    private static final QueryableProperties PROPERTIES = itemProperties("bookingCustomQuestion")
            .string("displayName", "displayName").string("answerInputType", "answerInputType")
            .selectOnly("answerOptions")
            .build();

    @Inject
    ServiceKind services;

    public CustomQuestionKind() {
        super(CustomQuestion.class, "customQuestions", "custom question", CustomQuestion::new);
    }

    @Override
    public void apply(JsonFields fields, CustomQuestion q, boolean creating) {
        if (creating || fields.has("displayName")) {
            q.displayName(fields.requiredString("displayName", 1000));
        }
        fields.string("answerInputType", 32).ifPresent(type -> {
            if (!INPUT_TYPES.contains(type)) {
                throw new InvalidRequest("Property 'answerInputType' must be one of " + INPUT_TYPES + ".");
            }
            q.answerInputType(type);
        });
        fields.strings("answerOptions", MAX_OPTIONS, 1000).ifPresent(options -> q.answerOptionsJson(options.isEmpty()
                ? null : JsonWriting.stored(Jsons.JSON.createArrayBuilder(options).build())));
        if (q.answerInputType().equals("radioButton") && q.answerOptionsJson() == null) {
            throw new InvalidRequest("A radioButton question needs 'answerOptions' to choose from.");
        }
    }

    @Override
    public void checkRemovable(CustomQuestion question, BusinessItemStore store) {
        store.lock(this, question.business(), List.of(question.id()));
        for (BookingService service : store.all(services, question.business())) {
            if (ServiceKind.questionIds(service).contains(question.id())) {
                throw new Conflict("customQuestionInUse", "The custom question '" + question.id() + "' is asked by the "
                        + "service '" + service.id() + "'; remove it from the service's customQuestions first.");
            }
        }
    }

    @Override
    public QueryableProperties properties() {
        return PROPERTIES;
    }

    @Override
    public JsonObject write(CustomQuestion q) {
        JsonObjectBuilder json = Jsons.JSON.createObjectBuilder().add("id", q.id()).add("displayName", q.displayName())
                .add("answerInputType", q.answerInputType());
        if (q.answerOptionsJson() == null) {
            json.add("answerOptions", Jsons.JSON.createArrayBuilder());
        } else {
            putStored(json, "answerOptions", q.answerOptionsJson());
        }
        put(json, "createdDateTime", GraphTimes.timestamp(q.createdAt()));
        put(json, "lastUpdatedDateTime", GraphTimes.timestamp(q.updatedAt()));
        return json.build();
    }
}
