/**
 * Graph's {@code bookingCurrencies}: the currencies a business may price in, read from the JDK's ISO 4217 table
 * (the same for every tenant), and the check that a business's {@code defaultCurrencyIso} is one of them.
 * Stands on the ground only ({@code errors}, {@code platform}, {@code security}).
 */
package dev.bookings.currencies;
