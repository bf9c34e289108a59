package dev.bookings.services.entity;

import dev.bookings.platform.Buffers;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.businesses.entity.BusinessItem;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;

/** A bookingService of one business. */
@Entity
@Table(name = "booking_service")
public class BookingService extends BusinessItem {

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String description;

    private String notes;

    @Column(name = "default_duration")
    private Duration defaultDuration;

    @Column(name = "default_price")
    private Double defaultPrice;

    @Column(name = "default_price_type", nullable = false)
    private String defaultPriceType = "undefined";

    @Embedded
    private Buffers buffers = new Buffers();

    @Column(name = "maximum_attendees_count", nullable = false)
    private int maximumAttendeesCount = 1;

    @Column(name = "is_hidden_from_customers", nullable = false)
    private boolean hiddenFromCustomers;

    @Column(name = "is_location_online", nullable = false)
    private boolean locationOnline;

    @Column(name = "sms_notifications_enabled", nullable = false)
    private boolean smsNotificationsEnabled;

    @Column(name = "is_customer_allowed_to_manage", nullable = false)
    private boolean customerAllowedToManageBooking;

    @Column(name = "staff_member_ids_json")
    private String staffMemberIdsJson;

    @Column(name = "default_location_json")
    private String defaultLocationJson;

    @Column(name = "default_reminders_json")
    private String defaultRemindersJson;

    @Column(name = "custom_questions_json")
    private String customQuestionsJson;

    @Column(name = "additional_information")
    private String additionalInformation;

    protected BookingService() {
    }

    public BookingService(String id, BookingBusiness business, OffsetDateTime now) {
        super(id, business, now);
    }

    public String displayName() {
        return displayName;
    }

    public void displayName(String value) {
        this.displayName = value;
    }

    public String description() {
        return description;
    }

    public void description(String value) {
        this.description = value;
    }

    public String notes() {
        return notes;
    }

    public void notes(String value) {
        this.notes = value;
    }

    public Duration defaultDuration() {
        return defaultDuration;
    }

    public void defaultDuration(Duration value) {
        this.defaultDuration = value;
    }

    public Double defaultPrice() {
        return defaultPrice;
    }

    public void defaultPrice(Double value) {
        this.defaultPrice = value;
    }

    public String defaultPriceType() {
        return defaultPriceType;
    }

    public void defaultPriceType(String value) {
        this.defaultPriceType = value;
    }

    /** Its {@code preBuffer} and {@code postBuffer}, to read and to change. */
    public Buffers buffers() {
        if (buffers == null) { // EclipseLink leaves an embeddable whose columns are all null as null
            buffers = new Buffers();
        }
        return buffers;
    }

    public int maximumAttendeesCount() {
        return maximumAttendeesCount;
    }

    public void maximumAttendeesCount(int value) {
        this.maximumAttendeesCount = value;
    }

    public boolean hiddenFromCustomers() {
        return hiddenFromCustomers;
    }

    public void hiddenFromCustomers(boolean value) {
        this.hiddenFromCustomers = value;
    }

    public boolean locationOnline() {
        return locationOnline;
    }

    public void locationOnline(boolean value) {
        this.locationOnline = value;
    }

    /** Whether customers may manage the appointments of this service themselves, unless an appointment says. */
    public boolean customerAllowedToManageBooking() {
        return customerAllowedToManageBooking;
    }

    public void customerAllowedToManageBooking(boolean value) {
        this.customerAllowedToManageBooking = value;
    }

    public boolean smsNotificationsEnabled() {
        return smsNotificationsEnabled;
    }

    public void smsNotificationsEnabled(boolean value) {
        this.smsNotificationsEnabled = value;
    }

    public String staffMemberIdsJson() {
        return staffMemberIdsJson;
    }

    public void staffMemberIdsJson(String value) {
        this.staffMemberIdsJson = value;
    }

    public String defaultLocationJson() {
        return defaultLocationJson;
    }

    public void defaultLocationJson(String value) {
        this.defaultLocationJson = value;
    }

    public String defaultRemindersJson() {
        return defaultRemindersJson;
    }

    public void defaultRemindersJson(String value) {
        this.defaultRemindersJson = value;
    }

    public String additionalInformation() {
        return additionalInformation;
    }

    public void additionalInformation(String value) {
        this.additionalInformation = value;
    }

    public String customQuestionsJson() {
        return customQuestionsJson;
    }

    public void customQuestionsJson(String customQuestionsJson) {
        this.customQuestionsJson = customQuestionsJson;
    }
}
