package dev.bookings.idempotency.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A write request's key and, once it is done, its answer. The id is a hash of the caller (tenant and application
 * or user) and the key, so equal keys of two callers are two records; the fingerprint a hash of the method, the
 * path with its query and the body, so the key's reuse for another request is recognised. The row is inserted with
 * the answer in the request's own transaction, just before it commits, or (for a refusal that changed nothing)
 * just after it rolled back.
 */
@Entity
@Table(name = "idempotent_request")
@NamedQueries({
        @NamedQuery(name = IdempotentRequest.EXPIRED,
                query = "select r.id from IdempotentRequest r where r.expiresAt < :now"),
        @NamedQuery(name = IdempotentRequest.TENANTS_OVER,
                query = "select r.tenantId from IdempotentRequest r group by r.tenantId having count(r) > :bound"),
        @NamedQuery(name = IdempotentRequest.OLDEST_OF_TENANT,
                query = "select r.id from IdempotentRequest r where r.tenantId = :tenant order by r.createdAt, r.id"),
        @NamedQuery(name = IdempotentRequest.COUNT_OF_TENANT,
                query = "select count(r) from IdempotentRequest r where r.tenantId = :tenant"),
        @NamedQuery(name = IdempotentRequest.DELETE_IDS,
                query = "delete from IdempotentRequest r where r.id in :ids")})
public class IdempotentRequest {

    public static final String EXPIRED = "IdempotentRequest.expired";
    public static final String TENANTS_OVER = "IdempotentRequest.tenantsOver";
    public static final String OLDEST_OF_TENANT = "IdempotentRequest.oldestOfTenant";
    public static final String COUNT_OF_TENANT = "IdempotentRequest.countOfTenant";
    public static final String DELETE_IDS = "IdempotentRequest.deleteIds";

    @Id
    private String id;

    @Column(name = "tenant_id")
    private String tenantId;

    private String fingerprint;

    private int status;

    @Column(name = "headers_json")
    private String headersJson;

    private String body;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    protected IdempotentRequest() {
    }

    public IdempotentRequest(String id, String tenantId, String fingerprint, OffsetDateTime createdAt,
            OffsetDateTime expiresAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.fingerprint = fingerprint;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Keeps the request's answer. */
    public void answered(int status, String headersJson, String body) {
        this.status = status;
        this.headersJson = headersJson;
        this.body = body;
    }

    public String id() {
        return id;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public int status() {
        return status;
    }

    public String headersJson() {
        return headersJson;
    }

    public String body() {
        return body;
    }

    public boolean expired(OffsetDateTime now) {
        return !expiresAt.isAfter(now);
    }
}
