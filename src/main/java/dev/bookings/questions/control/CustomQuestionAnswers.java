package dev.bookings.questions.control;

import dev.bookings.businesses.control.BusinessItemStore;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.errors.InvalidRequest;
import dev.bookings.platform.JsonWriting;
import dev.bookings.platform.Jsons;
import dev.bookings.questions.entity.CustomQuestion;
import dev.bookings.services.control.ServiceKind;
import dev.bookings.services.entity.BookingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The answers an appointment's customer gives to custom questions. Each must name a question of the business;
 * a radio-button answer must pick among the question's options. When the appointment's service requires a
 * question, every customer must answer it (a non-blank {@code answer} or a selected option), else 400. The
 * stored answers carry what Graph writes with them: the question's text, input type, options and whether the
 * service requires it.
 */
@ApplicationScoped
public class CustomQuestionAnswers {

    @Inject
    BusinessItemStore items;

    @Inject
    CustomQuestionKind questions;

    /**
     * @param answers  per customer, the {@code customQuestionAnswers} as sent (null: none sent)
     * @param service  the appointment's service, or null
     * @return per customer, the answers to store (JSON), in the order given
     */
    public List<String> check(BookingBusiness business, BookingService service, List<String> answers) {
        Set<String> required = service == null ? Set.of() : ServiceKind.requiredQuestionIds(service);
        Set<String> named = answers.stream().filter(a -> a != null).flatMap(a -> array(a).stream())
                .map(a -> a.asJsonObject().getString("questionId")).collect(Collectors.toSet());
        Map<String, CustomQuestion> known = items.find(questions, business, named).stream()
                .collect(Collectors.toMap(CustomQuestion::id, Function.identity()));
        List<String> stored = new java.util.ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Set<String> answered = new HashSet<>();
            JsonArrayBuilder enriched = Jsons.JSON.createArrayBuilder();
            for (JsonValue value : answers.get(i) == null ? List.<JsonValue>of() : array(answers.get(i))) {
                JsonObject answer = value.asJsonObject();
                String id = answer.getString("questionId");
                CustomQuestion question = known.get(id);
                String path = "customers[" + i + "].customQuestionAnswers";
                if (question == null) {
                    throw new InvalidRequest("Property '" + path + "' answers the custom question '" + id
                            + "', which the business does not have.");
                }
                List<String> selected = answer.containsKey("selectedOptions")
                        ? answer.getJsonArray("selectedOptions").getValuesAs(JsonString::getString) : List.of();
                List<String> options = question.answerOptionsJson() == null ? List.of()
                        : array(question.answerOptionsJson()).getValuesAs(JsonString::getString);
                selected.stream().filter(o -> !options.contains(o)).findFirst().ifPresent(o -> {
                    throw new InvalidRequest("Property '" + path + "': '" + o + "' is not an option of the question '"
                            + id + "'.");
                });
                String text = answer.containsKey("answer") && !answer.isNull("answer") ? answer.getString("answer") : null;
                if ((text != null && !text.isBlank()) || !selected.isEmpty()) {
                    answered.add(id);
                }
                var entry = Jsons.JSON.createObjectBuilder().add("questionId", id).add("question", question.displayName())
                        .add("answerInputType", question.answerInputType())
                        .add("answerOptions", Jsons.JSON.createArrayBuilder(options))
                        .add("isRequired", required.contains(id))
                        .add("selectedOptions", Jsons.JSON.createArrayBuilder(selected));
                if (text == null) {
                    entry.addNull("answer");
                } else {
                    entry.add("answer", text);
                }
                enriched.add(entry);
            }
            for (String id : required) {
                if (!answered.contains(id)) {
                    throw new InvalidRequest("requiredQuestionNotAnswered", "Customer " + i + " has not answered the "
                            + "custom question '" + id + "', which the service requires.");
                }
            }
            JsonArray built = enriched.build();
            stored.add(built.isEmpty() ? null : JsonWriting.stored(built));
        }
        return stored;
    }

    private static JsonArray array(String json) {
        try (var reader = Jsons.JSON.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }
}
