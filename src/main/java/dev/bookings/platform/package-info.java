/**
 * What every component stands on: the data source and its versioned migrations, the Graph API versions and
 * their URL roots, and the reading and writing of Graph's JSON (bodies, date-times, durations).
 */
package dev.bookings.platform;
