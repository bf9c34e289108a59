package dev.bookings.businesses.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;

/** A bookingBusiness of one tenant. Its Graph id is SMTP-like and unique within the tenant. */
@Entity
@Table(name = "booking_business")
@NamedQuery(name = BookingBusiness.FIND_BY_ID,
        query = "select b from BookingBusiness b where b.tenantId = :tenantId and b.idKey = :idKey")
public class BookingBusiness {

    public static final String FIND_BY_ID = "BookingBusiness.findById";

    @Id
    @SequenceGenerator(name = "booking_seq", sequenceName = "booking_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "booking_seq")
    private Long pk;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(nullable = false, updatable = false)
    private String id;

    @Column(name = "id_key", nullable = false, updatable = false)
    private String idKey;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String email;
    private String phone;

    @Column(name = "web_site_url")
    private String webSiteUrl;

    @Column(name = "business_type")
    private String businessType;

    @Column(name = "default_currency_iso")
    private String defaultCurrencyIso;

    @Column(name = "language_tag")
    private String languageTag;

    @Column(name = "address_json")
    private String addressJson;

    @Column(name = "business_hours_json")
    private String businessHoursJson;

    @Column(name = "time_slot_interval")
    private Duration timeSlotInterval;

    @Column(name = "minimum_lead_time")
    private Duration minimumLeadTime;

    @Column(name = "maximum_advance")
    private Duration maximumAdvance;

    @Column(name = "send_confirmations_to_owner", nullable = false)
    private boolean sendConfirmationsToOwner;

    @Column(name = "allow_staff_selection", nullable = false)
    private boolean allowStaffSelection;

    @Column(name = "is_published", nullable = false)
    private boolean published;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /** The longest appointment the business has had, which bounds calendarView's search (V6 migration). */
    @Column(name = "longest_appointment_seconds", nullable = false)
    private long longestAppointmentSeconds;

    @Version
    private long version;

    protected BookingBusiness() {
    }

    public BookingBusiness(String tenantId, String id, String displayName, OffsetDateTime now) {
        this.tenantId = tenantId;
        this.id = id;
        this.idKey = keyOf(id);
        this.displayName = displayName;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Business ids are compared like e-mail addresses: without regard to case. */
    public static String keyOf(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    /** The entity tag: changes whenever the business does. */
    public String etag() {
        return dev.bookings.platform.Etags.of(pk, version);
    }

    public Long pk() {
        return pk;
    }

    public String tenantId() {
        return tenantId;
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

    public String email() {
        return email;
    }

    public void email(String email) {
        this.email = email;
    }

    public String phone() {
        return phone;
    }

    public void phone(String phone) {
        this.phone = phone;
    }

    public String webSiteUrl() {
        return webSiteUrl;
    }

    public void webSiteUrl(String webSiteUrl) {
        this.webSiteUrl = webSiteUrl;
    }

    public String businessType() {
        return businessType;
    }

    public void businessType(String businessType) {
        this.businessType = businessType;
    }

    public String defaultCurrencyIso() {
        return defaultCurrencyIso;
    }

    public void defaultCurrencyIso(String defaultCurrencyIso) {
        this.defaultCurrencyIso = defaultCurrencyIso;
    }

    public String languageTag() {
        return languageTag;
    }

    public void languageTag(String languageTag) {
        this.languageTag = languageTag;
    }

    public String addressJson() {
        return addressJson;
    }

    public void addressJson(String addressJson) {
        this.addressJson = addressJson;
    }

    public String businessHoursJson() {
        return businessHoursJson;
    }

    public void businessHoursJson(String businessHoursJson) {
        this.businessHoursJson = businessHoursJson;
    }

    public Duration timeSlotInterval() {
        return timeSlotInterval;
    }

    public void timeSlotInterval(Duration value) {
        this.timeSlotInterval = value;
    }

    /** How long before an appointment's start it may no longer be booked or cancelled by an application. */
    public Duration minimumLeadTime() {
        return minimumLeadTime;
    }

    public void minimumLeadTime(Duration value) {
        this.minimumLeadTime = value;
    }

    public Duration maximumAdvance() {
        return maximumAdvance;
    }

    public void maximumAdvance(Duration value) {
        this.maximumAdvance = value;
    }

    public boolean sendConfirmationsToOwner() {
        return sendConfirmationsToOwner;
    }

    public void sendConfirmationsToOwner(boolean value) {
        this.sendConfirmationsToOwner = value;
    }

    public boolean allowStaffSelection() {
        return allowStaffSelection;
    }

    public void allowStaffSelection(boolean value) {
        this.allowStaffSelection = value;
    }

    public boolean published() {
        return published;
    }

    public void published(boolean published) {
        this.published = published;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public void touch(OffsetDateTime now) {
        this.updatedAt = now;
    }

    /** The longest appointment this business has had (never shorter than any it has now). */
    public Duration longestAppointment() {
        return Duration.ofSeconds(longestAppointmentSeconds);
    }
}
