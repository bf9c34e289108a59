package dev.bookings.currencies.control;

import dev.bookings.errors.InvalidRequest;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The bookingCurrencies: every ISO 4217 currency the JDK knows that has minor units (which leaves out gold,
 * silver, test and accounting codes such as XAU, XTS and XDR), with its symbol as written in US English
 * ({@code USD} → {@code $}, {@code EUR} → {@code €}, {@code CAD} → {@code CA$}), in code order.
 */
public final class Currencies {

    /** One currency: its ISO 4217 code (the id) and symbol. */
    public record BookingCurrency(String id, String symbol) {
    }

    public static final List<BookingCurrency> ALL = Currency.getAvailableCurrencies().stream()
            .filter(c -> c.getDefaultFractionDigits() >= 0)
            .map(c -> new BookingCurrency(c.getCurrencyCode(), c.getSymbol(Locale.US)))
            .sorted(Comparator.comparing(BookingCurrency::id))
            .toList();
    private static final Map<String, BookingCurrency> BY_ID = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(BookingCurrency::id, Function.identity()));

    private Currencies() {
    }

    public static Optional<BookingCurrency> find(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id.toUpperCase(Locale.ROOT)));
    }

    /** The currency code as stored (upper case), or 400 when it is not a bookingCurrency. */
    public static String require(String code, String property) {
        return find(code).map(BookingCurrency::id).orElseThrow(() -> new InvalidRequest("Property '" + property
                + "' must be the ISO 4217 code of a bookingCurrency (such as USD or EUR), not '" + code + "'."));
    }
}
