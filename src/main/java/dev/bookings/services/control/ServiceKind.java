package dev.bookings.services.control;

import dev.bookings.platform.Jsons;
import static dev.bookings.platform.JsonWriting.put;
import static dev.bookings.platform.JsonWriting.putStored;

import dev.bookings.businesses.control.ItemKind;
import dev.bookings.errors.InvalidRequest;
import dev.bookings.platform.GraphTimes;
import dev.bookings.platform.JsonFields;
import dev.bookings.platform.Reminders;
import dev.bookings.platform.query.QueryableProperties;
import dev.bookings.platform.JsonWriting;
import dev.bookings.services.entity.BookingService;
import jakarta.inject.Singleton;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.json.JsonObjectBuilder;

/** bookingService in and out. Graph requires {@code displayName}. */
@Singleton
public class ServiceKind extends ItemKind<BookingService> {

    /** Graph's {@code bookingPriceType}: what a service's and an appointment's price means. */
    public static final Set<String> PRICE_TYPES = Set.of("undefined", "fixedPrice", "startingAt", "hourly", "free",
            "priceVaries", "callUs", "notSet", "unknownFutureValue");


    static final int MAX_QUESTIONS = 50;

    public ServiceKind() {
        super(BookingService.class, "services", "service", BookingService::new);
    }

    @Override
    public void apply(JsonFields fields, BookingService s, boolean creating) {
        if (creating || fields.has("displayName")) {
            s.displayName(fields.requiredString("displayName", 255));
        }
        fields.string("description", 4000).ifPresent(s::description);
        fields.string("notes", 4000).ifPresent(s::notes);
        fields.duration("defaultDuration").ifPresent(s::defaultDuration);
        fields.amount("defaultPrice").ifPresent(s::defaultPrice);
        fields.string("defaultPriceType", 32).ifPresent(type -> {
            if (!PRICE_TYPES.contains(type)) {
                throw new InvalidRequest("Property 'defaultPriceType' must be one of " + PRICE_TYPES + ".");
            }
            s.defaultPriceType(type);
        });
        fields.duration("preBuffer").ifPresent(s.buffers()::before);
        fields.duration("postBuffer").ifPresent(s.buffers()::after);
        fields.integer("maximumAttendeesCount", 0, 10_000).ifPresent(s::maximumAttendeesCount);
        fields.bool("isHiddenFromCustomers").ifPresent(s::hiddenFromCustomers);
        fields.bool("isLocationOnline").ifPresent(s::locationOnline);
        fields.bool("smsNotificationsEnabled").ifPresent(s::smsNotificationsEnabled);
        fields.bool("isCustomerAllowedToManageBooking").ifPresent(s::customerAllowedToManageBooking);
        fields.strings("staffMemberIds", 100, 64).ifPresent(ids -> s.staffMemberIdsJson(JsonWriting.stored(
                Jsons.JSON.createArrayBuilder(ids).build())));
        fields.storedObject("defaultLocation", 4000).ifPresent(s::defaultLocationJson);
        Reminders.checked(fields, "defaultReminders").ifPresent(s::defaultRemindersJson);
        fields.string("additionalInformation", 4000).ifPresent(s::additionalInformation);
        fields.objects("customQuestions", MAX_QUESTIONS).ifPresent(questions -> {
            JsonArrayBuilder stored = Jsons.JSON.createArrayBuilder();
            Set<String> seen = new HashSet<>();
            for (JsonFields question : questions) {
                String id = question.requiredString("questionId", 64);
                if (!seen.add(id)) {
                    throw new InvalidRequest("Property 'customQuestions' names the question '" + id + "' twice.");
                }
                stored.add(Jsons.JSON.createObjectBuilder().add("questionId", id)
                        .add("isRequired", question.bool("isRequired").orElse(false)));
            }
            s.customQuestionsJson(JsonWriting.stored(stored.build()));
        });
    }

    /** The ids of the custom questions the service asks, in its order. */
    public static List<String> questionIds(BookingService s) {
        return questions(s).stream().map(q -> q.getString("questionId")).toList();
    }

    /** The ids of the custom questions the service asks and requires an answer to. */
    public static Set<String> requiredQuestionIds(BookingService s) {
        return questions(s).stream().filter(q -> q.getBoolean("isRequired", false)).map(q -> q.getString("questionId"))
                .collect(Collectors.toSet());
    }

    private static List<JsonObject> questions(BookingService s) {
        if (s.customQuestionsJson() == null) {
            return List.of();
        }
        try (var reader = Jsons.JSON.createReader(new StringReader(s.customQuestionsJson()))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }

    private static final QueryableProperties PROPERTIES = itemProperties("bookingService")
            .string("displayName", "displayName").string("description", "description").string("notes", "notes")
            .number("defaultPrice", "defaultPrice").string("defaultPriceType", "defaultPriceType")
            .number("maximumAttendeesCount", "maximumAttendeesCount")
            .bool("isHiddenFromCustomers", "hiddenFromCustomers").bool("isLocationOnline", "locationOnline")
            .bool("smsNotificationsEnabled", "smsNotificationsEnabled")
            .bool("isCustomerAllowedToManageBooking", "customerAllowedToManageBooking")
            .string("additionalInformation", "additionalInformation")
            .selectOnly("defaultDuration", "preBuffer", "postBuffer", "staffMemberIds", "defaultLocation",
                    "defaultReminders", "customQuestions")
            .build();

    @Override
    public QueryableProperties properties() {
        return PROPERTIES;
    }

    @Override
    public JsonObject write(BookingService s) {
        JsonObjectBuilder json = Jsons.JSON.createObjectBuilder().add("id", s.id()).add("displayName", s.displayName());
        put(json, "description", s.description());
        put(json, "notes", s.notes());
        put(json, "defaultDuration", s.defaultDuration());
        put(json, "defaultPrice", s.defaultPrice());
        json.add("defaultPriceType", s.defaultPriceType());
        put(json, "preBuffer", s.buffers().before());
        put(json, "postBuffer", s.buffers().after());
        json.add("maximumAttendeesCount", s.maximumAttendeesCount());
        json.add("isHiddenFromCustomers", s.hiddenFromCustomers());
        json.add("isLocationOnline", s.locationOnline());
        json.add("smsNotificationsEnabled", s.smsNotificationsEnabled());
        json.add("isCustomerAllowedToManageBooking", s.customerAllowedToManageBooking());
        storedArray(json, "staffMemberIds", s.staffMemberIdsJson());
        putStored(json, "defaultLocation", s.defaultLocationJson());
        storedArray(json, "defaultReminders", s.defaultRemindersJson());
        put(json, "additionalInformation", s.additionalInformation());
        storedArray(json, "customQuestions", s.customQuestionsJson());
        put(json, "createdDateTime", GraphTimes.timestamp(s.createdAt()));
        put(json, "lastUpdatedDateTime", GraphTimes.timestamp(s.updatedAt()));
        return json.build();
    }

    private static void storedArray(JsonObjectBuilder json, String name, String stored) {
        if (stored == null) {
            json.add(name, Jsons.JSON.createArrayBuilder());
        } else {
            putStored(json, name, stored);
        }
    }
}
