-- Every keyed write inserts a record: one index entry fewer per insert. The per-tenant bound is enforced by the
-- background purge, which reads the whole table for it anyway (the count of records per tenant); the trim of a tenant
-- over its bound scans the table too, and runs only for such a tenant.
-- Portable SQL: runs on H2 2.x and PostgreSQL 13+.

drop index idempotent_request_tenant;
