package dev.bookings.selfservice.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.appointments.entity.Appointment;
import dev.bookings.businesses.entity.BookingBusiness;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

class ManageLinksTest {

    static final String A = "a:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String B = "b:" + Base64.getUrlEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    static final OffsetDateTime START = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);

    /** The keys and base URL of a configuration, nothing else. */
    static final class Settings implements Config {
        final Map<String, String> values = new HashMap<>();

        Settings(String keys) {
            values.put(ManageLinks.KEYS, keys);
            values.put("bookings.public-base-url", "https://bookings.contoso.example");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            return Optional.ofNullable((T) values.get(name));
        }

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow();
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }

    static ManageLinks links(String keys) {
        ManageLinks links = new ManageLinks();
        links.config = new Settings(keys);
        return links;
    }

    static Appointment appointment() {
        Appointment appointment = new Appointment("appointment-1", new BookingBusiness("tenant", "cuts@contoso.example",
                "Contoso Cuts", START.minusDays(2)), START, START.plusHours(1), START.minusDays(2));
        appointment.customerAllowedToManageBooking(true);
        appointment.selfServiceAppointmentId("self-1");
        return appointment;
    }

    static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void theFirstKeySignsAndEveryKeyVerifiesSoKeysRotate() {
        String url = links(A).url(appointment(), "Jordan@Contoso.example").orElseThrow();
        assertTrue(url.startsWith("https://bookings.contoso.example/manage/"), url);
        ManageLinks.Link link = links(B + "," + A).verify(token(url), Instant.now()).orElseThrow();
        assertEquals("appointment-1", link.appointmentId());
        assertEquals("self-1", link.selfServiceId());
        assertEquals(ManageLinks.customer("jordan@contoso.example"), link.customer(), "one customer, any case");
        assertTrue(links(B).verify(token(url), Instant.now()).isEmpty(), "the signing key retired: the link is dead");
        assertTrue(token(links(B + "," + A).url(appointment(), "x@contoso.example").orElseThrow()).startsWith("eyJ"));
    }

    @Test
    void aLinkStopsWorkingWhenTheAppointmentEndsAndWhenTouched() {
        String token = token(links(A).url(appointment(), "jordan@contoso.example").orElseThrow());
        assertTrue(links(A).verify(token, START.plusHours(1).toInstant()).isEmpty(), "ended");
        assertTrue(links(A).verify(token, START.toInstant()).isPresent());
        String touched = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertTrue(links(A).verify(touched, Instant.now()).isEmpty(), "tampered");
        assertTrue(links(A).verify("not.a.token", Instant.now()).isEmpty());
        assertTrue(links("").verify(token, Instant.now()).isEmpty(), "no keys, no links");
    }

    @Test
    void noLinkWithoutKeysOrForAnAppointmentThatDoesNotAllowIt() {
        assertTrue(links("").url(appointment(), "jordan@contoso.example").isEmpty());
        assertTrue(links("short:" + Base64.getEncoder().encodeToString("too short".getBytes()))
                .url(appointment(), "jordan@contoso.example").isEmpty(), "a key under 32 bytes is no key");
        Appointment closed = appointment();
        closed.customerAllowedToManageBooking(false);
        assertTrue(links(A).url(closed, "jordan@contoso.example").isEmpty());
    }
}
