package dev.bookings.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A database as the previous release left it: its schema (the migrations up to {@link #SCHEMA_VERSION}) holding data
 * ({@code db/previous-release/data.sql}). Upgrades start from here. When a release ships new migrations, move
 * {@link #SCHEMA_VERSION} to that release's last one and add rows for its new tables to the data.
 */
public final class PreviousRelease {

    /** The schema version of the previous release (0.1.0: businesses, appointments, staff, notices, services, customers). */
    public static final String SCHEMA_VERSION = "3";
    public static final String TENANT = "tenant-previous-release";
    public static final String BUSINESS = "FourthCoffee@bookings.example";
    public static final String BOOKED_APPOINTMENT = "appointment-booked-previous-release";
    public static final String CANCELLED_APPOINTMENT = "appointment-cancelled-previous-release";

    private PreviousRelease() {
    }

    /** Migrates an empty database to the previous release's schema and fills it with that release's data. */
    public static void install(DataSource database) {
        flyway(database).target(SCHEMA_VERSION).load().migrate();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : data().split(";\\s*\\n")) {
                String stripped = sql.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                if (!stripped.isEmpty()) {
                    statement.execute(stripped);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the previous release's data", e);
        }
    }

    /** Flyway as the application configures it (same locations), for tests that migrate by themselves. */
    public static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource database) {
        return Flyway.configure(PreviousRelease.class.getClassLoader()).dataSource(database).locations("classpath:db/migration");
    }

    private static String data() {
        try (InputStream in = PreviousRelease.class.getResourceAsStream("/db/previous-release/data.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
