/**
 * One transactional outbox for every message the service sends: e-mail to the people around a booking and
 * webhooks to subscribers. A message is recorded in the transaction of the change it tells of (none without a
 * committed change, none lost with one) as an {@code OutboxMessage}, whose one delivery state (status, attempts,
 * next attempt, claim and lease, last error) every kind shares; the kinds keep what they send in a table of their
 * own. {@code OutboxDelivery} runs one delivery round for all kinds: it claims each due message with a conditional
 * update (several instances never send one at once, a dead claimant's lease expires), hands it to the
 * {@code Courier} of its kind, and records the outcome. Messages with one order key (an appointment and one
 * recipient) go out one after another, oldest first.
 * Stands on the ground only: the kinds' packages implement {@code Courier} and record messages, nothing here
 * imports them.
 */
package dev.bookings.outbox;
