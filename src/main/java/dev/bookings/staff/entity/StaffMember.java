package dev.bookings.staff.entity;

import dev.bookings.businesses.entity.BookingBusiness;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A bookingStaffMember of one business. */
@Entity
@Table(name = "staff_member")
@NamedQuery(name = StaffMember.FIND_BY_BUSINESS,
        query = "select s from StaffMember s where s.business = :business order by s.pk")
@NamedQuery(name = StaffMember.FIND_BY_IDS,
        query = "select s from StaffMember s where s.business = :business and s.id in :ids")
public class StaffMember {

    public static final String FIND_BY_BUSINESS = "StaffMember.findByBusiness";
    public static final String FIND_BY_IDS = "StaffMember.findByIds";

    @Id
    @SequenceGenerator(name = "booking_seq", sequenceName = "booking_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "booking_seq")
    private Long pk;

    @Column(nullable = false, updatable = false)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "business_pk", nullable = false, updatable = false)
    private BookingBusiness business;

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

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected StaffMember() {
    }

    public StaffMember(String id, BookingBusiness business, OffsetDateTime now) {
        this.id = id;
        this.business = business;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String id() {
        return id;
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

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
