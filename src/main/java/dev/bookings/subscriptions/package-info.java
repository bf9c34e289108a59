/**
 * Change notifications for appointments, the way Graph offers them for other resources: {@code subscriptions}
 * (validated by Graph's handshake, limited to allowed URL prefixes, expiring), and webhooks delivered through a
 * transactional outbox: the appointment use cases' {@code AppointmentChange} events record one
 * {@code ChangeNotification} per matching subscription in the changing transaction, in the {@code outbox};
 * {@code WebhookCourier} POSTs them (the outbox claims each, so several instances never send one twice at once),
 * retrying with exponential backoff, and removes a subscription whose endpoint keeps failing, with a lifecycle
 * notification.
 * Stands on {@code outbox}, {@code appointments}, {@code businesses} and the ground; it observes the appointment use cases' events, so
 * nothing below imports it.
 */
package dev.bookings.subscriptions;
