package dev.bookings.subscriptions.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@code bookings.subscriptions.*} settings (src/site/markdown/configuration.md lists them). */
@ApplicationScoped
public class SubscriptionSettings {

    @Inject
    @ConfigProperty(name = "bookings.subscriptions.allowed-url-prefixes")
    List<String> allowedUrlPrefixes;

    @Inject
    @ConfigProperty(name = "bookings.subscriptions.max-expiration-minutes")
    long maxExpirationMinutes;

    @Inject
    @ConfigProperty(name = "bookings.subscriptions.max-per-tenant")
    int maxPerTenant;

    @Inject
    @ConfigProperty(name = "bookings.subscriptions.timeout-seconds")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "bookings.subscriptions.retry-base-seconds")
    long retryBaseSeconds;

    @Inject
    @ConfigProperty(name = "bookings.subscriptions.retry-max-seconds")
    long retryMaxSeconds;

    @Inject
    @ConfigProperty(name = "bookings.subscriptions.remove-after-failing-seconds")
    long removeAfterFailingSeconds;

    @Inject
    @ConfigProperty(name = "bookings.subscriptions.lease-seconds")
    long leaseSeconds;

    /** Whether a subscriber's URL may be called: see {@link AllowedUrls}. */
    public boolean allowed(URI url) {
        return AllowedUrls.allowed(allowedUrlPrefixes, url);
    }

    public List<String> allowedUrlPrefixes() {
        return allowedUrlPrefixes;
    }

    public Duration maxExpiration() {
        return Duration.ofMinutes(maxExpirationMinutes);
    }

    public int maxPerTenant() {
        return maxPerTenant;
    }

    /** Connect and answer timeout of the validation request and of every delivery. */
    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    public Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }

    public Duration removeAfterFailing() {
        return Duration.ofSeconds(removeAfterFailingSeconds);
    }

    /** The wait after the {@code attempts}-th failure: the base, doubled each time, at most the maximum. */
    public Duration backoff(int attempts) {
        long seconds = retryBaseSeconds << Math.min(Math.max(attempts - 1, 0), 20);
        return Duration.ofSeconds(Math.min(Math.max(seconds, 1), retryMaxSeconds));
    }
}
