-- Graph's bookingService.isCustomerAllowedToManageBooking: an appointment booked for the service without saying
-- takes it, and its customers then get a manage link. Graph's default is false.
-- Portable SQL: runs on H2 2.x and PostgreSQL 13+.

alter table booking_service add column is_customer_allowed_to_manage boolean default false not null;
