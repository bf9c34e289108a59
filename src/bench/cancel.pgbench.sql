-- The SQL of one cancel (POST …/appointments/{id}/cancel), for pgbench; src/bench/run runs it on PostgreSQL with
-- -M prepared (as the JDBC driver sends prepared statements), the same clients and seconds as wrk, and the
-- server stopped. Per transaction: the business by tenant and key, the appointment by id (its business as a filter
-- that no index serves, as BusinessItem.OF_BUSINESS writes it) locked FOR UPDATE, the update of its cancellation
-- columns and version, commit; the columns are what EclipseLink reads and writes (seen in PostgreSQL's
-- log_statement = all). Left out, though the application's cancel sends them too:
-- its reads of the appointment's appointment_customer and appointment_staff rows, of the business's subscriptions,
-- and the INSERT of one notice row per recipient (AppointmentChange's observers), all in the same transaction; the
-- business is read before that transaction begins.
-- Variables from src/bench/run: tenant, key (the business's id_key), bpk (its pk), per (rows per client), i=0.
-- bench_cancel_ids (n, pk, id) lists booked appointments of the benchmark's business; each client walks its own
-- slice of it (pgbench keeps a client's variables from one transaction to the next), so every transaction takes a
-- row nobody changed before, until a client has used up its slice of per rows.
\set i :i + 1
\set r 1 + :client_id * :per + (:i - 1) % :per
BEGIN;
SELECT * FROM booking_business WHERE tenant_id = :tenant AND id_key = :key;
SELECT * FROM appointment WHERE id = (SELECT id FROM bench_cancel_ids WHERE n = :r) AND coalesce(business_pk, 0) = :bpk FOR UPDATE;
UPDATE appointment SET status = 'CANCELLED', cancelled_at = now(), cancelled_by = 'pgbench',
    cancellation_message = 'Closed', updated_at = now(), version = version + 1
  WHERE pk = (SELECT pk FROM bench_cancel_ids WHERE n = :r);
COMMIT;
