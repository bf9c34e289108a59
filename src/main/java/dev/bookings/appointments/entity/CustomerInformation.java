package dev.bookings.appointments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One element of an appointment's {@code customers} (Graph's bookingCustomerInformation). */
@Embeddable
public class CustomerInformation {

    @Column(name = "customer_id")
    private String customerId;

    private String name;

    @Column(name = "email_address")
    private String emailAddress;

    private String phone;

    @Column(name = "time_zone")
    private String timeZone;

    private String notes;

    @Column(name = "location_json")
    private String locationJson;

    @Column(name = "custom_question_answers_json")
    private String customQuestionAnswersJson;

    protected CustomerInformation() {
    }

    public CustomerInformation(String customerId, String name, String emailAddress, String phone, String timeZone,
            String notes, String locationJson) {
        this.customerId = customerId;
        this.name = name;
        this.emailAddress = emailAddress;
        this.phone = phone;
        this.timeZone = timeZone;
        this.notes = notes;
        this.locationJson = locationJson;
    }

    public String customerId() {
        return customerId;
    }

    public String name() {
        return name;
    }

    public String emailAddress() {
        return emailAddress;
    }

    public String phone() {
        return phone;
    }

    public String timeZone() {
        return timeZone;
    }

    public String notes() {
        return notes;
    }

    public String locationJson() {
        return locationJson;
    }

    /** The answers to custom questions, a JSON array (null: none). */
    public String customQuestionAnswersJson() {
        return customQuestionAnswersJson;
    }

    public void customQuestionAnswersJson(String customQuestionAnswersJson) {
        this.customQuestionAnswersJson = customQuestionAnswersJson;
    }
}
