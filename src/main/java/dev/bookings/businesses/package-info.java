/**
 * bookingBusiness: the tenant's businesses, each with a scheduling policy ({@code minimumLeadTime} and the like)
 * that the appointment use cases consult, and the items of a business (services, staff, customers, custom
 * questions) served alike. Stands on {@code currencies} and the ground ({@code errors}, {@code platform},
 * {@code security}); the URL tree's root ({@code api}) hands requests to it, and the components of a business's
 * items and appointments stand on it.
 */
package dev.bookings.businesses;
