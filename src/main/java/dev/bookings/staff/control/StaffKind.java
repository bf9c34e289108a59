package dev.bookings.staff.control;

import dev.bookings.platform.Jsons;
import static dev.bookings.platform.JsonWriting.put;
import static dev.bookings.platform.JsonWriting.putStored;

import dev.bookings.businesses.control.ItemKind;
import dev.bookings.errors.InvalidRequest;
import dev.bookings.platform.EmailAddresses;
import dev.bookings.platform.GraphTimes;
import dev.bookings.platform.JsonFields;
import dev.bookings.platform.query.QueryableProperties;
import dev.bookings.platform.JsonWriting;
import dev.bookings.staff.entity.StaffMember;
import jakarta.inject.Singleton;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Set;

/** bookingStaffMember in and out. Graph requires {@code displayName}, {@code emailAddress} and {@code role}. */
@Singleton
public class StaffKind extends ItemKind<StaffMember> {


    public static final String TYPE = "#microsoft.graph.bookingStaffMember";
    public static final Set<String> ROLES = Set.of("guest", "administrator", "viewer", "externalGuest", "scheduler",
            "teamMember", "unknownFutureValue");
    /**
     * The real service has answered {@code member} where the SDKs know {@code teamMember}: both are accepted and
     * stored as {@code teamMember}, the name always answered.
     */
    static final String LEGACY_TEAM_MEMBER = "member";

    public StaffKind() {
        super(StaffMember.class, "staffMembers", "staff member", StaffMember::new);
    }

    @Override
    public void apply(JsonFields fields, StaffMember member, boolean creating) {
        if (creating || fields.has("displayName")) {
            member.displayName(fields.requiredString("displayName", 255));
        }
        if (creating || fields.has("emailAddress")) {
            member.emailAddress(EmailAddresses.require(fields, "emailAddress"));
        }
        if (creating || fields.has("role")) {
            String role = fields.requiredString("role", 32);
            if (role.equals(LEGACY_TEAM_MEMBER)) {
                role = "teamMember";
            }
            if (!ROLES.contains(role)) {
                throw new InvalidRequest("Property 'role' must be one of " + ROLES + ".");
            }
            member.role(role);
        }
        fields.string("timeZone", 64).filter(s -> !s.isBlank()).ifPresent(zone -> {
            GraphTimes.zone(zone, "timeZone");
            member.timeZone(zone);
        });
        fields.bool("useBusinessHours").ifPresent(member::useBusinessHours);
        fields.bool("isEmailNotificationEnabled").ifPresent(member::emailNotificationEnabled);
        fields.bool("availabilityIsAffectedByPersonalCalendar").ifPresent(member::availabilityIsAffectedByPersonalCalendar);
        fields.workHours("workingHours", 16000).ifPresent(member::workingHoursJson);
    }

    private static final QueryableProperties PROPERTIES = itemProperties("bookingStaffMember")
            .string("displayName", "displayName").string("emailAddress", "emailAddress").string("role", "role")
            .string("timeZone", "timeZone").bool("useBusinessHours", "useBusinessHours")
            .bool("isEmailNotificationEnabled", "emailNotificationEnabled")
            .bool("availabilityIsAffectedByPersonalCalendar", "availabilityIsAffectedByPersonalCalendar")
            .selectOnly("workingHours")
            .build();

    @Override
    public QueryableProperties properties() {
        return PROPERTIES;
    }

    @Override
    public JsonObject write(StaffMember s) {
        JsonObjectBuilder json = Jsons.JSON.createObjectBuilder();
        json.add("@odata.type", TYPE);
        json.add("id", s.id());
        json.add("displayName", s.displayName());
        json.add("emailAddress", s.emailAddress());
        json.add("role", s.role().equals(LEGACY_TEAM_MEMBER) ? "teamMember" : s.role());
        put(json, "timeZone", s.timeZone());
        json.add("useBusinessHours", s.useBusinessHours());
        json.add("isEmailNotificationEnabled", s.emailNotificationEnabled());
        json.add("availabilityIsAffectedByPersonalCalendar", s.availabilityIsAffectedByPersonalCalendar());
        if (s.workingHoursJson() == null) {
            json.add("workingHours", Jsons.JSON.createArrayBuilder());
        } else {
            putStored(json, "workingHours", s.workingHoursJson());
        }
        put(json, "createdDateTime", GraphTimes.timestamp(s.createdAt()));
        put(json, "lastUpdatedDateTime", GraphTimes.timestamp(s.updatedAt()));
        return json.build();
    }
}
