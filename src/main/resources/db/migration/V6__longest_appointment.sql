-- calendarView asks for the appointments overlapping a window: start before its end and end after its start. The
-- index on (business_pk, start_at) bounds only the first condition, so a business's whole history was read for a
-- window at its end. Each business now records the longest appointment it has had, and calendarView also asks for
-- start >= window start - that length, a range the index bounds on both sides (README, "Benchmark").
alter table booking_business add column longest_appointment_seconds bigint default 0 not null;

update booking_business set longest_appointment_seconds = coalesce(
    (select cast(ceiling(max(extract(epoch from a.end_at) - extract(epoch from a.start_at))) as bigint)
       from appointment a where a.business_pk = booking_business.pk), 0);
