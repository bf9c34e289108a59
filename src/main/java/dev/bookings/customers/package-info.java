/** bookingCustomer: the people a business serves, kept per business. */
package dev.bookings.customers;
