-- Businesses and appointments. Portable SQL: runs on H2 2.x and PostgreSQL 13+.
-- Every row belongs to a tenant (the token's tid); lookups always include it.

-- EclipseLink reads a pre-allocated block as (value - 49 .. value): the first value must be at least 50.
create sequence booking_seq start with 50 increment by 50;

create table booking_business (
    pk                          bigint primary key,
    tenant_id                   varchar(64)   not null,
    id                          varchar(320)  not null,
    id_key                      varchar(320)  not null,
    display_name                varchar(255)  not null,
    email                       varchar(320),
    phone                       varchar(64),
    web_site_url                varchar(2048),
    business_type               varchar(255),
    default_currency_iso        varchar(8),
    language_tag                varchar(35),
    address_json                varchar(4000),
    business_hours_json         varchar(16000),
    time_slot_interval          varchar(64),
    minimum_lead_time           varchar(64),
    maximum_advance             varchar(64),
    send_confirmations_to_owner boolean       not null,
    allow_staff_selection       boolean       not null,
    is_published                boolean       not null,
    created_at                  timestamp with time zone not null,
    updated_at                  timestamp with time zone not null,
    version                     bigint        not null,
    constraint booking_business_tenant_id unique (tenant_id, id_key)
);

create table appointment (
    pk                                   bigint primary key,
    id                                   varchar(64)   not null,
    business_pk                          bigint        not null references booking_business (pk),
    start_at                             timestamp with time zone not null,
    end_at                               timestamp with time zone not null,
    pre_buffer                           varchar(64),
    post_buffer                          varchar(64),
    service_id                           varchar(255),
    service_name                         varchar(255),
    service_notes                        varchar(4000),
    service_location_json                varchar(4000),
    customer_time_zone                   varchar(64),
    customer_phone                       varchar(64),
    customer_notes                       varchar(4000),
    is_location_online                   boolean       not null,
    join_web_url                         varchar(2048),
    anonymous_join_web_url               varchar(2048),
    opt_out_of_customer_email            boolean       not null,
    sms_notifications_enabled            boolean       not null,
    is_customer_allowed_to_manage        boolean       not null,
    maximum_attendees_count              integer       not null,
    price                                double precision,
    price_type                           varchar(32)   not null,
    reminders_json                       varchar(16000),
    self_service_appointment_id          varchar(255),
    appointment_label                    varchar(255),
    additional_information               varchar(4000),
    status                               varchar(16)   not null,
    cancelled_at                         timestamp with time zone,
    cancelled_by                         varchar(255),
    cancellation_message                 varchar(2000),
    created_at                           timestamp with time zone not null,
    updated_at                           timestamp with time zone not null,
    version                              bigint        not null,
    constraint appointment_id unique (id)
);

create index appointment_business_start on appointment (business_pk, start_at);

create table appointment_customer (
    appointment_pk  bigint        not null references appointment (pk),
    list_index      integer       not null,
    customer_id     varchar(255),
    name            varchar(255),
    email_address   varchar(320),
    phone           varchar(64),
    time_zone       varchar(64),
    notes           varchar(4000),
    location_json   varchar(4000),
    primary key (appointment_pk, list_index)
);

create table appointment_staff (
    appointment_pk  bigint        not null references appointment (pk),
    list_index      integer       not null,
    staff_member_id varchar(255)  not null,
    primary key (appointment_pk, list_index)
);
