package dev.bookings.appointments.control;

import dev.bookings.appointments.entity.Appointment;
import dev.bookings.appointments.entity.CustomerInformation;
import dev.bookings.errors.InvalidRequest;
import dev.bookings.platform.ApiVersion;
import dev.bookings.platform.EmailAddresses;
import dev.bookings.platform.GraphTimes;
import dev.bookings.platform.JsonFields;
import dev.bookings.platform.Jsons;
import dev.bookings.platform.Reminders;
import dev.bookings.services.control.ServiceKind;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A bookingAppointment as a client sends it, read and validated completely before any transaction starts.
 * Both spellings of the times are accepted whatever the version ({@code startDateTime}/{@code start}); read-only
 * and computed properties ({@code id}, {@code duration}, {@code filledAttendeesCount}, timestamps) and unknown
 * properties are ignored. Only properties present in the body are applied.
 */
public final class AppointmentInput {

    static final int NAME = 255;
    static final int TEXT = 4000;
    static final int URL = 2048;
    static final int MAX_CUSTOMERS = 100;
    static final int MAX_STAFF = 100;
    static final int MAX_ANSWERS = 50;

    private final JsonFields fields;
    private final ApiVersion version;
    private final OffsetDateTime start;
    private final OffsetDateTime end;
    private final List<CustomerInformation> customers;

    private AppointmentInput(JsonFields fields, ApiVersion version, OffsetDateTime start, OffsetDateTime end,
            List<CustomerInformation> customers) {
        this.fields = fields;
        this.version = version;
        this.start = start;
        this.end = end;
        this.customers = customers;
    }

    /** The body of a PATCH: only what it carries changes; {@code serviceId} is fixed at creation. */
    public static AppointmentInput forPatch(JsonObject body, ApiVersion version) {
        JsonFields fields = JsonFields.of(body);
        AppointmentInput input = new AppointmentInput(fields, version, time(fields, version, true).orElse(null),
                time(fields, version, false).orElse(null), customers(fields));
        input.validate();
        return input;
    }

    /**
     * The body of a create: {@code start} is required, and {@code end} after it unless a {@code serviceId} is sent,
     * whose {@code defaultDuration} then gives the end.
     */
    public static AppointmentInput forCreate(JsonObject body, ApiVersion version) {
        JsonFields fields = JsonFields.of(body);
        OffsetDateTime start = time(fields, version, true)
                .orElseThrow(() -> new InvalidRequest("Property '" + version.startProperty() + "' is required."));
        OffsetDateTime end = time(fields, version, false).orElse(null);
        if (end == null && fields.string("serviceId", NAME).filter(id -> !id.isBlank()).isEmpty()) {
            throw new InvalidRequest("Property '" + version.endProperty() + "' is required (or a 'serviceId' whose"
                    + " defaultDuration sets it).");
        }
        if (end != null && !end.isAfter(start)) {
            throw new InvalidRequest("Property '" + version.endProperty() + "' must be after '" + version.startProperty() + "'.");
        }
        AppointmentInput input = new AppointmentInput(fields, version, start, end, customers(fields));
        input.validate();
        return input;
    }

    private static Optional<OffsetDateTime> time(JsonFields fields, ApiVersion version, boolean start) {
        String v1 = start ? ApiVersion.V1_0.startProperty() : ApiVersion.V1_0.endProperty();
        String beta = start ? ApiVersion.BETA.startProperty() : ApiVersion.BETA.endProperty();
        String preferred = version == ApiVersion.V1_0 ? v1 : beta;
        String other = version == ApiVersion.V1_0 ? beta : v1;
        Optional<OffsetDateTime> value = fields.dateTimeTimeZone(preferred);
        return value.isPresent() ? value : fields.dateTimeTimeZone(other);
    }

