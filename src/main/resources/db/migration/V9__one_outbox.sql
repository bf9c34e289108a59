-- One outbox for every message: the delivery state of mails and webhooks in one table (outbox_message), what each
-- kind sends in a table of its own (mail_message, change_notification) under the same primary key. Mails now keep
-- what they say, rendered when their change is recorded: a mail about a deleted appointment needs no appointment
-- row, and a later change does not alter an earlier mail. Messages with one order key (an appointment and one
-- recipient) go out one after another. Rows recorded before keep their state; their mails are rendered at
-- delivery as before (no subject stored).
-- Portable SQL: runs on H2 2.x and PostgreSQL 13+.

create table outbox_message (
    pk                  bigint        primary key,
    id                  varchar(64)   not null,
    kind                varchar(16)   not null,
    order_key           varchar(400),
    status              varchar(16)   not null,
    attempts            integer       not null,
    next_attempt_at     timestamp with time zone not null,
    claimed_by          varchar(200),
    lease_until         timestamp with time zone,
    last_error          varchar(2000),
    created_at          timestamp with time zone not null,
    sent_at             timestamp with time zone,
    version             bigint        not null,
    constraint outbox_message_id unique (id)
);

create index outbox_message_due on outbox_message (status, next_attempt_at);
create index outbox_message_order on outbox_message (order_key, pk);

insert into outbox_message (pk, id, kind, order_key, status, attempts, next_attempt_at, claimed_by, lease_until,
        last_error, created_at, sent_at, version)
    select pk, id, 'MAIL', null, status, attempts, next_attempt_at, claimed_by, claimed_until, last_error, created_at,
        sent_at, version from notice;

insert into outbox_message (pk, id, kind, order_key, status, attempts, next_attempt_at, claimed_by, lease_until,
        last_error, created_at, sent_at, version)
    select pk, id, 'WEBHOOK', null, status, attempts, next_attempt_at, claimed_by, lease_until, last_error, created_at,
        sent_at, version from change_notification;

create table mail_message (
    pk                  bigint        primary key references outbox_message (pk) on delete cascade,
    business_pk         bigint        not null,
    appointment_pk      bigint,
    appointment_id      varchar(64),
    message_kind        varchar(16)   not null,
    recipient_kind      varchar(16)   not null,
    recipient_address   varchar(320)  not null,
    recipient_name      varchar(255),
    recipient_time_zone varchar(64),
    subject             varchar(1000),
    body_text           varchar(100000),
    body_html           varchar(200000),
    calendar            varchar(100000)
);

create index mail_message_business on mail_message (business_pk);
create index mail_message_appointment on mail_message (appointment_id);

insert into mail_message (pk, business_pk, appointment_pk, appointment_id, message_kind, recipient_kind,
        recipient_address, recipient_name, recipient_time_zone)
    select n.pk, a.business_pk, a.pk, a.id, 'CANCELLED', n.recipient_kind, n.recipient_address, n.recipient_name,
        n.recipient_time_zone from notice n join appointment a on a.pk = n.appointment_pk;

drop table notice;

drop index change_notification_due;
alter table change_notification drop constraint change_notification_id;
alter table change_notification drop column id;
alter table change_notification drop column status;
alter table change_notification drop column attempts;
alter table change_notification drop column next_attempt_at;
alter table change_notification drop column claimed_by;
alter table change_notification drop column lease_until;
alter table change_notification drop column last_error;
alter table change_notification drop column created_at;
alter table change_notification drop column sent_at;
alter table change_notification drop column version;
alter table change_notification add constraint change_notification_message foreign key (pk)
    references outbox_message (pk) on delete cascade;

-- iTIP's SEQUENCE of the appointment's calendar entry: grows with every change its people are told of
alter table appointment add column calendar_sequence integer default 0 not null;
