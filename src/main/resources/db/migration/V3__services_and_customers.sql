-- Services and customers of a business. Portable SQL: runs on H2 2.x and PostgreSQL 13+.

create table booking_service (
    pk                          bigint primary key,
    id                          varchar(64)   not null,
    business_pk                 bigint        not null references booking_business (pk),
    display_name                varchar(255)  not null,
    description                 varchar(4000),
    notes                       varchar(4000),
    default_duration            varchar(64),
    default_price               double precision,
    default_price_type          varchar(32)   not null,
    pre_buffer                  varchar(64),
    post_buffer                 varchar(64),
    maximum_attendees_count     integer       not null,
    is_hidden_from_customers    boolean       not null,
    is_location_online          boolean       not null,
    sms_notifications_enabled   boolean       not null,
    staff_member_ids_json       varchar(16000),
    default_location_json       varchar(4000),
    default_reminders_json      varchar(16000),
    additional_information      varchar(4000),
    created_at                  timestamp with time zone not null,
    updated_at                  timestamp with time zone not null,
    version                     bigint        not null,
    constraint booking_service_id unique (id)
);

create index booking_service_business on booking_service (business_pk);

create table booking_customer (
    pk                          bigint primary key,
    id                          varchar(64)   not null,
    business_pk                 bigint        not null references booking_business (pk),
    display_name                varchar(255)  not null,
    email_address               varchar(320),
    phones_json                 varchar(4000),
    addresses_json              varchar(8000),
    created_at                  timestamp with time zone not null,
    updated_at                  timestamp with time zone not null,
    version                     bigint        not null,
    constraint booking_customer_id unique (id)
);

create index booking_customer_business on booking_customer (business_pk);
