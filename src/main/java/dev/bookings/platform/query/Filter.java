package dev.bookings.platform.query;

import java.util.List;

/**
 * A parsed OData {@code $filter} expression: the tree {@link FilterParser} builds and {@link CriteriaListing}
 * turns into a parameterised JPA criteria predicate. Literal values are {@link String} (quoted), {@link
 * java.math.BigDecimal}, {@link Boolean}, {@link DateTimeLiteral} (an unquoted date-time) or {@code null}.
 */
public sealed interface Filter {

    record And(Filter left, Filter right) implements Filter {
    }

    record Or(Filter left, Filter right) implements Filter {
    }

    record Not(Filter operand) implements Filter {
    }

    /** {@code property op value}, op one of {@code eq ne gt ge lt le}. */
    record Comparison(String property, String operator, Object value) implements Filter {
    }

    /** {@code property in (v1, v2, …)}. */
    record In(String property, List<Object> values) implements Filter {
    }

    /** {@code startswith(property, 'text')} and {@code contains(property, 'text')}. */
    record Call(String function, String property, String text) implements Filter {
    }

    /** An unquoted OData date-time literal such as {@code 2026-05-01T12:00:00Z}. */
    record DateTimeLiteral(String text) {
    }
}