    private static List<CustomerInformation> customers(JsonFields fields) {
        Optional<List<JsonFields>> list = fields.objects("customers", MAX_CUSTOMERS);
        List<CustomerInformation> customers = new ArrayList<>();
        if (list.isPresent()) {
            for (JsonFields c : list.get()) {
                CustomerInformation customer = new CustomerInformation(
                        c.string("customerId", NAME).orElse(null),
                        c.string("name", NAME).orElse(null),
                        email(c, "emailAddress"),
                        c.string("phone", 64).orElse(null),
                        timeZone(c, "timeZone"),
                        c.string("notes", TEXT).orElse(null),
                        c.storedObject("location", 4000).orElse(null));
                customer.customQuestionAnswersJson(answers(c));
                customers.add(customer);
            }
        } else if (fields.has("customerName") || fields.has("customerEmailAddress") || fields.has("customerId")) {
            // beta's single-customer shortcut
            customers.add(new CustomerInformation(
                    fields.string("customerId", NAME).orElse(null),
                    fields.string("customerName", NAME).orElse(null),
                    email(fields, "customerEmailAddress"),
                    fields.string("customerPhone", 64).orElse(null),
                    timeZone(fields, "customerTimeZone"),
                    fields.string("customerNotes", TEXT).orElse(null),
                    fields.storedObject("customerLocation", 4000).orElse(null)));
        }
        return customers;
    }

    /**
     * A customer's {@code customQuestionAnswers} as sent, reduced to what the client decides ({@code questionId},
     * {@code answer}, {@code selectedOptions}; the rest is the question's and filled in when stored), or null.
     */
    private static String answers(JsonFields customer) {
        return customer.objects("customQuestionAnswers", MAX_ANSWERS).filter(list -> !list.isEmpty()).map(list -> {
            JsonArrayBuilder answers = Jsons.JSON.createArrayBuilder();
            for (JsonFields answer : list) {
                JsonObjectBuilder json = Jsons.JSON.createObjectBuilder()
                        .add("questionId", answer.requiredString("questionId", NAME))
                        .add("selectedOptions", Jsons.JSON.createArrayBuilder(
                                answer.strings("selectedOptions", MAX_ANSWERS, TEXT).orElse(List.of())));
                answer.string("answer", TEXT).ifPresent(text -> json.add("answer", text));
                answers.add(json);
            }
            return answers.build().toString();
        }).orElse(null);
    }

    /** Per customer, the custom question answers as sent (null for none), in order. */
    public List<String> customQuestionAnswers() {
        return customers.stream().map(CustomerInformation::customQuestionAnswersJson).toList();
    }

    /** Sets the answers to store, per customer in order (see {@link #customQuestionAnswers()}). */
    public void customQuestionAnswers(List<String> stored) {
        for (int i = 0; i < customers.size(); i++) {
            customers.get(i).customQuestionAnswersJson(stored.get(i));
        }
    }

