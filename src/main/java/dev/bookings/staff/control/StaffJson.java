package dev.bookings.staff.control;

import static dev.bookings.platform.JsonWriting.put;
import static dev.bookings.platform.JsonWriting.putStored;

import dev.bookings.errors.InvalidRequest;
import dev.bookings.platform.EmailAddresses;
import dev.bookings.platform.GraphTimes;
import dev.bookings.platform.JsonFields;
import dev.bookings.platform.JsonWriting;
import dev.bookings.staff.entity.StaffMember;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Set;

/** bookingStaffMember in and out. Graph requires {@code displayName}, {@code emailAddress} and {@code role}. */
public final class StaffJson {

    public static final String TYPE = "#microsoft.graph.bookingStaffMember";
    public static final Set<String> ROLES = Set.of("guest", "administrator", "viewer", "externalGuest", "scheduler",
            "teamMember", "unknownFutureValue");

    private StaffJson() {
    }

    /** Validates a create body and writes it onto the new staff member. */
    public static void applyCreate(JsonObject body, StaffMember member) {
        JsonFields fields = JsonFields.of(body);
        member.displayName(fields.requiredString("displayName", 255));
        member.emailAddress(EmailAddresses.require(fields, "emailAddress"));
        String role = fields.requiredString("role", 32);
        if (!ROLES.contains(role)) {
            throw new InvalidRequest("Property 'role' must be one of " + ROLES + ".");
        }
        member.role(role);
        fields.string("timeZone", 64).filter(s -> !s.isBlank()).ifPresent(zone -> {
            GraphTimes.zone(zone, "timeZone");
            member.timeZone(zone);
        });
        fields.bool("useBusinessHours").ifPresent(member::useBusinessHours);
        fields.bool("isEmailNotificationEnabled").ifPresent(member::emailNotificationEnabled);
        fields.bool("availabilityIsAffectedByPersonalCalendar").ifPresent(member::availabilityIsAffectedByPersonalCalendar);
        fields.array("workingHours").map(JsonWriting::stored).ifPresent(member::workingHoursJson);
    }

    public static JsonObject of(StaffMember s, String context) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (context != null) {
            json.add("@odata.context", context);
        }
        json.add("@odata.type", TYPE);
        json.add("id", s.id());
        json.add("displayName", s.displayName());
        json.add("emailAddress", s.emailAddress());
        json.add("role", s.role());
        put(json, "timeZone", s.timeZone());
        json.add("useBusinessHours", s.useBusinessHours());
        json.add("isEmailNotificationEnabled", s.emailNotificationEnabled());
        json.add("availabilityIsAffectedByPersonalCalendar", s.availabilityIsAffectedByPersonalCalendar());
        if (s.workingHoursJson() == null) {
            json.add("workingHours", Json.createArrayBuilder());
        } else {
            putStored(json, "workingHours", s.workingHoursJson());
        }
        put(json, "createdDateTime", GraphTimes.timestamp(s.createdAt()));
        put(json, "lastUpdatedDateTime", GraphTimes.timestamp(s.updatedAt()));
        return json.build();
    }
}
