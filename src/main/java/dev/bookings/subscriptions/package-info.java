/**
 * Change notifications for appointments, the way Graph offers them for other resources: {@code subscriptions}
 * (validated by Graph's handshake, limited to allowed URL prefixes, expiring), and webhooks delivered through a
 * transactional outbox: the appointment use cases' {@code AppointmentChange} events record one
 * {@code ChangeNotification} per matching subscription in the changing transaction; {@code ChangeNotificationDelivery}
 * POSTs them, claiming each with a conditional update (several instances never send one twice at once), retrying
 * with exponential backoff, and removing a subscription whose endpoint keeps failing, with a lifecycle
 * notification.
 * Stands on {@code appointments}, {@code businesses} and the ground; it observes the appointment use cases' events, so
 * nothing below imports it.
 */
package dev.bookings.subscriptions;
