package dev.bookings.staff.boundary;

import dev.bookings.businesses.control.BusinessStore;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.platform.Ids;
import dev.bookings.security.Caller;
import dev.bookings.staff.control.StaffJson;
import dev.bookings.staff.control.StaffStore;
import dev.bookings.staff.entity.StaffMember;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Adding and reading the staff of the caller's businesses. */
@Stateless
public class StaffDirectory {

    @Inject
    BusinessStore businesses;

    @Inject
    StaffStore staff;

    public StaffMember add(Caller caller, String businessId, JsonObject body) {
        BookingBusiness business = businesses.get(caller.tenantId(), businessId);
        StaffMember member = new StaffMember(Ids.next(), business,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        StaffJson.applyCreate(body, member);
        staff.add(member);
        return member;
    }

    public List<StaffMember> list(Caller caller, String businessId) {
        return staff.list(businesses.get(caller.tenantId(), businessId));
    }

    public StaffMember get(Caller caller, String businessId, String staffId) {
        return staff.get(businesses.get(caller.tenantId(), businessId), staffId);
    }
}
