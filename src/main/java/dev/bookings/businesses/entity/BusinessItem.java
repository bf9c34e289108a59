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

    /**
     * The JPQL condition "item {@code e} belongs to the business whose pk is {@code :businessPk}", for look-ups by
     * {@code id}. It is written so that no index can serve it, on purpose: the look-up must go through the unique
     * index on {@code id}. PostgreSQL's planner sees every index of a table created on an empty table (Flyway's) as
     * empty until the table is first analyzed, and with {@code business_pk = ?} next to {@code id = ?} it then took
     * the business's index ({@code appointment_business_start}) as often as the unique one, reading every row of
     * the business per look-up: 5 ms of database CPU per GET at 10,000 appointments, on a database that autovacuum
     * does not analyze (src/site/markdown/benchmark.md). The business still filters the row in the same statement, so a
     * {@code FOR UPDATE} never locks another business's row; it reads the column, not the relation, so that no join
     * to {@code booking_business} is added, whose row the {@code FOR UPDATE} would lock as well. {@code QueryPlansIT}
     * checks the plans.
     */
    public static final String OF_BUSINESS = "coalesce(e.businessPk, 0) = :businessPk";

    @Id
    @SequenceGenerator(name = "booking_seq", sequenceName = "booking_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "booking_seq")
    private Long pk;

    @Column(nullable = false, updatable = false)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "business_pk", nullable = false, updatable = false)
    private BookingBusiness business;

    /** The same column as {@link #business}, read only: for {@link #OF_BUSINESS}. */
    @Column(name = "business_pk", insertable = false, updatable = false)
    private Long businessPk;

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
        this.businessPk = business.pk();
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