    /** The {@code customerId}s the body's customers name (each must be a customer of the business). */
    public List<String> customerIds() {
        return customers.stream().map(CustomerInformation::customerId).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** Whether the body sets {@code isCustomerAllowedToManageBooking}. */
    public boolean setsCustomerManagement() {
        return fields.has("isCustomerAllowedToManageBooking") && !fields.isNull("isCustomerAllowedToManageBooking");
    }

    /** Whether the body sets the customers. */
    public boolean setsCustomers() {
        return fields.has("customers") || !customers.isEmpty();
    }

    private static String email(JsonFields fields, String name) {
        return EmailAddresses.optional(fields, name).orElse(null);
    }

    private static String timeZone(JsonFields fields, String name) {
        Optional<String> zone = fields.string(name, 64).filter(s -> !s.isBlank());
        zone.ifPresent(z -> GraphTimes.zone(z, name));
        return zone.orElse(null);
    }

    private void validate() {
        fields.duration("preBuffer");
        fields.duration("postBuffer");
        fields.string("serviceId", NAME);
        fields.string("serviceName", NAME);
        fields.string("serviceNotes", TEXT);
        fields.storedObject("serviceLocation", 4000);
        timeZone(fields, "customerTimeZone");
        fields.string("customerPhone", 64);
        fields.string("customerNotes", TEXT);
        fields.bool("isLocationOnline");
        fields.string("joinWebUrl", URL);
        fields.string("anonymousJoinWebUrl", URL);
        fields.bool("optOutOfCustomerEmail");
        fields.bool("smsNotificationsEnabled");
        fields.bool("isCustomerAllowedToManageBooking");
        fields.integer("maximumAttendeesCount", 0, 10_000);
        fields.amount("price");
        fields.string("priceType", 32).filter(type -> !ServiceKind.PRICE_TYPES.contains(type)).ifPresent(type -> {
            throw new InvalidRequest("Property 'priceType' must be one of " + ServiceKind.PRICE_TYPES + ".");
        });
        Reminders.checked(fields, "reminders");
        fields.string("selfServiceAppointmentId", NAME);
        fields.string("appointmentLabel", NAME);
        fields.string("additionalInformation", TEXT);
        fields.strings("staffMemberIds", MAX_STAFF, NAME);
    }

    public OffsetDateTime start() {
        return start;
    }

    /** The end sent, or null when the service's default duration is to give it. */
    public OffsetDateTime end() {
        return end;
    }

    /** The {@code serviceId} sent, if any. */
    public Optional<String> serviceId() {
        return fields.string("serviceId", NAME).filter(s -> !s.isBlank());
    }

    /** The {@code staffMemberIds} sent, if any. */
    public Optional<List<String>> staffMemberIds() {
        return fields.strings("staffMemberIds", MAX_STAFF, NAME);
    }

    /** Writes the sent properties onto the appointment; the times must still be in order afterwards. */
    public void applyTo(Appointment a) {
        OffsetDateTime newStart = start != null ? start : a.start();
        OffsetDateTime newEnd = end != null ? end : a.end();
        if (!newEnd.isAfter(newStart)) {
            throw new InvalidRequest("Property '" + version.endProperty() + "' must be after '" + version.startProperty() + "'.");
        }
        a.schedule(newStart, newEnd);
        fields.duration("preBuffer").ifPresent(a.buffers()::before);
        fields.duration("postBuffer").ifPresent(a.buffers()::after);
        fields.string("serviceId", NAME).ifPresent(a::serviceId);
        fields.string("serviceName", NAME).ifPresent(a::serviceName);
        fields.string("serviceNotes", TEXT).ifPresent(a::serviceNotes);
        fields.storedObject("serviceLocation", 4000).ifPresent(a::serviceLocationJson);
        Optional.ofNullable(timeZone(fields, "customerTimeZone")).ifPresent(a::customerTimeZone);
        fields.string("customerPhone", 64).ifPresent(a::customerPhone);
        fields.string("customerNotes", TEXT).ifPresent(a::customerNotes);
        fields.bool("isLocationOnline").ifPresent(a::locationOnline);
        fields.string("joinWebUrl", URL).ifPresent(a::joinWebUrl);
        fields.string("anonymousJoinWebUrl", URL).ifPresent(a::anonymousJoinWebUrl);
        fields.bool("optOutOfCustomerEmail").ifPresent(a::optOutOfCustomerEmail);
        fields.bool("smsNotificationsEnabled").ifPresent(a::smsNotificationsEnabled);
        fields.bool("isCustomerAllowedToManageBooking").ifPresent(a::customerAllowedToManageBooking);
        fields.integer("maximumAttendeesCount", 0, 10_000).ifPresent(a::maximumAttendeesCount);
        fields.amount("price").ifPresent(a::price);
        fields.string("priceType", 32).ifPresent(a::priceType);
        fields.storedArray("reminders", 16000).ifPresent(a::remindersJson);
        fields.string("selfServiceAppointmentId", NAME).ifPresent(a::selfServiceAppointmentId);
        fields.string("appointmentLabel", NAME).ifPresent(a::appointmentLabel);
        fields.string("additionalInformation", TEXT).ifPresent(a::additionalInformation);
        fields.strings("staffMemberIds", MAX_STAFF, NAME).ifPresent(a::staffMemberIds);
        if (setsCustomers()) {
            a.customers(customers);
        }
    }
}
