package dev.bookings.staff.entity;

import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.businesses.entity.BusinessItem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A bookingStaffMember of one business. */
@Entity
@Table(name = "staff_member")
@NamedQuery(name = StaffMember.FIND_BY_BUSINESS,
        query = "select s from StaffMember s where s.business = :business order by s.pk")
@NamedQuery(name = StaffMember.FIND_BY_IDS,
        query = "select s from StaffMember s where s.business = :business and s.id in :ids")
public class StaffMember extends BusinessItem {

    public static final String FIND_BY_BUSINESS = "StaffMember.findByBusiness";
    public static final String FIND_BY_IDS = "StaffMember.findByIds";

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "email_address", nullable = false)
    private String emailAddress;

    @Column(nullable = false)
    private String role;

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "use_business_hours", nullable = false)
    private boolean useBusinessHours = true;

    @Column(name = "is_email_notification_enabled", nullable = false)
    private boolean emailNotificationEnabled = true;

    @Column(name = "availability_is_affected", nullable = false)
    private boolean availabilityIsAffectedByPersonalCalendar;

    @Column(name = "working_hours_json")
    private String workingHoursJson;

    protected StaffMember() {
    }

    public StaffMember(String id, BookingBusiness business, OffsetDateTime now) {
        super(id, business, now);
    }

    public String displayName() {
        return displayName;
    }

    public void displayName(String displayName) {
        this.displayName = displayName;
    }

    public String emailAddress() {
        return emailAddress;
    }

    public void emailAddress(String emailAddress) {
        this.emailAddress = emailAddress;
    }

    public String role() {
        return role;
    }

    public void role(String role) {
        this.role = role;
    }

    public String timeZone() {
        return timeZone;
    }

    public void timeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public boolean useBusinessHours() {
        return useBusinessHours;
    }

    public void useBusinessHours(boolean value) {
        this.useBusinessHours = value;
    }

    public boolean emailNotificationEnabled() {
        return emailNotificationEnabled;
    }

    public void emailNotificationEnabled(boolean value) {
        this.emailNotificationEnabled = value;
    }

    public boolean availabilityIsAffectedByPersonalCalendar() {
        return availabilityIsAffectedByPersonalCalendar;
    }

    public void availabilityIsAffectedByPersonalCalendar(boolean value) {
        this.availabilityIsAffectedByPersonalCalendar = value;
    }

    public String workingHoursJson() {
        return workingHoursJson;
    }

    public void workingHoursJson(String workingHoursJson) {
        this.workingHoursJson = workingHoursJson;
    }

}
