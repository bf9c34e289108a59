-- Staff members of a business, and the outbox of cancellation notices.
-- Portable SQL: runs on H2 2.x and PostgreSQL 13+.

create table staff_member (
    pk                              bigint primary key,
    id                              varchar(64)   not null,
    business_pk                     bigint        not null references booking_business (pk),
    display_name                    varchar(255)  not null,
    email_address                   varchar(320)  not null,
    role                            varchar(32)   not null,
    time_zone                       varchar(64),
    use_business_hours              boolean       not null,
    is_email_notification_enabled   boolean       not null,
    availability_is_affected        boolean       not null,
    working_hours_json              varchar(16000),
    created_at                      timestamp with time zone not null,
    updated_at                      timestamp with time zone not null,
    version                         bigint        not null,
    constraint staff_member_id unique (id)
);

create index staff_member_business on staff_member (business_pk);

-- One row per recipient of a cancellation, written in the cancel's own transaction (a transactional
-- outbox): a cancel that rolls back leaves none, one that commits leaves all. Delivery claims a row with a
-- conditional update (status, lease), so several server instances never send the same notice at once.
create table notice (
    pk                  bigint primary key,
    id                  varchar(64)   not null,
    appointment_pk      bigint        not null references appointment (pk),
    recipient_kind      varchar(16)   not null,
    recipient_address   varchar(320)  not null,
    recipient_name      varchar(255),
    recipient_time_zone varchar(64),
    status              varchar(16)   not null,
    attempts            integer       not null,
    next_attempt_at     timestamp with time zone not null,
    claimed_by          varchar(128),
    claimed_until       timestamp with time zone,
    last_error          varchar(2000),
    created_at          timestamp with time zone not null,
    sent_at             timestamp with time zone,
    version             bigint        not null,
    constraint notice_id unique (id)
);

create index notice_due on notice (status, next_attempt_at);
create index notice_appointment on notice (appointment_pk);
