package dev.bookings.appointments.entity;

import dev.bookings.platform.Buffers;
import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.businesses.entity.BusinessItem;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A bookingAppointment. Cancelling does not delete it: the row stays with {@link AppointmentStatus#CANCELLED},
 * when, by whom and the message, and the API no longer shows it.
 */
@Entity
@Table(name = "appointment")
// By id, the unique key, with the business as a filter the index on (business_pk, start_at) cannot serve: see
// BusinessItem.OF_BUSINESS.
@NamedQuery(name = Appointment.FIND_BY_ID,
        query = "select e from Appointment e where e.id = :id and " + BusinessItem.OF_BUSINESS)
@NamedQuery(name = Appointment.BOOKED_FOR_STAFF, query = "select distinct a from Appointment a join a.staffMemberIds s"
        + " where a.business = :business and a.status = dev.bookings.appointments.entity.AppointmentStatus.BOOKED"
        + " and s in :staff and a.start < :to and a.end > :from")
public class Appointment extends BusinessItem {

    public static final String FIND_BY_ID = "Appointment.findById";
    public static final String BOOKED_FOR_STAFF = "Appointment.bookedForStaff";

    @Column(name = "start_at", nullable = false)
    private OffsetDateTime start;

    @Column(name = "end_at", nullable = false)
    private OffsetDateTime end;

    @Embedded
    private Buffers buffers = new Buffers();

    @Column(name = "service_id")
    private String serviceId;

    @Column(name = "service_name")
    private String serviceName;

    @Column(name = "service_notes")
    private String serviceNotes;

    @Column(name = "service_location_json")
    private String serviceLocationJson;

    @Column(name = "customer_time_zone")
    private String customerTimeZone;

    @Column(name = "customer_phone")
    private String customerPhone;

    @Column(name = "customer_notes")
    private String customerNotes;

    @Column(name = "is_location_online", nullable = false)
    private boolean locationOnline;

    @Column(name = "join_web_url")
    private String joinWebUrl;

    @Column(name = "anonymous_join_web_url")
    private String anonymousJoinWebUrl;

    @Column(name = "opt_out_of_customer_email", nullable = false)
    private boolean optOutOfCustomerEmail;

    @Column(name = "sms_notifications_enabled", nullable = false)
    private boolean smsNotificationsEnabled;

    @Column(name = "is_customer_allowed_to_manage", nullable = false)
    private boolean customerAllowedToManageBooking;

    @Column(name = "maximum_attendees_count", nullable = false)
    private int maximumAttendeesCount = 1;

    private Double price;

    @Column(name = "price_type", nullable = false)
    private String priceType = "undefined";

    @Column(name = "reminders_json")
    private String remindersJson;

    @Column(name = "self_service_appointment_id")
    private String selfServiceAppointmentId;

    @Column(name = "appointment_label")
    private String appointmentLabel;

    @Column(name = "additional_information")
    private String additionalInformation;

    // a page of appointments loads its customers, and its staff, in one query each, not one per appointment
    @ElementCollection(fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "appointment_customer", joinColumns = @JoinColumn(name = "appointment_pk"))
    @OrderColumn(name = "list_index")
    private List<CustomerInformation> customers = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "appointment_staff", joinColumns = @JoinColumn(name = "appointment_pk"))
    @OrderColumn(name = "list_index")
    @Column(name = "staff_member_id", nullable = false)
    private List<String> staffMemberIds = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AppointmentStatus status = AppointmentStatus.BOOKED;

    @Column(name = "calendar_sequence", nullable = false)
    private int calendarSequence;

    @Column(name = "cancelled_at")
    private OffsetDateTime cancelledAt;

    @Column(name = "cancelled_by")
    private String cancelledBy;

    @Column(name = "cancellation_message")
    private String cancellationMessage;

    protected Appointment() {
    }

    public Appointment(String id, BookingBusiness business, OffsetDateTime start, OffsetDateTime end, OffsetDateTime now) {
        super(id, business, now);
        this.start = start;
        this.end = end;
    }

    /**
     * Cancels a booked appointment.
     *
     * @return false if it was cancelled already: nothing changes then, the first cancellation stands
     */
    public boolean cancel(OffsetDateTime now, String actor, String message) {
        if (status == AppointmentStatus.CANCELLED) {
            return false;
        }
        status = AppointmentStatus.CANCELLED;
        cancelledAt = now;
        cancelledBy = actor;
        cancellationMessage = message;
        touch(now);
        return true;
    }

    /** iTIP's SEQUENCE of the appointment's calendar entry as its people last heard of it. */
    public int calendarSequence() {
        return calendarSequence;
    }

    /**
     * A change its people are told of: the calendar entry's next SEQUENCE. The use cases take it as they change the
     * appointment, before anything is flushed; the mails read {@link #calendarSequence}.
     */
    public int nextCalendarSequence() {
        return ++calendarSequence;
    }

    public boolean isCancelled() {
        return status == AppointmentStatus.CANCELLED;
    }

    /** Whether the appointment is over at {@code now}: it can no longer be cancelled. */
    public boolean hasEnded(OffsetDateTime now) {
        return !end.isAfter(now);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public OffsetDateTime start() {
        return start;
    }

    public OffsetDateTime end() {
        return end;
    }

    public void schedule(OffsetDateTime start, OffsetDateTime end) {
        this.start = start;
        this.end = end;
    }

    /** Its {@code preBuffer} and {@code postBuffer}, to read and to change. */
    public Buffers buffers() {
        if (buffers == null) { // EclipseLink leaves an embeddable whose columns are all null as null
            buffers = new Buffers();
        }
        return buffers;
    }

    /** When it begins to keep its staff busy: its start less its {@code preBuffer}. */
    public OffsetDateTime busyFrom() {
        return buffers().busyFrom(start);
    }

    /** When it stops keeping its staff busy: its end plus its {@code postBuffer}. */
    public OffsetDateTime busyUntil() {
        return buffers().busyUntil(end);
    }

    public String serviceId() {
        return serviceId;
    }

    public void serviceId(String serviceId) {
        this.serviceId = serviceId;
    }

    public String serviceName() {
        return serviceName;
    }

    public void serviceName(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceNotes() {
        return serviceNotes;
    }

    public void serviceNotes(String serviceNotes) {
        this.serviceNotes = serviceNotes;
    }

    public String serviceLocationJson() {
        return serviceLocationJson;
    }

    public void serviceLocationJson(String serviceLocationJson) {
        this.serviceLocationJson = serviceLocationJson;
    }

    public String customerTimeZone() {
        return customerTimeZone;
    }

    public void customerTimeZone(String customerTimeZone) {
        this.customerTimeZone = customerTimeZone;
    }

    public String customerPhone() {
        return customerPhone;
    }

    public void customerPhone(String customerPhone) {
        this.customerPhone = customerPhone;
    }

    public String customerNotes() {
        return customerNotes;
    }

    public void customerNotes(String customerNotes) {
        this.customerNotes = customerNotes;
    }

    public boolean locationOnline() {
        return locationOnline;
    }

    public void locationOnline(boolean locationOnline) {
        this.locationOnline = locationOnline;
    }

    public String joinWebUrl() {
        return joinWebUrl;
    }

    public void joinWebUrl(String joinWebUrl) {
        this.joinWebUrl = joinWebUrl;
    }

    public String anonymousJoinWebUrl() {
        return anonymousJoinWebUrl;
    }

    public void anonymousJoinWebUrl(String anonymousJoinWebUrl) {
        this.anonymousJoinWebUrl = anonymousJoinWebUrl;
    }

    public boolean optOutOfCustomerEmail() {
        return optOutOfCustomerEmail;
    }

    public void optOutOfCustomerEmail(boolean value) {
        this.optOutOfCustomerEmail = value;
    }

    public boolean smsNotificationsEnabled() {
        return smsNotificationsEnabled;
    }

    public void smsNotificationsEnabled(boolean value) {
        this.smsNotificationsEnabled = value;
    }

    public boolean customerAllowedToManageBooking() {
        return customerAllowedToManageBooking;
    }

    public void customerAllowedToManageBooking(boolean value) {
        this.customerAllowedToManageBooking = value;
    }

    public int maximumAttendeesCount() {
        return maximumAttendeesCount;
    }

    public void maximumAttendeesCount(int value) {
        this.maximumAttendeesCount = value;
    }

    public Double price() {
        return price;
    }

    public void price(Double price) {
        this.price = price;
    }

    public String priceType() {
        return priceType;
    }

    public void priceType(String priceType) {
        this.priceType = priceType;
    }

    public String remindersJson() {
        return remindersJson;
    }

    public void remindersJson(String remindersJson) {
        this.remindersJson = remindersJson;
    }

    public String selfServiceAppointmentId() {
        return selfServiceAppointmentId;
    }

    public void selfServiceAppointmentId(String value) {
        this.selfServiceAppointmentId = value;
    }

    public String appointmentLabel() {
        return appointmentLabel;
    }

    public void appointmentLabel(String appointmentLabel) {
        this.appointmentLabel = appointmentLabel;
    }

    public String additionalInformation() {
        return additionalInformation;
    }

    public void additionalInformation(String additionalInformation) {
        this.additionalInformation = additionalInformation;
    }

    public List<CustomerInformation> customers() {
        return customers;
    }

    public void customers(List<CustomerInformation> customers) {
        this.customers.clear();
        this.customers.addAll(customers);
    }

    public List<String> staffMemberIds() {
        return staffMemberIds;
    }

    public void staffMemberIds(List<String> staffMemberIds) {
        this.staffMemberIds.clear();
        this.staffMemberIds.addAll(staffMemberIds);
    }

    public AppointmentStatus status() {
        return status;
    }

    public OffsetDateTime cancelledAt() {
        return cancelledAt;
    }

    public String cancelledBy() {
        return cancelledBy;
    }

    public String cancellationMessage() {
        return cancellationMessage;
    }

}
