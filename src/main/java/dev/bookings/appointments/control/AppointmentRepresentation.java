package dev.bookings.appointments.control;

import dev.bookings.platform.Jsons;
import static dev.bookings.platform.JsonWriting.put;
import static dev.bookings.platform.JsonWriting.putStored;
import static dev.bookings.platform.JsonWriting.putStrings;

import dev.bookings.appointments.entity.Appointment;
import dev.bookings.appointments.entity.CustomerInformation;
import dev.bookings.platform.ApiVersion;
import dev.bookings.platform.query.QueryableProperties;
import dev.bookings.platform.GraphTimes;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** A bookingAppointment as Graph writes it, in the names of the requested version. */
public final class AppointmentRepresentation {

    public static final String CUSTOMER_TYPE = "#microsoft.graph.bookingCustomerInformation";

    private static final QueryableProperties V1_PROPERTIES = propertiesOf(ApiVersion.V1_0).build();
    private static final QueryableProperties BETA_PROPERTIES = propertiesOf(ApiVersion.BETA)
            .selectOnly("customerId", "customerName", "customerEmailAddress", "customerLocation", "onlineMeetingUrl")
            .build();

    private AppointmentRepresentation() {
    }

    /** What {@code $select}, {@code $filter} and {@code $orderby} can name on an appointment in {@code version}. */
    public static QueryableProperties properties(ApiVersion version) {
        return version == ApiVersion.BETA ? BETA_PROPERTIES : V1_PROPERTIES;
    }

    private static QueryableProperties.Builder propertiesOf(ApiVersion version) {
        return QueryableProperties.of("bookingAppointment").string("id", "id")
                .dateTime(version.startProperty() + "/dateTime", "start")
                .dateTime(version.endProperty() + "/dateTime", "end")
                .string("selfServiceAppointmentId", "selfServiceAppointmentId").string("serviceId", "serviceId")
                .string("serviceName", "serviceName").string("serviceNotes", "serviceNotes")
                .string("customerTimeZone", "customerTimeZone").string("customerPhone", "customerPhone")
                .string("customerNotes", "customerNotes").bool("isLocationOnline", "locationOnline")
                .string("joinWebUrl", "joinWebUrl").string("anonymousJoinWebUrl", "anonymousJoinWebUrl")
                .bool("optOutOfCustomerEmail", "optOutOfCustomerEmail")
                .bool("smsNotificationsEnabled", "smsNotificationsEnabled")
                .bool("isCustomerAllowedToManageBooking", "customerAllowedToManageBooking")
                .number("maximumAttendeesCount", "maximumAttendeesCount").number("price", "price")
                .string("priceType", "priceType").string("appointmentLabel", "appointmentLabel")
                .string("additionalInformation", "additionalInformation")
                .dateTime("createdDateTime", "createdAt").dateTime("lastUpdatedDateTime", "updatedAt")
                .selectOnly("duration", "preBuffer", "postBuffer", "serviceLocation", "staffMemberIds", "customers",
                        "filledAttendeesCount", "reminders");
    }

    public static JsonObject of(Appointment a, ApiVersion version, String context) {
        JsonObjectBuilder json = Jsons.JSON.createObjectBuilder();
        if (context != null) {
            json.add("@odata.context", context);
        }
        json.add("@odata.etag", a.etag());
        json.add("id", a.id());
        put(json, "selfServiceAppointmentId", a.selfServiceAppointmentId());
        json.add(version.startProperty(), GraphTimes.format(a.start()));
        json.add(version.endProperty(), GraphTimes.format(a.end()));
        put(json, "duration", a.duration());
        put(json, "preBuffer", a.buffers().before());
        put(json, "postBuffer", a.buffers().after());
        put(json, "serviceId", a.serviceId());
        put(json, "serviceName", a.serviceName());
        put(json, "serviceNotes", a.serviceNotes());
        putStored(json, "serviceLocation", a.serviceLocationJson());
        putStrings(json, "staffMemberIds", a.staffMemberIds());
        json.add("customers", customers(a.customers()));
        put(json, "customerTimeZone", a.customerTimeZone());
        put(json, "customerPhone", a.customerPhone());
        put(json, "customerNotes", a.customerNotes());
        json.add("isLocationOnline", a.locationOnline());
        put(json, "joinWebUrl", a.joinWebUrl());
        put(json, "anonymousJoinWebUrl", a.anonymousJoinWebUrl());
        json.add("optOutOfCustomerEmail", a.optOutOfCustomerEmail());
        json.add("smsNotificationsEnabled", a.smsNotificationsEnabled());
        json.add("isCustomerAllowedToManageBooking", a.customerAllowedToManageBooking());
        json.add("maximumAttendeesCount", a.maximumAttendeesCount());
        json.add("filledAttendeesCount", a.customers().size());
        put(json, "price", a.price());
        json.add("priceType", a.priceType());
        if (a.remindersJson() == null) {
            json.add("reminders", Jsons.JSON.createArrayBuilder());
        } else {
            putStored(json, "reminders", a.remindersJson());
        }
        put(json, "appointmentLabel", a.appointmentLabel());
        put(json, "additionalInformation", a.additionalInformation());
        put(json, "createdDateTime", GraphTimes.timestamp(a.createdAt()));
        put(json, "lastUpdatedDateTime", GraphTimes.timestamp(a.updatedAt()));
        if (version == ApiVersion.BETA) {
            CustomerInformation first = a.customers().isEmpty() ? null : a.customers().get(0);
            put(json, "customerId", first == null ? null : first.customerId());
            put(json, "customerName", first == null ? null : first.name());
            put(json, "customerEmailAddress", first == null ? null : first.emailAddress());
            putStored(json, "customerLocation", first == null ? null : first.locationJson());
            put(json, "onlineMeetingUrl", a.joinWebUrl());
        }
        return json.build();
    }

    private static JsonArrayBuilder customers(List<CustomerInformation> customers) {
        JsonArrayBuilder array = Jsons.JSON.createArrayBuilder();
        for (CustomerInformation c : customers) {
            JsonObjectBuilder json = Jsons.JSON.createObjectBuilder().add("@odata.type", CUSTOMER_TYPE);
            put(json, "customerId", c.customerId());
            put(json, "name", c.name());
            put(json, "emailAddress", c.emailAddress());
            put(json, "phone", c.phone());
            put(json, "timeZone", c.timeZone());
            put(json, "notes", c.notes());
            putStored(json, "location", c.locationJson());
            if (c.customQuestionAnswersJson() == null) {
                json.add("customQuestionAnswers", Jsons.JSON.createArrayBuilder());
            } else {
                putStored(json, "customQuestionAnswers", c.customQuestionAnswersJson());
            }
            array.add(json);
        }
        return array;
    }
}
