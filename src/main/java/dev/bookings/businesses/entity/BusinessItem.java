package dev.bookings.businesses.entity;

import dev.bookings.platform.Etags;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** What every item of a business (appointment, service, staff member, customer) has: an id, its business, timestamps. */
@MappedSuperclass
public abstract class BusinessItem {

    @Id
    @SequenceGenerator(name = "booking_seq", sequenceName = "booking_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "booking_seq")
    private Long pk;

    @Column(nullable = false, updatable = false)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "business_pk", nullable = false, updatable = false)
    private BookingBusiness business;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected BusinessItem() {
    }

    protected BusinessItem(String id, BookingBusiness business, OffsetDateTime now) {
        this.id = id;
        this.business = business;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long pk() {
        return pk;
    }

    public String id() {
        return id;
    }

    public long version() {
        return version;
    }

    /** The entity tag: changes whenever the item does. */
    public String etag() {
        return Etags.of(pk, version);
    }

    public BookingBusiness business() {
        return business;
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
}
