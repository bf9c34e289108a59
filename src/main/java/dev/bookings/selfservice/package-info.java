/**
 * Customers manage their own booking: a signed link in every mail to a customer of an appointment that allows it
 * ({@code isCustomerAllowedToManageBooking}), and the page behind it ({@code ManagePage}): server-rendered HTML that
 * shows the appointment and cancels it through the same use case as the API. The link's token is signed with a key
 * of the service's configuration ({@code bookings.manage.keys}), names one appointment and one customer, and stops
 * working when the appointment ends; without a valid token nothing of the appointment is reachable.
 * Stands on {@code appointments}, {@code businesses}, {@code staff} and the ground; {@code notifications} puts its
 * links into mails.
 */
package dev.bookings.selfservice;
