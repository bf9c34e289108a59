package dev.bookings.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Duration;

/** Stores a {@link Duration} as its ISO 8601 text ({@code PT30M}), readable in the database and portable. */
@Converter(autoApply = true)
public class DurationConverter implements AttributeConverter<Duration, String> {

    @Override
    public String convertToDatabaseColumn(Duration value) {
        return value == null ? null : value.toString();
    }

    @Override
    public Duration convertToEntityAttribute(String value) {
        return value == null ? null : Duration.parse(value);
    }
}
