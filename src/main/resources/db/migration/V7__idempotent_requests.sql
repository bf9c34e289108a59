-- The answers of write requests that carried an Idempotency-Key or a client-request-id, kept for their repeats, and
-- the named row locks that serialise what a unique key alone cannot (the ids of a tenant's new businesses).
-- Portable SQL: runs on H2 2.x and PostgreSQL 13+.

create table idempotent_request (
    id              varchar(64)     primary key,
    tenant_id       varchar(128)    not null,
    fingerprint     varchar(64)     not null,
    status          integer         not null,
    headers_json    varchar(4000),
    body            varchar(262144),
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null
);

create index idempotent_request_expiry on idempotent_request (expires_at);
create index idempotent_request_tenant on idempotent_request (tenant_id, created_at);

create table named_lock (
    name            varchar(200)    primary key
);
