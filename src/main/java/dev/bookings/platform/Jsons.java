package dev.bookings.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. {@code jakarta.json.Jsons.JSON.create…} looks the provider up through the
 * {@code ServiceLoader} on every call, and under load those look-ups queue on the class loader's lock (measured:
 * src/site/markdown/benchmark.md); the provider is thread-safe, so it is looked up once.
 */
public final class Jsons {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsons() {
    }
}
