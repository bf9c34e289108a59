/**
 * What every component stands on: the data source and its versioned migrations, the Graph API versions and
 * their URL roots, and the reading and writing of Graph's JSON (bodies, date-times, durations).
 * Part of the ground: it imports only {@code errors}, and no component.
 */
package dev.bookings.platform;
