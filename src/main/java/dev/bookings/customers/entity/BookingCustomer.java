package dev.bookings.customers.entity;

import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.businesses.entity.BusinessItem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A bookingCustomer of one business. */
@Entity
@Table(name = "booking_customer")
public class BookingCustomer extends BusinessItem {

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "email_address")
    private String emailAddress;

    @Column(name = "phones_json")
    private String phonesJson;

    @Column(name = "addresses_json")
    private String addressesJson;

    protected BookingCustomer() {
    }

    public BookingCustomer(String id, BookingBusiness business, OffsetDateTime now) {
        super(id, business, now);
    }

    public String displayName() {
        return displayName;
    }

    public void displayName(String value) {
        this.displayName = value;
    }

    public String emailAddress() {
        return emailAddress;
    }

    public void emailAddress(String value) {
        this.emailAddress = value;
    }

    public String phonesJson() {
        return phonesJson;
    }

    public void phonesJson(String value) {
        this.phonesJson = value;
    }

    public String addressesJson() {
        return addressesJson;
    }

    public void addressesJson(String value) {
        this.addressesJson = value;
    }
}
