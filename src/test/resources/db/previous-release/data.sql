-- Data as the previous release (schema version 3) holds it: one tenant's business with a service, a staff member,
-- a customer, a booked appointment and a cancelled one with its sent notice. MigrationsIT and the cluster tests
-- install it before upgrading, then check that every row survived and that the service reads it.
-- Portable SQL: H2 2.x and PostgreSQL.

insert into booking_business (pk, tenant_id, id, id_key, display_name, email, phone, web_site_url, business_type,
    default_currency_iso, language_tag, address_json, business_hours_json, time_slot_interval, minimum_lead_time,
    maximum_advance, send_confirmations_to_owner, allow_staff_selection, is_published, created_at, updated_at, version)
values (-1, 'tenant-previous-release', 'FourthCoffee@bookings.example', 'fourthcoffee@bookings.example', 'Fourth Coffee',
    'owner@fourthcoffee.example', '+1 206 555 0100', 'https://fourthcoffee.example', 'Coffee', 'USD', 'en-US',
    '{"street": "1 Main St", "city": "Seattle"}', null, 'PT30M', 'PT1H', 'P30D', true, true, false,
    timestamp with time zone '2026-01-01 09:00:00+00:00', timestamp with time zone '2026-01-01 09:00:00+00:00', 1);

insert into booking_service (pk, id, business_pk, display_name, description, notes, default_duration, default_price,
    default_price_type, pre_buffer, post_buffer, maximum_attendees_count, is_hidden_from_customers, is_location_online,
    sms_notifications_enabled, staff_member_ids_json, default_location_json, default_reminders_json,
    additional_information, created_at, updated_at, version)
values (-2, 'service-previous-release', -1, 'Tasting', 'A coffee tasting', null, 'PT1H', 10.0, 'fixedPrice', null, null,
    4, false, false, false, '[]', null, null, null,
    timestamp with time zone '2026-01-01 09:00:00+00:00', timestamp with time zone '2026-01-01 09:00:00+00:00', 1);

insert into staff_member (pk, id, business_pk, display_name, email_address, role, time_zone, use_business_hours,
    is_email_notification_enabled, availability_is_affected, working_hours_json, created_at, updated_at, version)
values (-3, 'staff-previous-release', -1, 'Dana', 'dana@fourthcoffee.example', 'teamMember', 'America/Los_Angeles', true,
    true, true, null, timestamp with time zone '2026-01-01 09:00:00+00:00',
    timestamp with time zone '2026-01-01 09:00:00+00:00', 1);

insert into booking_customer (pk, id, business_pk, display_name, email_address, phones_json, addresses_json, created_at,
    updated_at, version)
values (-4, 'customer-previous-release', -1, 'Jordan', 'jordan@fourthcoffee.example', '[]', '[]',
    timestamp with time zone '2026-01-01 09:00:00+00:00', timestamp with time zone '2026-01-01 09:00:00+00:00', 1);

insert into appointment (pk, id, business_pk, start_at, end_at, pre_buffer, post_buffer, service_id, service_name,
    service_notes, service_location_json, customer_time_zone, customer_phone, customer_notes, is_location_online,
    join_web_url, anonymous_join_web_url, opt_out_of_customer_email, sms_notifications_enabled,
    is_customer_allowed_to_manage, maximum_attendees_count, price, price_type, reminders_json,
    self_service_appointment_id, appointment_label, additional_information, status, cancelled_at, cancelled_by,
    cancellation_message, created_at, updated_at, version)
values (-5, 'appointment-booked-previous-release', -1, timestamp with time zone '2099-05-01 10:00:00+00:00',
    timestamp with time zone '2099-05-01 11:00:00+00:00', null, null, 'service-previous-release', 'Tasting',
    'Bring a mug', null, 'America/Los_Angeles', null, null, false, null, null, false, false, true, 1, 10.0,
    'fixedPrice', null, null, null, null, 'BOOKED', null, null, null,
    timestamp with time zone '2026-01-02 09:00:00+00:00', timestamp with time zone '2026-01-02 09:00:00+00:00', 1);

insert into appointment (pk, id, business_pk, start_at, end_at, pre_buffer, post_buffer, service_id, service_name,
    service_notes, service_location_json, customer_time_zone, customer_phone, customer_notes, is_location_online,
    join_web_url, anonymous_join_web_url, opt_out_of_customer_email, sms_notifications_enabled,
    is_customer_allowed_to_manage, maximum_attendees_count, price, price_type, reminders_json,
    self_service_appointment_id, appointment_label, additional_information, status, cancelled_at, cancelled_by,
    cancellation_message, created_at, updated_at, version)
values (-6, 'appointment-cancelled-previous-release', -1, timestamp with time zone '2099-05-02 10:00:00+00:00',
    timestamp with time zone '2099-05-02 11:00:00+00:00', null, null, null, 'Tasting', null, null, null, null, null,
    false, null, null, false, false, true, 1, null, 'notSet', null, null, null, null, 'CANCELLED',
    timestamp with time zone '2026-01-03 09:00:00+00:00', 'user-previous-release', 'Closed for the holiday',
    timestamp with time zone '2026-01-02 09:00:00+00:00', timestamp with time zone '2026-01-03 09:00:00+00:00', 2);

insert into appointment_customer (appointment_pk, list_index, customer_id, name, email_address, phone, time_zone, notes,
    location_json)
values (-5, 0, 'customer-previous-release', 'Jordan', 'jordan@fourthcoffee.example', null, 'America/Los_Angeles', null,
    null);

insert into appointment_staff (appointment_pk, list_index, staff_member_id) values (-5, 0, 'staff-previous-release');

insert into notice (pk, id, appointment_pk, recipient_kind, recipient_address, recipient_name, recipient_time_zone,
    status, attempts, next_attempt_at, claimed_by, claimed_until, last_error, created_at, sent_at, version)
values (-7, 'notice-previous-release', -6, 'CUSTOMER', 'jordan@fourthcoffee.example', 'Jordan', null, 'SENT', 1,
    timestamp with time zone '2026-01-03 09:00:00+00:00', null, null, null,
    timestamp with time zone '2026-01-03 09:00:00+00:00', timestamp with time zone '2026-01-03 09:00:01+00:00', 2);
