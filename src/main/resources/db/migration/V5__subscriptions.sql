-- Graph subscriptions to appointments, and the change notifications waiting for (or done with) delivery.
-- Portable SQL: runs on H2 2.x and PostgreSQL 13+.

create table subscription (
    pk                          bigint primary key,
    id                          varchar(64)   not null,
    tenant_id                   varchar(128)  not null,
    application_id              varchar(128),
    creator_id                  varchar(128),
    business_pk                 bigint        not null references booking_business (pk) on delete cascade,
    resource                    varchar(1000) not null,
    change_types                varchar(64)   not null,
    notification_url            varchar(2048) not null,
    lifecycle_notification_url  varchar(2048),
    client_state                varchar(128),
    expires_at                  timestamp with time zone not null,
    failing_since               timestamp with time zone,
    removed_at                  timestamp with time zone,
    created_at                  timestamp with time zone not null,
    version                     bigint        not null,
    constraint subscription_id unique (id)
);

create index subscription_tenant on subscription (tenant_id);
create index subscription_business on subscription (business_pk);

create table change_notification (
    pk                          bigint primary key,
    id                          varchar(64)   not null,
    subscription_pk             bigint        not null references subscription (pk) on delete cascade,
    lifecycle                   boolean       not null,
    payload_json                varchar(16000) not null,
    status                      varchar(16)   not null,
    attempts                    integer       not null,
    next_attempt_at             timestamp with time zone not null,
    claimed_by                  varchar(200),
    lease_until                 timestamp with time zone,
    last_error                  varchar(500),
    created_at                  timestamp with time zone not null,
    sent_at                     timestamp with time zone,
    version                     bigint        not null,
    constraint change_notification_id unique (id)
);

create index change_notification_due on change_notification (status, next_attempt_at);
create index change_notification_subscription on change_notification (subscription_pk);
